/**
 * The structured article that cleaning produces, as stored and as sent to the
 * renderer. Offsets (`start`, `end`) count Unicode code points in `text`, the
 * cleaned body text that highlights anchor to.
 *
 * A block (or list item) may carry `links`: spans of its own text (code-point
 * offsets into the block's `text`, not the body's) with the address they point
 * to. The text stays the plain visible text, so highlights, search and
 * anchoring never see link syntax; only http:, https: and mailto: addresses
 * are kept (see shared/link-href.ts).
 */
import { z } from 'zod';

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const lines = z.array(z.number().int().positive());

export const linkSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  href: z.string().max(4096),
});
export type LinkSpan = z.infer<typeof linkSpanSchema>;
/** Absent when the text holds no link, so articles without links are stored as before. */
const links = { links: z.array(linkSpanSchema).optional() };

export const listItemSchema = z.object({
  marker: z.string().nullable(),
  text: z.string(),
  line: z.number().int().positive(),
  ...span,
  ...links,
});

export const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string(), lines, ...span, ...links }),
  z.object({
    kind: z.literal('heading'),
    text: z.string(),
    marker: z.string().nullable(),
    lines,
    ...span,
    ...links,
  }),
  z.object({
    kind: z.literal('quote'),
    text: z.string(),
    marker: z.string().nullable(),
    lines,
    ...span,
    ...links,
  }),
  z.object({ kind: z.literal('caption'), text: z.string(), lines, ...span, ...links }),
  z.object({ kind: z.literal('break'), marker: z.string(), lines, ...span }),
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(listItemSchema), lines, ...span }),
]);
export type Block = z.infer<typeof blockSchema>;
export type ListItem = z.infer<typeof listItemSchema>;

export const removedLineSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  kind: z.enum([
    'summary-prompt',
    'article-navigation',
    'thread-links',
    'copy-protection',
    'form-notice',
    'comment-counter',
    'comment-chrome',
    'sharing',
    /** A PDF's running headers, footers and page numbers (set by the PDF import). */
    'page-furniture',
    // Kinds the block classifier (rules version 2) gives.
    'site-chrome',
    'menu',
    'button',
    'counter',
    'link-list',
    'copyright',
    'cookie-notice',
    'form-control',
  ]),
  /** Why the line was judged not to be article text (rules version 2 on). */
  reason: z.string().optional(),
});
export type RemovedLine = z.infer<typeof removedLineSchema>;

export const readerCommentSchema = z.object({ line: z.number().int().positive(), text: z.string() });
export type ReaderComment = z.infer<typeof readerCommentSchema>;

export const qualityFlagSchema = z.object({
  kind: z.enum(['mis-encoding', 'garbled', 'out-of-place']),
  excerpt: z.string(),
  explanation: z.string(),
  ...span,
});
export type QualityFlag = z.infer<typeof qualityFlagSchema>;

export const cleanedArticleSchema = z.object({
  /** The cleaning rules that made this structure; 0 means rules older than any recorded version. */
  rulesVersion: z.number().int().nonnegative(),
  title: z.string(),
  titleDerived: z.boolean(),
  /** The line the title came from; null for a derived title. */
  titleLine: z.number().int().positive().nullable(),
  dek: z.object({ text: z.string(), line: z.number().int().positive() }).nullable(),
  blocks: z.array(blockSchema),
  /** The body as one string: block texts joined by blank lines (list items by line breaks). */
  text: z.string(),
  removed: z.array(removedLineSchema),
  comments: z.array(readerCommentSchema),
  flags: z.array(qualityFlagSchema),
});
export type CleanedArticle = z.infer<typeof cleanedArticleSchema>;
