/**
 * Rotating backups of what the user wrote: each backup is one snapshot file of
 * every annotation shard plus the library index, `backups/annotations-<time>--<hash>.json`.
 * A backup identical to the newest one (same hash in its name) is skipped; only the newest `keep` are kept.
 * Restoring looks through them newest first and takes the first sound copy.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { writeChunksDurably, writeFileDurably } from './durable-write';
import { storeFs } from './store-fs';
import { fileStamp } from './quarantine';
import { inspectJsonText } from './file-inspection';
import type { AnnotationShard } from './schemas/annotation-shard';
import type { LibraryIndex } from './schemas/library-index';
import type { BriefingsFile } from './schemas/briefings-file';
import { backupSnapshotSchema, backupSnapshotVersion, type BackupSnapshot } from './schemas/backup-snapshot';

export const backupPolicy = {
  /** How many snapshots are kept. */
  keep: 10,
  /** The shortest time between two snapshots taken because of changes. */
  minIntervalMs: 5 * 60 * 1000,
  /** The snapshot a store takes when it opens waits this long, so it is not on the start path. */
  openDelayMs: 5_000,
  /** A snapshot is serialised in slices of about this many milliseconds, yielding between them. */
  sliceMs: 8,
} as const;

const prefix = 'annotations-';
/** How many hex digits of the content hash the file name carries. */
const hashInName = 16;
const snapshotVersions = {
  current: backupSnapshotVersion,
  schemaFor: (v: number) => (v === 1 ? backupSnapshotSchema : null),
};

export interface BackupContent {
  library: LibraryIndex;
  shards: Record<string, AnnotationShard>;
  briefings: BriefingsFile | null;
  /** The undo history as stored (its loader checks its version and shape on restore). */
  operations?: unknown;
}

function hashOf(content: BackupContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Backup file names, newest first (their names sort by time). */
export async function listBackups(backupsDir: string): Promise<string[]> {
  try {
    const names = await storeFs.readdir(backupsDir);
    return names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => path.join(backupsDir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads a backup, or null when it is itself damaged. */
export async function readBackup(file: string): Promise<BackupSnapshot | null> {
  try {
    const inspection = inspectJsonText(await storeFs.readFile(file), snapshotVersions);
    return inspection.state === 'sound' ? (inspection.data as BackupSnapshot) : null;
  } catch {
    return null;
  }
}

/** Writes a snapshot unless it equals the newest one; prunes old ones. Returns the new file, or null if skipped. */
export async function takeBackup(
  backupsDir: string,
  content: BackupContent,
  now: Date,
): Promise<string | null> {
  await storeFs.mkdir(backupsDir, { recursive: true });
  const contentHash = hashOf(content);
  const [newest] = await listBackups(backupsDir);
  // The hash is in the file name, so the newest backup need not be read to know it holds the same content.
  if (newest?.endsWith(`--${contentHash.slice(0, hashInName)}.json`)) return null;

  const snapshot: BackupSnapshot = {
    schemaVersion: backupSnapshotVersion,
    takenAt: now.toISOString(),
    contentHash,
    ...content,
    operations: content.operations ?? null,
  };
  const file = path.join(backupsDir, `${prefix}${fileStamp(now)}--${contentHash.slice(0, hashInName)}.json`);
  await writeFileDurably(file, JSON.stringify(snapshot));
  for (const old of (await listBackups(backupsDir)).slice(backupPolicy.keep))
    await storeFs.unlink(old).catch(() => undefined);
  return file;
}

/** Finds the newest sound backup that `pick` can take something from. */
export async function findInBackups<T>(
  backupsDir: string,
  pick: (snapshot: BackupSnapshot) => T | undefined,
): Promise<{ value: T; takenAt: string } | null> {
  return backupSource(backupsDir).find(pick);
}

export interface BackupSource {
  /** The newest sound backup `pick` can take something from, and when it was taken. */
  find<T>(pick: (snapshot: BackupSnapshot) => T | undefined): Promise<{ value: T; takenAt: string } | null>;
}

/** The backups of one store, each read and checked at most once however many files are restored from it. */
export function backupSource(backupsDir: string): BackupSource {
  let files: Promise<string[]> | null = null;
  const read = new Map<string, Promise<BackupSnapshot | null>>();
  return {
    find: async (pick) => {
      files ??= listBackups(backupsDir);
      for (const file of await files) {
        if (!read.has(file)) read.set(file, readBackup(file));
        const snapshot = await read.get(file)!;
        const value = snapshot ? pick(snapshot) : undefined;
        if (snapshot && value !== undefined) return { value, takenAt: snapshot.takenAt };
      }
      return null;
    },
  };
}

/** What a snapshot holds, as references to the store's immutable (frozen or copy-on-write) data. */
export interface BackupParts {
  library: LibraryIndex;
  shards: [string, AnnotationShard][];
  briefings: BriefingsFile | null;
  operations: unknown;
}

/**
 * The same snapshot as `takeBackup`, made without holding the main thread: the
 * content is serialised one part at a time (the index through `serializeLibrary`,
 * then each annotation shard), yielding to other work every `sliceMs`, and
 * written in chunks. The content hash is the same as `takeBackup`'s.
 */
export async function takeBackupInSlices(
  backupsDir: string,
  parts: BackupParts,
  now: Date,
  serializeLibrary: (library: LibraryIndex) => string | Uint8Array,
  sliceMs: number = backupPolicy.sliceMs,
): Promise<string | null> {
  const chunks: (string | Uint8Array)[] = [];
  const hash = createHash('sha256');
  let sliceStart = performance.now();
  const add = async (chunk: string | Uint8Array) => {
    chunks.push(chunk);
    hash.update(chunk);
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToEvents();
    sliceStart = performance.now();
  };
  // The index stays bytes (a string of 3.6 MB would be copied and encoded again in one go).
  await add('{"library":');
  await add(serializeLibrary(parts.library));
  await add(',"shards":{');
  for (const [at, [id, shard]] of parts.shards.entries())
    await add(`${at === 0 ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(shard)}`);
  await add(`},"briefings":${JSON.stringify(parts.briefings)}`);
  await add(`,"operations":${JSON.stringify(parts.operations ?? null)}}`);
  const contentHash = hash.digest('hex');

  await storeFs.mkdir(backupsDir, { recursive: true });
  const [newest] = await listBackups(backupsDir);
  if (newest?.endsWith(`--${contentHash.slice(0, hashInName)}.json`)) return null;
  const head = JSON.stringify({
    schemaVersion: backupSnapshotVersion,
    takenAt: now.toISOString(),
    contentHash,
  });
  // The content's own opening brace is dropped: its keys continue the snapshot object.
  chunks[0] = `${head.slice(0, -1)},"library":`;
  const file = path.join(backupsDir, `${prefix}${fileStamp(now)}--${contentHash.slice(0, hashInName)}.json`);
  await writeChunksDurably(file, chunks);
  for (const old of (await listBackups(backupsDir)).slice(backupPolicy.keep))
    await storeFs.unlink(old).catch(() => undefined);
  return file;
}
