/**
 * `briefings.json` as version 1 wrote it, frozen: an item kept from a deleted
 * article holds its excerpt, note, category and citation as text only (no
 * source parts, no highlight). Kept only to read and migrate such files; it
 * imports nothing but zod, so no later change can make an old file fail.
 */
import { z } from 'zod';

const itemV1 = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  highlightId: z.string().min(1),
  commentary: z.string(),
  snapshot: z
    .object({ excerpt: z.string(), note: z.string(), citation: z.string(), categoryId: z.string() })
    .optional(),
});

export const briefingV1Schema = z.object({
  id: z.string().min(1),
  title: z.string(),
  author: z.string(),
  date: z.string(),
  audience: z.string(),
  bluf: z.string(),
  sections: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      categoryId: z.string().nullable(),
      items: z.array(itemV1),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const briefingsV1Schema = z.object({
  schemaVersion: z.literal(1),
  briefings: z.array(briefingV1Schema),
  lastExportFolder: z.string().nullable(),
  templates: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string(),
        sections: z.array(z.object({ title: z.string(), categoryId: z.string().nullable() })),
      }),
    )
    .default([]),
});
export type BriefingsV1 = z.infer<typeof briefingsV1Schema>;
