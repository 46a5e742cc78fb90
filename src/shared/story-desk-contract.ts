/**
 * The story desk's IPC shapes: a story's analysis as the renderer shows it
 * (entities with mentions in context, who said what, shared sentences and the
 * coverage matrix), the reader's entity choices, and story suggestions.
 * Offsets count code points in the article's cleaned text, like highlights.
 */
import { z } from 'zod';

const span = {
  articleId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};

export const entityChoicesSchema = z
  .object({
    merges: z.array(z.array(z.string().min(1).max(200)).min(2).max(50)).max(500),
    splits: z.array(z.string().min(1).max(200)).max(500),
    renames: z.record(z.string().min(1).max(200), z.string().trim().min(1).max(200)),
  })
  .strict();
export type EntityChoicesView = z.infer<typeof entityChoicesSchema>;

export const storyDeskViewSchema = z.object({
  storyId: z.string(),
  articles: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      title: z.string(),
      /** Null when names and quotes are available; else why not ("not available for this language"). */
      unavailable: z.string().nullable(),
    }),
  ),
  entities: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(['person', 'organization', 'place']),
      aliases: z.array(z.string()),
      mentions: z.array(z.object({ ...span, text: z.string(), context: z.string() })),
    }),
  ),
  quotes: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      speakerId: z.string().nullable(),
      speaker: z.string().nullable(),
      reports: z.array(z.object(span)),
    }),
  ),
  shared: z.array(z.object({ versions: z.array(z.object({ ...span, text: z.string() })) })),
  coverage: z.object({
    articleIds: z.array(z.string()),
    entities: z.array(z.object({ entityId: z.string(), counts: z.array(z.number()) })),
    quotes: z.array(z.object({ quoteId: z.string(), reported: z.array(z.boolean()) })),
    shared: z.array(z.object({ index: z.number(), carried: z.array(z.boolean()) })),
    singleSourceCounts: z.array(z.number()),
  }),
  choices: entityChoicesSchema,
});
export type StoryDeskView = z.infer<typeof storyDeskViewSchema>;

export const storySuggestionSchema = z.object({
  articleId: z.string(),
  suggestion: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('story'), storyId: z.string(), storyName: z.string(), score: z.number() }),
    z.object({ kind: z.literal('new'), articleIds: z.array(z.string()), score: z.number() }),
  ]),
});
export type StorySuggestionView = z.infer<typeof storySuggestionSchema>;

/**
 * A briefing's "Sources compared" section as the editor shows it: the compact
 * coverage matrix and who said what, sources by their numbers in the
 * briefing's source list. Per-source arrays follow `sourceNumbers`' order.
 */
export const sourcesComparedViewSchema = z.object({
  storyName: z.string(),
  takenAt: z.string(),
  sourceNumbers: z.array(z.number().int()),
  sourceLabels: z.array(z.string()),
  entities: z.array(z.object({ label: z.string(), kind: z.string(), counts: z.array(z.number()) })),
  quotes: z.array(
    z.object({ text: z.string(), speaker: z.string().nullable(), reported: z.array(z.boolean()) }),
  ),
  sharedSentences: z.array(z.number()),
  singleSourceSentences: z.array(z.number()),
  omittedEntities: z.number(),
  omittedQuotes: z.number(),
});
export type SourcesComparedView = z.infer<typeof sourcesComparedViewSchema>;
