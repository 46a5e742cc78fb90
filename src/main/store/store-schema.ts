/**
 * The shape of the library file on disk, with the schema version recorded in it.
 *
 * Every open validates the whole file against this schema, so a file edited by
 * hand or damaged by a crash is caught before the app trusts a single field.
 */
import { z } from 'zod';
import { settingsSchema } from '../../shared/contract';

export const currentSchemaVersion = 1;

export const storedArticleSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** True when the source had no headline and the title was derived from its opening. */
  titleDerived: z.boolean(),
  rawText: z.string(),
  paragraphs: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  /** The seed or imported file name the text came from, when there was one. */
  sourceFile: z.string().nullable(),
  addedAt: z.string(),
});
export type StoredArticle = z.infer<typeof storedArticleSchema>;

export const seedingRecordSchema = z.object({
  completedAt: z.string(),
  files: z.array(z.string()),
});

export const storeFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  articles: z.array(storedArticleSchema),
  /** Set once the bundled seeds have been loaded; null until then. */
  seeding: seedingRecordSchema.nullable(),
  settings: settingsSchema,
});
export type StoreFile = z.infer<typeof storeFileSchema>;

export function emptyStoreFile(): StoreFile {
  return {
    schemaVersion: currentSchemaVersion,
    articles: [],
    seeding: null,
    settings: { theme: 'system' },
  };
}
