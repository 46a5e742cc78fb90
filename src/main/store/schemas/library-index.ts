/**
 * `library.json`: the small, often-read index of the library (one record per
 * article, without its text), the seeding record and the settings.
 *
 * Version history: 1 held every article's full text in this one file (the
 * foundation release); 2 moved the text to `articles/<id>.json`.
 */
import { z } from 'zod';
import { settingsSchema } from '../../../shared/contract';

export const libraryIndexVersion = 2;

export const articleRecordSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** True when the source had no headline and the title was derived from its opening. */
  titleDerived: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  /** The seed or imported file name the text came from, when there was one. */
  sourceFile: z.string().nullable(),
  addedAt: z.string(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

export const seedingRecordSchema = z.object({
  completedAt: z.string(),
  files: z.array(z.string()),
});

export const libraryIndexSchema = z.object({
  schemaVersion: z.literal(libraryIndexVersion),
  articles: z.array(articleRecordSchema),
  /** Set once the bundled seeds have been loaded; null until then. */
  seeding: seedingRecordSchema.nullable(),
  settings: settingsSchema,
});
export type LibraryIndex = z.infer<typeof libraryIndexSchema>;

export function emptyLibraryIndex(): LibraryIndex {
  return { schemaVersion: libraryIndexVersion, articles: [], seeding: null, settings: { theme: 'system' } };
}
