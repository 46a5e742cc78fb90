/**
 * The second library index (schema version 2): article records without source
 * metadata or quality-flag counts, next to version-1 article files holding
 * paragraphs instead of cleaned structure. Kept only to read and migrate them.
 */
import { z } from 'zod';
import { seedingRecordV1Schema, storedSettingsV1Schema } from './library-parts-v1';

export const articleRecordV2Schema = z.object({
  id: z.string().min(1),
  title: z.string(),
  titleDerived: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  sourceFile: z.string().nullable(),
  addedAt: z.string(),
});

export const libraryV2Schema = z.object({
  schemaVersion: z.literal(2),
  articles: z.array(articleRecordV2Schema),
  seeding: seedingRecordV1Schema.nullable(),
  settings: storedSettingsV1Schema,
});
export type LibraryV2 = z.infer<typeof libraryV2Schema>;

export const articleFileV1Schema = z.object({
  schemaVersion: z.literal(1),
  record: articleRecordV2Schema,
  rawText: z.string(),
  paragraphs: z.array(z.string()),
});
export type ArticleFileV1 = z.infer<typeof articleFileV1Schema>;
