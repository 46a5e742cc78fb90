/**
 * The third library index (schema version 3), frozen: article records with
 * source metadata, flag counts and the content key, and no stories or tags.
 * Kept to read and migrate it, and to read backups taken before version 4;
 * `migrate-library-v3.ts` turns it into the current index.
 */
import { z } from 'zod';
import { seedingRecordV1Schema, storedSettingsV1Schema } from './library-parts-v1';

export const sourceMetadataV3Schema = z.object({
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
});

export const articleRecordV3Schema = z.object({
  id: z.string().min(1),
  title: z.string(),
  titleDerived: z.boolean(),
  titleEdited: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  sourceFile: z.string().nullable(),
  addedAt: z.string(),
  source: sourceMetadataV3Schema,
  flagCount: z.number().int().nonnegative(),
  contentKey: z.string().min(1),
});

export const libraryV3Schema = z.object({
  schemaVersion: z.literal(3),
  articles: z.array(articleRecordV3Schema),
  seeding: seedingRecordV1Schema.nullable(),
  settings: storedSettingsV1Schema,
});
export type LibraryV3 = z.infer<typeof libraryV3Schema>;
