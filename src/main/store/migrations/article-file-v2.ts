/**
 * The cleaned article as version 2 of `articles/<id>.json` stores it, frozen:
 * a copy of the shared cleaned-article schema as it was when these files were
 * written. The app's live schema (src/shared/cleaned-article.ts) may change;
 * old files are still read with this one. tests/unit/stored-schemas.test.ts
 * fails while the two differ, so a change to the live schema comes with a new
 * article-file version and its migration, never by silently reading old files
 * another way.
 */
import { z } from 'zod';

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const lines = z.array(z.number().int().positive());

const listItemV2Schema = z.object({
  marker: z.string().nullable(),
  text: z.string(),
  line: z.number().int().positive(),
  ...span,
});

const blockV2Schema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string(), lines, ...span }),
  z.object({ kind: z.literal('heading'), text: z.string(), marker: z.string().nullable(), lines, ...span }),
  z.object({ kind: z.literal('quote'), text: z.string(), marker: z.string().nullable(), lines, ...span }),
  z.object({ kind: z.literal('caption'), text: z.string(), lines, ...span }),
  z.object({ kind: z.literal('break'), marker: z.string(), lines, ...span }),
  z.object({
    kind: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(listItemV2Schema),
    lines,
    ...span,
  }),
]);

const removedLineV2Schema = z.object({
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

const readerCommentV2Schema = z.object({ line: z.number().int().positive(), text: z.string() });

const qualityFlagV2Schema = z.object({
  kind: z.enum(['mis-encoding', 'garbled', 'out-of-place']),
  excerpt: z.string(),
  explanation: z.string(),
  ...span,
});

export const storedCleanedArticleV2Schema = z.object({
  /** The cleaning rules that made this structure; 0 means rules older than any recorded version. */
  rulesVersion: z.number().int().nonnegative(),
  title: z.string(),
  titleDerived: z.boolean(),
  /** The line the title came from; null for a derived title. */
  titleLine: z.number().int().positive().nullable(),
  dek: z.object({ text: z.string(), line: z.number().int().positive() }).nullable(),
  blocks: z.array(blockV2Schema),
  /** The body as one string: block texts joined by blank lines (list items by line breaks). */
  text: z.string(),
  removed: z.array(removedLineV2Schema),
  comments: z.array(readerCommentV2Schema),
  flags: z.array(qualityFlagV2Schema),
});
export type StoredCleanedArticleV2 = z.infer<typeof storedCleanedArticleV2Schema>;
