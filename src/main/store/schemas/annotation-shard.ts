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

export const annotationShardSchema = z.object({
  schemaVersion: z.literal(annotationShardVersion),
  articleId: z.string().min(1),
  highlights: z.array(highlightSchema),
  articleNote: articleNoteSchema.nullable(),
});
export type AnnotationShard = z.infer<typeof annotationShardSchema>;

export function emptyShard(articleId: string): AnnotationShard {
  return { schemaVersion: annotationShardVersion, articleId, highlights: [], articleNote: null };
}
