/**
 * `backups/annotations-<time>--<hash>.json`: a snapshot of everything the user wrote
 * (every annotation shard, the briefings and the undo history) plus the library index, taken on start and at most
 * every few minutes while changes happen, and used to restore damaged files.
 */
import { z } from 'zod';
import { annotationShardSchema } from './annotation-shard';
import { libraryIndexSchema } from './library-index';
import { libraryV3Schema } from '../migrations/library-v3';
import { upgradeLibraryV3 } from '../migrations/migrate-library-v3';

export const backupSnapshotVersion = 1;

export const backupSnapshotSchema = z.object({
  schemaVersion: z.literal(backupSnapshotVersion),
  takenAt: z.string(),
  /** A hash of `library` and `shards`, to skip a backup identical to the newest one. */
  contentHash: z.string(),
  /** The index as it was; one taken before stories (version 3) is read as a version-4 index with none. */
  library: z.union([libraryIndexSchema, libraryV3Schema.transform(upgradeLibraryV3)]),
  shards: z.record(z.string(), annotationShardSchema),
  /**
   * The briefings and the undo history, each checked (and migrated from an older version) by its own
   * loader when restored, so a backup taken before a version change still restores them (older
   * backups have none).
   */
  briefings: z.unknown().default(null),
  operations: z.unknown().default(null),
});
export type BackupSnapshot = z.infer<typeof backupSnapshotSchema>;
