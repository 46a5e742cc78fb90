/**
 * `briefings.json` as version 2 wrote it, frozen: a kept item's snapshot holds
 * its source's parts and its highlight; sections hold items only (no "Sources
 * compared" snapshot). Kept only to read and migrate such files; it imports
 * nothing but zod and the version-1 module, so no later change can make an old
 * file fail.
 */
import { z } from 'zod';
import { briefingsV1Schema } from './briefings-v1';

/** The highlight as annotation shards version 1 store it (copied, so a later shard version leaves this alone). */
const highlightV1 = z.object({
  id: z.string().min(1),
  categoryId: z.string().min(1),
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  rulesVersion: z.number().int().nonnegative(),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  orphaned: z.boolean().default(false),
});

export const keptSourceV2Schema = z.object({
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  damaged: z.boolean(),
});

const itemV2 = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  highlightId: z.string().min(1),
  commentary: z.string(),
  snapshot: z
    .object({
      excerpt: z.string(),
      note: z.string(),
      citation: z.string(),
      categoryId: z.string(),
      source: keptSourceV2Schema.optional(),
      highlight: highlightV1.optional(),
    })
    .optional(),
});

const briefingV1 = briefingsV1Schema.shape.briefings.element;

export const briefingV2Schema = briefingV1.extend({
  sections: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      categoryId: z.string().nullable(),
      items: z.array(itemV2),
    }),
  ),
});

export const briefingsV2Schema = briefingsV1Schema.extend({
  schemaVersion: z.literal(2),
  briefings: z.array(briefingV2Schema),
});
export type BriefingsV2 = z.infer<typeof briefingsV2Schema>;
