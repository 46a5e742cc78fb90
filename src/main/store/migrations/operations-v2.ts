/**
 * `operations.json` as version 2 wrote it, frozen: steps on a highlight, an
 * article note, a briefing (version-2 briefings), an article's deletion and a
 * story. Version 3 adds the reader's line choices and version-3 briefings, so
 * an app that reads only version 2 says the file is newer instead of damaged.
 * Highlights, notes, article records and stories are the shapes of annotation
 * shards version 1 and library index version 4, which have not changed since
 * (tests/unit/stored-schemas.test.ts fails when either does, so their
 * version-2 shapes get frozen here first).
 */
import { z } from 'zod';
import { articleNoteSchema, highlightSchema } from '../schemas/annotation-shard';
import { articleRecordSchema, storySchema } from '../schemas/library-index';
import { briefingV2Schema } from './briefings-v2';

const step = { id: z.string(), at: z.string(), label: z.string(), articleId: z.string() };

export const operationV2Schema = z.discriminatedUnion('target', [
  z.object({
    ...step,
    target: z.literal('highlight'),
    highlightId: z.string(),
    before: highlightSchema.nullable(),
    after: highlightSchema.nullable(),
  }),
  z.object({
    ...step,
    target: z.literal('article-note'),
    before: articleNoteSchema.nullable(),
    after: articleNoteSchema.nullable(),
  }),
  z.object({
    ...step,
    target: z.literal('briefing'),
    briefingId: z.string(),
    before: briefingV2Schema.nullable(),
    after: briefingV2Schema.nullable(),
  }),
  z.object({
    ...step,
    target: z.literal('article'),
    record: articleRecordSchema,
    position: z.number().int().nonnegative().optional(),
  }),
  z.object({
    ...step,
    target: z.literal('story'),
    storyId: z.string(),
    before: storySchema.nullable(),
    after: storySchema.nullable(),
  }),
]);

export const operationLogV2Schema = z.object({
  schemaVersion: z.literal(2),
  undo: z.array(operationV2Schema),
  redo: z.array(operationV2Schema),
});
export type OperationLogV2 = z.infer<typeof operationLogV2Schema>;
