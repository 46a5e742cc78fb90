/**
 * `annotations/<articleId>.json`: one article's highlights and its article note.
 * This is what is written most often, so it is sharded per article: saving a
 * highlight rewrites only its own article's file, whatever the library's size.
 */
import { z } from 'zod';

export const annotationShardVersion = 1;

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});

export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  /** Offsets in Unicode code points into the article's cleaned text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const highlightSchema = z.object({
  id: z.string().min(1),
  categoryId: z.string().min(1),
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  /** The version of the cleaning rules the selectors were made against. */
  rulesVersion: z.number().int().nonnegative(),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True when the text changed and the highlight could not be re-anchored confidently. */
  orphaned: z.boolean().default(false),
});
export type Highlight = z.infer<typeof highlightSchema>;

export const articleNoteSchema = z.object({ text: z.string(), updatedAt: z.string() });

/** Where the reader stopped in the article, and whether it is read (written often, so it lives here). */
export const readingStateSchema = z.object({
  /** The body-text offset (code points) of the passage at the top of the window when the reader stopped. */
  offset: z.number().int().nonnegative(),
  /** How far down the article the reader got, 0–1. */
  progress: z.number().min(0).max(1),
  read: z.boolean(),
  updatedAt: z.string(),
});
export type ReadingState = z.infer<typeof readingStateSchema>;

export const annotationShardSchema = z.object({
  schemaVersion: z.literal(annotationShardVersion),
  articleId: z.string().min(1),
  highlights: z.array(highlightSchema),
  articleNote: articleNoteSchema.nullable(),
  /** Absent until the article is first read (and in files written before reading state). */
  reading: readingStateSchema.optional(),
});
export type AnnotationShard = z.infer<typeof annotationShardSchema>;

export function emptyShard(articleId: string): AnnotationShard {
  return { schemaVersion: annotationShardVersion, articleId, highlights: [], articleNote: null };
}
