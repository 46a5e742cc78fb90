/**
 * `backups/annotations-<time>--<hash>.json`: a snapshot of everything the user wrote
 * (every annotation shard, the briefings and the undo history) plus the library index, taken on start and at most
 * every few minutes while changes happen, and used to restore damaged files.
 */
import { z } from 'zod';
import { annotationShardSchema } from './annotation-shard';
import { libraryIndexSchema } from './library-index';
import { libraryV3Schema, upgradeLibraryV3 } from '../migrations/library-v3';
import { briefingsFileSchema } from './briefings-file';

export const backupSnapshotVersion = 1;

export const backupSnapshotSchema = z.object({
  schemaVersion: z.literal(backupSnapshotVersion),
  takenAt: z.string(),
  /** A hash of `library` and `shards`, to skip a backup identical to the newest one. */
  contentHash: z.string(),
  /** The index as it was; one taken before stories (version 3) is read as a version-4 index with none. */
  library: z.union([libraryIndexSchema, libraryV3Schema.transform(upgradeLibraryV3)]),
  shards: z.record(z.string(), annotationShardSchema),
  briefings: briefingsFileSchema.nullable().default(null),
  /** The undo history, checked by its own loader when restored (older backups have none). */
  operations: z.unknown().default(null),
});
export type BackupSnapshot = z.infer<typeof backupSnapshotSchema>;
