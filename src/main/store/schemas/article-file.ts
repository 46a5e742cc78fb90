/**
 * `articles/<id>.json`: one article's text, large and rarely written, kept apart
 * from the index and the annotations so saving a highlight never rewrites it.
 * It holds the raw text exactly as it arrived and the cleaned structure made
 * from it (which records its cleaning-rules version), and repeats the article's
 * record so a lost index can be rebuilt from these files.
 *
 * Version history: 1 held plain paragraphs; 2 holds the cleaned structure; 3
 * lets its blocks carry links (an app reading only version 2 then says the file
 * is newer, instead of damaged).
 */
import { z } from 'zod';
import { storedCleanedArticleV2Schema } from '../migrations/article-file-v2';
import { storedCleanedArticleV3Schema } from '../migrations/article-file-v3';
import { articleRecordSchema } from './library-index';

export const articleFileVersion = 3;

const articleFileFields = {
  schemaVersion: z.literal(articleFileVersion),
  record: articleRecordSchema,
  /** What `rawText` is written in; HTML and Markdown are converted to lines before cleaning. */
  format: z.enum(['text', 'markdown', 'html']),
  /** The text exactly as it arrived, never changed. */
  rawText: z.string(),
  /** Frozen with version 3 of this file (migrations/article-file-v3.ts), apart from the live schema. */
  cleaned: storedCleanedArticleV3Schema,
  /** Lines the reader put back into the body or took out of it, by raw line number; kept across re-cleaning. */
  readerChoices: z
    .object({
      restore: z.array(z.number().int().positive()),
      remove: z.array(z.number().int().positive()),
    })
    .optional(),
};

export const articleFileSchema = z.object(articleFileFields);
export type ArticleFile = z.infer<typeof articleFileSchema>;

/** Version 2: the same fields, its cleaned article without links. */
export const articleFileV2Schema = z.object({
  ...articleFileFields,
  schemaVersion: z.literal(2),
  cleaned: storedCleanedArticleV2Schema,
});
export type ArticleFileV2 = z.infer<typeof articleFileV2Schema>;
