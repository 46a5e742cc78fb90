/**
 * `operations.json` as version 1 wrote it, frozen. Version 1 began with steps on
 * a highlight, an article note and a briefing; the last builds of version 1
 * also wrote a step deleting an article, so this reads those too (a file of
 * either kind migrates). Briefings inside steps are frozen version-1
 * briefings. Highlights, notes and article records are the shapes of
 * annotation shards version 1 and library index version 3, which have not
 * changed since (tests/unit/stored-schemas.test.ts fails when either does, so
 * their version-1 shapes get frozen here first).
 */
import { z } from 'zod';
import { articleNoteSchema, highlightSchema } from '../schemas/annotation-shard';
import { articleRecordV3Schema } from './library-v3';
import { briefingV1Schema } from './briefings-v1';

const step = { id: z.string(), at: z.string(), label: z.string(), articleId: z.string() };

export const operationV1Schema = z.discriminatedUnion('target', [
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
    before: briefingV1Schema.nullable(),
    after: briefingV1Schema.nullable(),
  }),
  z.object({
    ...step,
    target: z.literal('article'),
    record: articleRecordV3Schema,
    position: z.number().int().nonnegative().optional(),
  }),
]);

export const operationLogV1Schema = z.object({
  schemaVersion: z.literal(1),
  undo: z.array(operationV1Schema),
  redo: z.array(operationV1Schema),
});
export type OperationLogV1 = z.infer<typeof operationLogV1Schema>;
