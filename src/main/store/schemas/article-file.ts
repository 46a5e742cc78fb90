/**
 * `articles/<id>.json`: one article's full text, large and rarely written, kept
 * apart from the index and the annotations so saving a highlight never rewrites it.
 * It repeats the article's record, so a lost index can be rebuilt from these files.
 */
import { z } from 'zod';
import { articleRecordSchema } from './library-index';

export const articleFileVersion = 1;

export const articleFileSchema = z.object({
  schemaVersion: z.literal(articleFileVersion),
  record: articleRecordSchema,
  /** The text exactly as it arrived, never changed. */
  rawText: z.string(),
  paragraphs: z.array(z.string()),
});
export type ArticleFile = z.infer<typeof articleFileSchema>;
