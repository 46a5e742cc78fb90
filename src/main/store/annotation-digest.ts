/**
 * What the library lists of each article's annotations (its highlight and note counts, read or
 * not, how far), kept beside the annotation files so a start need not read all of them before the
 * first screen (issue 14: reading, parsing and checking 10,000 annotation files was most of the
 * store's open, 300–400 ms of the 1 s start).
 *
 * `annotation-digest.json` is written when the store closes, after everything is saved. Each entry
 * holds the file's size, modification and change times and inode as they were then; on open, a
 * file whose times, size or inode differ (changed since, by this app after a crash, by another
 * program, or damaged) is read and checked as before, and only the rest are taken from the
 * digest, their files read in the background. The change time cannot be set back by any program,
 * and every save renames a new file (a new inode) into place, so a file rewritten since the digest
 * is always read again. A digest that is missing, damaged, or from another version is simply not
 * used: it only ever saves time, and the files are always the truth.
 */
import { statSync, type Stats } from 'node:fs';
import { writeFileDurably } from './durable-write';
import type { AnnotationShard } from './schemas/annotation-shard';
import { storeFs } from './store-fs';
import type { StoreLayout } from './store-layout';

/** The part of an article's annotations its library row shows and filters on. */
export interface AnnotationCounts {
  readonly highlightCount: number;
  readonly noteCount: number;
  readonly read: boolean;
  readonly readingProgress: number;
}

export function noteCount(shard: Readonly<AnnotationShard>): number {
  return (
    shard.highlights.filter((highlight) => highlight.note.trim() !== '').length +
    (shard.articleNote?.text.trim() ? 1 : 0)
  );
}

/** Made once per annotation file: files are frozen and replaced whole, so the counts keep their identity. */
const countsByShard = new WeakMap<Readonly<AnnotationShard>, AnnotationCounts>();

export function countsOf(shard: Readonly<AnnotationShard>): AnnotationCounts {
  let counts = countsByShard.get(shard);
  if (!counts) {
    counts = Object.freeze({
      highlightCount: shard.highlights.length,
      noteCount: noteCount(shard),
      read: shard.reading?.read ?? false,
      readingProgress: shard.reading?.progress ?? 0,
    });
    if (Object.isFrozen(shard)) countsByShard.set(shard, counts);
  }
  return counts;
}

/**
 * For a file read after the digest gave its counts: the digest's counts object stands for the file
 * when they agree, so what was made from them (the library's summaries, kept by identity) still holds.
 */
export function adoptCounts(shard: Readonly<AnnotationShard>, counts: AnnotationCounts): void {
  const fresh = countsOf(shard);
  if (
    fresh !== counts &&
    Object.isFrozen(shard) &&
    fresh.highlightCount === counts.highlightCount &&
    fresh.noteCount === counts.noteCount &&
    fresh.read === counts.read &&
    fresh.readingProgress === counts.readingProgress
  )
    countsByShard.set(shard, counts);
}

/** An article with no annotation file (yet). */
export const noAnnotationCounts: AnnotationCounts = Object.freeze({
  highlightCount: 0,
  noteCount: 0,
  read: false,
  readingProgress: 0,
});

const digestVersion = 2;

/** One entry: the file's size, mtime and ctime (ms) and inode when written, then its counts (read as 0 or 1). */
type DigestEntry = [number, number, number, number, number, number, number, number];

interface DigestFile {
  schemaVersion: number;
  files: Record<string, DigestEntry>;
}

function isEntry(value: unknown): value is DigestEntry {
  return (
    Array.isArray(value) &&
    value.length === 8 &&
    value.every((part) => typeof part === 'number' && Number.isFinite(part) && part >= 0) &&
    Number.isInteger(value[4]) &&
    Number.isInteger(value[5]) &&
    (value[6] === 0 || value[6] === 1) &&
    value[7] <= 1
  );
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function sameFile(entry: DigestEntry, stats: Stats | undefined): boolean {
  return (
    stats !== undefined &&
    stats.isFile() &&
    stats.size === entry[0] &&
    stats.mtimeMs === entry[1] &&
    stats.ctimeMs === entry[2] &&
    stats.ino === entry[3]
  );
}

export interface DigestReading {
  /** The counts of the files unchanged since the digest was written. */
  unchanged: Map<string, AnnotationCounts>;
  /** The files to read now: changed since, or not in the digest. */
  toRead: string[];
}

/**
 * Splits the annotation files named `ids` into those the digest still describes and those to read;
 * null when there is no usable digest (every file is then read, as without one).
 */
export function readAnnotationDigest(layout: StoreLayout, ids: readonly string[]): DigestReading | null {
  let digest: DigestFile;
  try {
    digest = JSON.parse(storeFs.readFileSync(layout.annotationDigestFile)) as DigestFile;
  } catch {
    return null;
  }
  if (
    typeof digest !== 'object' ||
    digest === null ||
    digest.schemaVersion !== digestVersion ||
    typeof digest.files !== 'object' ||
    digest.files === null
  )
    return null;
  const unchanged = new Map<string, AnnotationCounts>();
  const toRead: string[] = [];
  for (const id of ids) {
    const entry = Object.hasOwn(digest.files, id) ? digest.files[id] : undefined;
    if (isEntry(entry) && sameFile(entry, statOf(layout.annotationFile(id)))) {
      unchanged.set(
        id,
        Object.freeze({
          highlightCount: entry[4],
          noteCount: entry[5],
          read: entry[6] === 1,
          readingProgress: entry[7],
        }),
      );
    } else toRead.push(id);
  }
  return { unchanged, toRead };
}

export type DigestEntries = Record<string, DigestEntry>;

/**
 * The digest's entries for these files, each with the counts of what it holds on disk (the caller
 * makes sure of that: no write in flight for any of them). Synchronous, so nothing can change a
 * file between the caller's check and its stat. A file that cannot be looked at is left out, so it
 * is read on the next open.
 */
export function digestEntries(
  layout: StoreLayout,
  files: Iterable<[string, AnnotationCounts]>,
): DigestEntries {
  const entries: DigestEntries = {};
  for (const [id, counts] of files) {
    const stats = statOf(layout.annotationFile(id));
    if (!stats?.isFile()) continue;
    entries[id] = [
      stats.size,
      stats.mtimeMs,
      stats.ctimeMs,
      stats.ino,
      counts.highlightCount,
      counts.noteCount,
      counts.read ? 1 : 0,
      counts.readingProgress,
    ];
  }
  return entries;
}

export async function writeAnnotationDigest(layout: StoreLayout, entries: DigestEntries): Promise<void> {
  const digest: DigestFile = { schemaVersion: digestVersion, files: entries };
  await writeFileDurably(layout.annotationDigestFile, JSON.stringify(digest));
}
