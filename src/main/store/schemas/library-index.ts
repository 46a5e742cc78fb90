/**
 * `library.json`: the small, often-read index of the library (one record per
 * article, without its text), the seeding record and the settings.
 *
 * Version history: 1 held every article's full text in this one file (the
 * foundation release); 2 moved the text to `articles/<id>.json`; 3 added the
 * source metadata (outlet, author, date, URL), the count of quality flags and
 * the content key that duplicate detection compares; 4 added the stories (named
 * collections of articles) and each article's tags (optional on a record, so
 * article files and undo steps written before read as they are).
 */
import { z } from 'zod';
import { defaultCategories } from '../../../shared/default-categories';
import { seedingRecordV1Schema, storedSettingsV1Schema } from '../migrations/library-parts-v1';
import { storedLibraryViewSchema } from './stored-library-view';
import { storedEntityChoicesSchema } from './stored-entity-choices';

export const libraryIndexVersion = 4;

export const sourceMetadataSchema = z.object({
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  /** As the user typed it or the source gave it, ideally YYYY-MM-DD. */
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
});
export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;

export function emptySourceMetadata(): SourceMetadata {
  return { outlet: null, author: null, publishedAt: null, url: null };
}

export const articleRecordSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** True when the source had no headline and the title was derived from its opening. */
  titleDerived: z.boolean(),
  /** True once the user has edited the title; re-cleaning then keeps it. */
  titleEdited: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  /** The seed or imported file name the text came from, when there was one. */
  sourceFile: z.string().nullable(),
  addedAt: z.string(),
  source: sourceMetadataSchema,
  /** How many damaged passages cleaning flagged in the text. */
  flagCount: z.number().int().nonnegative(),
  /** A hash of the normalised text: two imports with the same key are the same article. */
  contentKey: z.string().min(1),
  /** The user's tags for the whole article (absent: none). */
  tags: z.array(z.string()).optional(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** The seeding record and the settings are stored as every version so far stored them (see library-parts-v1.ts). */
export const seedingRecordSchema = seedingRecordV1Schema;
/** Version 4 adds the library's remembered sort, filters and open story (optional: older files have none). */
export const storedSettingsSchema = storedSettingsV1Schema.extend({
  library: storedLibraryViewSchema.optional(),
});

/** A story: a named collection of articles (an article may be in several). */
export const storySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string(),
  /** In the order they were added; an id may outlive its article (undo of a delete brings it back). */
  articleIds: z.array(z.string().min(1)),
  /** The story desk: the reader's merges, splits and renames of entities (absent: none yet). */
  entityChoices: storedEntityChoicesSchema.optional(),
});
export type Story = z.infer<typeof storySchema>;

export const libraryIndexSchema = z.object({
  schemaVersion: z.literal(libraryIndexVersion),
  articles: z.array(articleRecordSchema),
  /** Set once the bundled seeds have been loaded; null until then. */
  seeding: seedingRecordSchema.nullable(),
  settings: storedSettingsSchema,
  /**
   * The cleaning-rules version every article file was last brought to by the background
   * re-cleaning (`reclean-stale-articles.ts`); absent until it has run. Optional, so files
   * without it (and apps that ignore it) read the same: no new index version.
   */
  cleanedWithRules: z.number().int().nonnegative().optional(),
  stories: z.array(storySchema),
  /**
   * The number of the last index-journal record this file already holds (`index-journal.ts`):
   * replay on open skips records up to it. Absent: no record was ever folded into this file.
   * Optional, like `cleanedWithRules`: no new index version. Never part of the index in memory.
   */
  journalSeq: z.number().int().nonnegative().optional(),
});
export type LibraryIndex = z.infer<typeof libraryIndexSchema>;

export function emptyLibraryIndex(): LibraryIndex {
  return {
    schemaVersion: libraryIndexVersion,
    articles: [],
    seeding: null,
    settings: { theme: 'system', categories: structuredClone(defaultCategories) },
    stories: [],
  };
}
