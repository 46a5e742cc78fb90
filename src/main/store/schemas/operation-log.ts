/**
 * `operations.json`: the undo and redo history of the user's annotation
 * changes, kept in the store so a highlight deleted by mistake can be brought
 * back even after a restart. Each operation holds the state before and after,
 * for one highlight, one article note, one briefing or one story; an article's deletion
 * holds only the article's record (its files wait in `deleted/`, see
 * deleted-articles.ts). Bounded: the oldest are dropped.
 *
 * Version history (frozen earlier versions and the steps between them in
 * ../migrations/operations-*.ts): 1 held steps on highlights, notes and
 * briefings (its last builds, article deletions too); 2 holds article
 * deletions, stories and version-2 briefings; 3 holds the reader's line
 * choices and version-3 briefings ("Sources compared" sections).
 */
import { z } from 'zod';
import { articleNoteSchema, highlightSchema } from './annotation-shard';
import { briefingSchema } from './briefings-file';
import { articleRecordSchema, storySchema } from './library-index';

/** The lines a reader put back into an article or took out of it (as in article files). */
const readerChoicesSchema = z.object({
  restore: z.array(z.number().int().positive()),
  remove: z.array(z.number().int().positive()),
});

export const operationLogVersion = 3;
/** How many steps of undo (and of redo) are kept. */
export const historyDepth = 200;

export const operationSchema = z.discriminatedUnion('target', [
  z.object({
    id: z.string(),
    at: z.string(),
    label: z.string(),
    articleId: z.string(),
    target: z.literal('highlight'),
    highlightId: z.string(),
    before: highlightSchema.nullable(),
    after: highlightSchema.nullable(),
  }),
  z.object({
    id: z.string(),
    at: z.string(),
    label: z.string(),
    articleId: z.string(),
    target: z.literal('article-note'),
    before: articleNoteSchema.nullable(),
    after: articleNoteSchema.nullable(),
  }),
  z.object({
    id: z.string(),
    at: z.string(),
    label: z.string(),
    /** The briefing's id (operations on briefings belong to no article). */
    articleId: z.string(),
    target: z.literal('briefing'),
    briefingId: z.string(),
    before: briefingSchema.nullable(),
    after: briefingSchema.nullable(),
  }),
  z.object({
    id: z.string(),
    at: z.string(),
    label: z.string(),
    articleId: z.string(),
    target: z.literal('article'),
    /** The deleted article's record; before the step the article was in the library, after it was not. */
    record: articleRecordSchema,
    /** Where the article stood in the library, so undo puts it back there. */
    position: z.number().int().nonnegative().optional(),
  }),
  z.object({
    id: z.string(),
    at: z.string(),
    label: z.string(),
    /** The story's id (operations on stories belong to no article). */
    articleId: z.string(),
    target: z.literal('story'),
    storyId: z.string(),
    before: storySchema.nullable(),
    after: storySchema.nullable(),
  }),
  /** The reader restored or removed lines (version 3). */
  z.object({
    id: z.string(),
    at: z.string(),
    label: z.string(),
    articleId: z.string(),
    target: z.literal('line-choice'),
    before: readerChoicesSchema.nullable(),
    after: readerChoicesSchema.nullable(),
  }),
]);
export type Operation = z.infer<typeof operationSchema>;

export const operationLogSchema = z.object({
  schemaVersion: z.literal(operationLogVersion),
  undo: z.array(operationSchema),
  redo: z.array(operationSchema),
});
export type OperationLog = z.infer<typeof operationLogSchema>;

export function emptyOperationLog(): OperationLog {
  return { schemaVersion: operationLogVersion, undo: [], redo: [] };
}
