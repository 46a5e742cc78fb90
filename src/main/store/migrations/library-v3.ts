/**
 * The third library index (schema version 3): the current one without stories.
 * Kept to read and migrate it, and to read backups taken before version 4.
 */
import { z } from 'zod';
import { settingsSchema } from '../../../shared/contract';
import {
  articleRecordSchema,
  libraryIndexVersion,
  seedingRecordSchema,
  type LibraryIndex,
} from '../schemas/library-index';

export const libraryV3Schema = z.object({
  schemaVersion: z.literal(3),
  articles: z.array(articleRecordSchema),
  seeding: seedingRecordSchema.nullable(),
  settings: settingsSchema,
});
export type LibraryV3 = z.infer<typeof libraryV3Schema>;

/** The version-4 index holding what a version-3 one held (also used for backups taken before version 4). */
export function upgradeLibraryV3(legacy: LibraryV3): LibraryIndex {
  return { ...legacy, schemaVersion: libraryIndexVersion, stories: [] };
}
