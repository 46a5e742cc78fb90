/**
 * `briefings.json`: the user's briefings. A briefing has a title, author, date,
 * audience/handling line and a bottom line up front, and sections of items;
 * each item points at a highlight (by article and highlight id) and carries the
 * user's commentary. Small and written as the user edits, so one file holds all.
 *
 * Version history (frozen earlier versions and the steps between them in
 * ../migrations/briefings-*.ts): 1 kept a deleted article's item as text only;
 * 2 keeps its source's parts and its highlight too; 3 lets a section hold a
 * "Sources compared" snapshot of a story (sources-compared below).
 */
import { z } from 'zod';
import { highlightSchema } from './annotation-shard';

export const briefingsFileVersion = 3;

/** The citation of a deleted article, part by part (as its source panel had it). */
export const keptSourceSchema = z.object({
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  damaged: z.boolean(),
});

export const briefingItemSchema = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  highlightId: z.string().min(1),
  commentary: z.string(),
  /**
   * What the item showed, kept when its article is deleted, so a briefing never loses text it already
   * showed. Absent while the highlight exists (optional, so older files read as they are).
   */
  snapshot: z
    .object({
      excerpt: z.string(),
      note: z.string(),
      citation: z.string(),
      categoryId: z.string(),
      /** The source's parts and the highlight as they were, so every export format renders the item whole. */
      source: keptSourceSchema.optional(),
      highlight: highlightSchema.optional(),
    })
    .optional(),
});
export type BriefingItem = z.infer<typeof briefingItemSchema>;

/**
 * A story's sources compared, as the story desk showed them when the user added it: the coverage
 * matrix in compact form (the most widely named entities, mention counts per source; shared and
 * single-source sentence counts) and who said what. Each source keeps its citation's parts, so the
 * section renders whole after its articles are deleted. Per-source arrays follow `sources`' order.
 */
export const sourcesComparedSchema = z.object({
  storyId: z.string(),
  storyName: z.string(),
  takenAt: z.string(),
  sources: z.array(keptSourceSchema.extend({ articleId: z.string().min(1) })),
  entities: z.array(
    z.object({
      label: z.string(),
      kind: z.enum(['person', 'organization', 'place']),
      counts: z.array(z.number().int().nonnegative()),
    }),
  ),
  quotes: z.array(
    z.object({ text: z.string(), speaker: z.string().nullable(), reported: z.array(z.boolean()) }),
  ),
  /** Per source: its sentences another source carries too (near-duplicates), and those only it has. */
  sharedSentences: z.array(z.number().int().nonnegative()),
  singleSourceSentences: z.array(z.number().int().nonnegative()),
  /** Entities and quotes the compact form left out. */
  omittedEntities: z.number().int().nonnegative(),
  omittedQuotes: z.number().int().nonnegative(),
});
export type SourcesCompared = z.infer<typeof sourcesComparedSchema>;

export const briefingSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** The highlight category this section started from, if any (used to place new items). */
  categoryId: z.string().nullable(),
  items: z.array(briefingItemSchema),
  /** A "Sources compared" section's snapshot (absent in other sections and in older files). */
  comparison: sourcesComparedSchema.optional(),
});
export type BriefingSection = z.infer<typeof briefingSectionSchema>;

export const briefingSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  author: z.string(),
  /** YYYY-MM-DD. */
  date: z.string(),
  audience: z.string(),
  bluf: z.string(),
  sections: z.array(briefingSectionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Briefing = z.infer<typeof briefingSchema>;

/** A briefing template of the user's: the sections a new briefing starts with. */
export const briefingTemplateSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  sections: z.array(z.object({ title: z.string(), categoryId: z.string().nullable() })),
});
export type BriefingTemplate = z.infer<typeof briefingTemplateSchema>;

export const briefingsFileSchema = z.object({
  schemaVersion: z.literal(briefingsFileVersion),
  briefings: z.array(briefingSchema),
  /** The folder the last export went to, offered first next time. */
  lastExportFolder: z.string().nullable(),
  /** Templates the user saved from a briefing (absent in files written before templates). */
  templates: z.array(briefingTemplateSchema).default([]),
});
export type BriefingsFile = z.infer<typeof briefingsFileSchema>;

export function emptyBriefingsFile(): BriefingsFile {
  return { schemaVersion: briefingsFileVersion, briefings: [], lastExportFolder: null, templates: [] };
}
