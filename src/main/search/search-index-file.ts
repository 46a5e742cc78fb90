/**
 * The search index saved in the store folder (`search-index.json`): a first
 * line naming its format, engine and the fingerprint of the store it was made
 * from, then the engine's own JSON. Reading says why a file cannot be used
 * (missing, damaged, empty, newer, from another store state) so the service can
 * rebuild with a notice; the store is never changed by what is in this file.
 */
import path from 'node:path';
import { writeFileDurably } from '../store/durable-write';
import { storeFs } from '../store/store-fs';
import { SearchEngine, searchEngineVersion } from './search-engine';

export const searchIndexFormat = 1;
export const searchIndexFileName = 'search-index.json';

interface Header {
  format: number;
  engine: string;
  fingerprint: string;
  savedAt: string;
}

export type IndexFileReading =
  | { state: 'loaded'; engine: SearchEngine }
  | { state: 'missing' | 'damaged' | 'empty' | 'newer' | 'stale'; problem: string };

export function searchIndexPath(storeDir: string): string {
  return path.join(storeDir, searchIndexFileName);
}

export async function readIndexFile(storeDir: string, fingerprint: string): Promise<IndexFileReading> {
  let content: string;
  try {
    content = await storeFs.readFile(searchIndexPath(storeDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: 'missing', problem: 'there was no saved search index' };
    return {
      state: 'damaged',
      problem: `the saved search index could not be read (${(error as Error).message})`,
    };
  }
  if (content.trim() === '') return { state: 'empty', problem: 'the saved search index was empty' };
  const newline = content.indexOf('\n');
  let header: Header;
  try {
    header = JSON.parse(newline >= 0 ? content.slice(0, newline) : content) as Header;
  } catch {
    return { state: 'damaged', problem: 'the saved search index was damaged' };
  }
  if (typeof header.format !== 'number' || typeof header.fingerprint !== 'string')
    return { state: 'damaged', problem: 'the saved search index was damaged' };
  if (header.format > searchIndexFormat)
    return { state: 'newer', problem: 'the saved search index was written by a newer version' };
  if (header.format !== searchIndexFormat || header.engine !== searchEngineVersion)
    return { state: 'stale', problem: 'the saved search index was made by an older version' };
  if (header.fingerprint !== fingerprint)
    return { state: 'stale', problem: 'the saved search index did not match the library' };
  try {
    return { state: 'loaded', engine: await SearchEngine.load(content.slice(newline + 1)) };
  } catch {
    return { state: 'damaged', problem: 'the saved search index was damaged' };
  }
}

export async function writeIndexFile(storeDir: string, engine: SearchEngine, fingerprint: string, now: Date) {
  const header: Header = {
    format: searchIndexFormat,
    engine: searchEngineVersion,
    fingerprint,
    savedAt: now.toISOString(),
  };
  await writeFileDurably(searchIndexPath(storeDir), `${JSON.stringify(header)}\n${engine.serialize()}`);
}
