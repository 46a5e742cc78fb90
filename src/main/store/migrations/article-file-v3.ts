/**
 * The cleaned article as version 3 of `articles/<id>.json` stores it, frozen:
 * version 2's shape (migrations/article-file-v2.ts) plus the links a block or
 * list item may carry (`links`: spans of its text with an http, https or mailto
 * address). A copy of the shared cleaned-article schema as it was when these
 * files were written; tests/unit/stored-schemas.test.ts fails while the two
 * differ, so the next change to the live schema comes with version 4.
 */
import { z } from 'zod';

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const lines = z.array(z.number().int().positive());

const linkSpanV3Schema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  href: z.string().max(4096),
});
const links = { links: z.array(linkSpanV3Schema).optional() };

const listItemV3Schema = z.object({
  marker: z.string().nullable(),
  text: z.string(),
  line: z.number().int().positive(),
  ...span,
  ...links,
});

const blockV3Schema = z.discriminatedUnion('kind', [
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
  z.object({
    kind: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(listItemV3Schema),
    lines,
    ...span,
  }),
]);

const removedLineV3Schema = z.object({
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

const readerCommentV3Schema = z.object({ line: z.number().int().positive(), text: z.string() });

const qualityFlagV3Schema = z.object({
  kind: z.enum(['mis-encoding', 'garbled', 'out-of-place']),
  excerpt: z.string(),
  explanation: z.string(),
  ...span,
});

export const storedCleanedArticleV3Schema = z.object({
  /** The cleaning rules that made this structure; 0 means rules older than any recorded version. */
  rulesVersion: z.number().int().nonnegative(),
  title: z.string(),
  titleDerived: z.boolean(),
  /** The line the title came from; null for a derived title. */
  titleLine: z.number().int().positive().nullable(),
  dek: z.object({ text: z.string(), line: z.number().int().positive() }).nullable(),
  blocks: z.array(blockV3Schema),
  /** The body as one string: block texts joined by blank lines (list items by line breaks). */
  text: z.string(),
  removed: z.array(removedLineV3Schema),
  comments: z.array(readerCommentV3Schema),
  flags: z.array(qualityFlagV3Schema),
});
export type StoredCleanedArticleV3 = z.infer<typeof storedCleanedArticleV3Schema>;
