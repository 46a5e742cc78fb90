/**
 * The search index saved in the store folder (`search-index.json`): a first
 * line naming its format, engine and the fingerprints of the store it was made
 * from (its records and annotations, store-fingerprint.ts; its article texts'
 * files, texts-fingerprint.ts), then the engine's own bytes (compact-index.ts). Reading says why a file cannot be used
 * (missing, damaged, empty, newer, from another store state) so the service can
 * rebuild with a notice; the store is never changed by what is in this file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../store/durable-write';
import { SearchEngine, searchEngineVersion } from './search-engine';
import { textsFingerprint } from './texts-fingerprint';

export const searchIndexFormat = 2;
export const searchIndexFileName = 'search-index.json';

interface Header {
  format: number;
  engine: string;
  fingerprint: string;
  texts: string;
  savedAt: string;
}

export type IndexFileReading =
  | { state: 'loaded'; engine: SearchEngine }
  | { state: 'missing' | 'damaged' | 'empty' | 'newer' | 'stale'; problem: string };

export function searchIndexPath(storeDir: string): string {
  return path.join(storeDir, searchIndexFileName);
}

/**
 * The saved file read and its engine parsed, in the index's thread, apart from the check against
 * the store: nothing is trusted yet; `matchSavedIndex` decides, with the same checks in the same
 * order as reading it all at once.
 */
export type SavedIndex =
  | { state: 'read'; header: Header; engine: SearchEngine | null }
  | { state: 'missing' | 'damaged' | 'empty' | 'newer' | 'stale'; problem: string };

export async function readSavedIndex(storeDir: string): Promise<SavedIndex> {
  let content: Buffer;
  try {
    content = await readFile(searchIndexPath(storeDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: 'missing', problem: 'there was no saved search index' };
    return {
      state: 'damaged',
      problem: `the saved search index could not be read (${(error as Error).message})`,
    };
  }
  // Stops at the first byte that is not white space: a real index's first.
  if (content.every((byte) => byte === 32 || byte === 10 || byte === 13 || byte === 9))
    return { state: 'empty', problem: 'the saved search index was empty' };
  const newline = content.indexOf(10);
  let header: Header;
  try {
    header = JSON.parse(content.toString('utf8', 0, newline >= 0 ? newline : content.length)) as Header;
  } catch {
    return { state: 'damaged', problem: 'the saved search index was damaged' };
  }
  if (typeof header.format !== 'number' || typeof header.fingerprint !== 'string')
    return { state: 'damaged', problem: 'the saved search index was damaged' };
  if (header.format > searchIndexFormat)
    return { state: 'newer', problem: 'the saved search index was written by a newer version' };
  if (header.format !== searchIndexFormat || header.engine !== searchEngineVersion)
    return { state: 'stale', problem: 'the saved search index was made by an older version' };
  try {
    return { state: 'read', header, engine: SearchEngine.load(content.subarray(newline + 1)) };
  } catch {
    // Damaged bytes are reported after the fingerprints, as when the file was read all at once.
    return { state: 'read', header, engine: null };
  }
}

/** A saved index checked against the store's state now: used only if saved from this very state. */
export function matchSavedIndex(
  saved: SavedIndex,
  fingerprint: string,
  articleFiles: readonly string[],
): IndexFileReading {
  if (saved.state !== 'read') return saved;
  if (saved.header.fingerprint !== fingerprint)
    return { state: 'stale', problem: 'the saved search index did not match the library' };
  if (saved.header.texts !== textsFingerprint(articleFiles))
    return {
      state: 'stale',
      problem: 'the library’s article texts changed after the search index was saved',
    };
  if (!saved.engine) return { state: 'damaged', problem: 'the saved search index was damaged' };
  return { state: 'loaded', engine: saved.engine };
}

export async function readIndexFile(
  storeDir: string,
  fingerprint: string,
  articleFiles: readonly string[],
): Promise<IndexFileReading> {
  return matchSavedIndex(await readSavedIndex(storeDir), fingerprint, articleFiles);
}

export async function writeIndexFile(
  storeDir: string,
  engine: SearchEngine,
  fingerprint: string,
  articleFiles: readonly string[],
  now: Date,
) {
  const header: Header = {
    format: searchIndexFormat,
    engine: searchEngineVersion,
    fingerprint,
    texts: textsFingerprint(articleFiles),
    savedAt: now.toISOString(),
  };
  const body = engine.serialize();
  await writeFileDurably(
    searchIndexPath(storeDir),
    Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]),
  );
}
