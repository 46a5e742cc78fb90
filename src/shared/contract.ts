/**
 * The IPC contract: for every method, the zod schema of its request and of its reply.
 *
 * The main process validates each request against it before any handler runs,
 * and checks each reply before it leaves; the renderer's types are inferred from
 * it, so a change here is a compile error everywhere it matters.
 */
import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './channels';
import { blockSchema, qualityFlagSchema, readerCommentSchema, removedLineSchema } from './cleaned-article';
import { defaultCategories } from './default-categories';
import { defaultLibraryView as plainDefaultLibraryView } from './default-library-view';
import { limits } from './limits';
import {
  entityChoicesSchema,
  sourcesComparedViewSchema,
  storyDeskViewSchema,
  storySuggestionSchema,
} from './story-desk-contract';

export const themePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreference>;

export const categorySchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(40),
  /** A colour as #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
});
export type Category = z.infer<typeof categorySchema>;

export { defaultCategories };

const showOnly = z.enum(['any', 'with', 'without']);
/** The library's sort, filters and open story, remembered in the settings. */
export const libraryViewSchema = z.object({
  sort: z.enum(['added', 'published', 'title', 'outlet', 'length']),
  descending: z.boolean(),
  /** Null: every outlet; "": articles with no outlet. */
  outlet: z.string().max(300).nullable(),
  damaged: showOnly,
  highlights: showOnly,
  notes: showOnly,
  reading: z.enum(['any', 'unread', 'read']),
  tag: z.string().max(40).nullable(),
  /** The open story; null: the whole library. */
  storyId: z.string().max(64).nullable(),
});
export type LibraryViewSettings = z.infer<typeof libraryViewSchema>;

export const defaultLibraryView: LibraryViewSettings = plainDefaultLibraryView;

export const settingsSchema = z.object({
  theme: themePreference,
  categories: z
    .array(categorySchema)
    .length(defaultCategories.length)
    .default(() => structuredClone(defaultCategories)),
  /** Lets "Add from address…" fetch loopback and private-network addresses (off unless turned on). */
  allowLocalAddresses: z.boolean().optional(),
  /** How the library was last sorted and filtered, and the story open in it. */
  library: libraryViewSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const articleId = z.string().min(1).max(limits.idLength);
const noArguments = z.object({}).strict();

export const recoveryEventSchema = z.object({
  file: z.string(),
  holds: z.string(),
  problem: z.string(),
  outcome: z.enum([
    'restored-from-backup',
    'rebuilt-from-articles',
    'started-empty',
    'kept-what-was-readable',
  ]),
  backupTakenAt: z.string().nullable(),
  damagedCopy: z.string().nullable(),
});
export type RecoveryEventView = z.infer<typeof recoveryEventSchema>;

export const storeStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    /** The store folder. */
    storePath: z.string(),
    articleCount: z.number().int().nonnegative(),
    seededThisRun: z.boolean(),
    /** What was repaired when the store opened; shown to the user. */
    recovery: z.array(recoveryEventSchema),
  }),
  z.object({
    state: z.literal('failed'),
    storePath: z.string(),
    reason: z.string(),
  }),
]);
export type StoreStatus = z.infer<typeof storeStatusSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const sourceMetadataSchema = z.object({
  outlet: optionalText(limits.metadataLength),
  author: optionalText(limits.metadataLength),
  /** A date as YYYY-MM-DD, optionally with a time. */
  publishedAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'a date as YYYY-MM-DD')
    .nullable(),
  url: z
    .string()
    .trim()
    .max(limits.urlLength)
    .url()
    .refine((value) => /^https?:\/\//i.test(value), 'an http or https address')
    .nullable(),
});
export type SourceMetadataView = z.infer<typeof sourceMetadataSchema>;

export const articleSummarySchema = z.object({
  id: articleId,
  title: z.string(),
  titleDerived: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  addedAt: z.string(),
  sourceFile: z.string().nullable(),
  source: z.object({
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
  }),
  /** Damaged passages flagged in the text. */
  flagCount: z.number().int().nonnegative(),
  highlightCount: z.number().int().nonnegative(),
  /** Notes on highlights plus the article note. */
  noteCount: z.number().int().nonnegative(),
  /** The user's tags for the whole article. */
  tags: z.array(z.string()),
  /** Read past 90 % or marked read by hand. */
  read: z.boolean(),
  /** How far down the article the reader got, 0–1. */
  readingProgress: z.number().min(0).max(1),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const highlightViewSchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  /** Code-point offsets in the article's body text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  orphaned: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HighlightView = z.infer<typeof highlightViewSchema>;

/** The highlights view's filters and the rows wanted: `limit` rows from `offset` of those shown. */
export const highlightQuerySchema = z
  .object({
    categoryId: z.string().max(limits.idLength).nullable(),
    tag: z.string().max(limits.tagLength).nullable(),
    storyId: z.string().max(limits.idLength).nullable(),
    text: z.string().max(limits.highlightFilterLength),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(limits.highlightRowsPerPage),
  })
  .strict();
export type HighlightQuery = z.infer<typeof highlightQuerySchema>;

export const highlightPageSchema = z.object({
  /** Every highlight in the library. */
  total: z.number().int(),
  /** Highlights under the tag, story and text filters (the "All" count), and per category. */
  matched: z.number().int(),
  categoryCounts: z.record(z.string(), z.number().int()),
  /** Highlights shown: under the category filter too. */
  shown: z.number().int(),
  /** The highlight tags in use. */
  tags: z.array(z.string()),
  /** Where each article's group starts among those shown (its row is taller); with the page at offset 0 only. */
  groupStarts: z.array(z.number().int()),
  /**
   * What each row shown holds beyond its quote, one character per row (with the page at offset 0
   * only): a digit whose bit 1 is a note and bit 2 a line of tags or briefings. The list sizes every
   * row from it before its page comes.
   */
  rowShapes: z.string().regex(/^[0-3]*$/),
  rows: z.array(
    z.object({
      /** Its place among those shown. */
      index: z.number().int(),
      /** It is the first shown of its article (the list shows the title there). */
      groupStart: z.boolean(),
      articleId,
      articleTitle: z.string(),
      highlight: highlightViewSchema,
    }),
  ),
});
export type HighlightPage = z.infer<typeof highlightPageSchema>;
export type HighlightPageRow = HighlightPage['rows'][number];

/**
 * A page of the library (issue 14): `limit` rows from `offset`, either in the sort and filters of
 * `view` (the first screen, painted before the whole library has come) or, with no view, in the
 * library's own order, unfiltered (the rest, fetched in slices in the background).
 */
export const articlePageQuerySchema = z
  .object({
    view: libraryViewSchema.nullable(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(limits.articleRowsPerPage),
  })
  .strict();
export type ArticlePageQuery = z.infer<typeof articlePageQuerySchema>;

const countedChoices = z.array(z.tuple([z.string(), z.number().int()]));
const split = z.object({ with: z.number().int(), without: z.number().int() });
/** The counts beside each filter choice, under the other filters (see shared/library-query.ts). */
export const libraryFacetsSchema = z.object({
  total: z.number().int(),
  outlets: countedChoices,
  tags: countedChoices,
  damaged: split,
  highlights: split,
  notes: split,
  reading: z.object({ read: z.number().int(), unread: z.number().int() }),
  /** Articles in each story, by story id. */
  stories: countedChoices,
});
export type LibraryFacetsView = z.infer<typeof libraryFacetsSchema>;

export const articlePageSchema = z.object({
  /** Every article in the library. */
  total: z.number().int(),
  /** Articles the view's filters let through (all of them with no view). */
  shown: z.number().int(),
  rows: z.array(articleSummarySchema),
  /** The filter counts under the view; null with no view. */
  facets: libraryFacetsSchema.nullable(),
});
export type ArticlePage = z.infer<typeof articlePageSchema>;

export const articleNoteSchema = z.object({ text: z.string(), updatedAt: z.string() });

export const articleViewSchema = articleSummarySchema.extend({
  highlights: z.array(highlightViewSchema),
  articleNote: articleNoteSchema.nullable(),
  dek: z.string().nullable(),
  blocks: z.array(blockSchema),
  removed: z.array(removedLineSchema),
  comments: z.array(readerCommentSchema),
  flags: z.array(qualityFlagSchema),
  /** The body-text offset where the reader stopped last time; null when never read. */
  readingOffset: z.number().int().nonnegative().nullable(),
});
export type ArticleView = z.infer<typeof articleViewSchema>;

/** How an input was read: its format, the text encoding used (null for PDF/DOCX), and where it came from. */
const importReadAs = {
  format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']).optional(),
  encoding: z.string().nullable().optional(),
  sourceKind: z.enum(['file', 'url', 'clipboard']).optional(),
};

export const importResultSchema = z.discriminatedUnion('status', [
  z.object({
    name: z.string(),
    status: z.literal('imported'),
    articleId: z.string(),
    title: z.string(),
    flagCount: z.number(),
    ...importReadAs,
  }),
  z.object({
    name: z.string(),
    status: z.literal('duplicate'),
    articleId: z.string(),
    title: z.string(),
    ...importReadAs,
  }),
  z.object({ name: z.string(), status: z.literal('rejected'), reason: z.string() }),
]);
export type ImportResultView = z.infer<typeof importResultSchema>;

const fileName = z.string().min(1).max(limits.fileNameLength);
/** A code-point offset into an article's body text. */
const offset = z.number().int().nonnegative().max(limits.maxOffset);
const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(limits.tagLength)
  .regex(/^[^\n\r\t]+$/, 'one line');

const shortText = (max: number) => z.string().max(max);
const briefingId = z.string().min(1).max(limits.idLength);

/** A story: a named collection of articles; `articleIds` holds only articles still in the library. */
export const storyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  articleIds: z.array(z.string()),
});
export type StoryView = z.infer<typeof storyViewSchema>;
const storyId = z.string().min(1).max(limits.idLength);
const storyName = z.string().trim().min(1).max(limits.storyNameLength);
const storyArticles = z.object({
  id: storyId,
  articleIds: z.array(articleId).min(1).max(limits.articlesPerStoryChange),
});

export const briefingItemViewSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  highlightId: z.string(),
  commentary: z.string(),
  /** Null when the highlight or its article no longer exists; such items are left out of exports. */
  excerpt: z.string().nullable(),
  note: z.string(),
  categoryId: z.string().nullable(),
  sourceNumber: z.number().int().nullable(),
  citation: z.string().nullable(),
  damagedSource: z.boolean(),
  /** True when the article was deleted and the item shows the excerpt and citation it kept. */
  kept: z.boolean(),
});
export type BriefingItemView = z.infer<typeof briefingItemViewSchema>;

export const briefingTemplateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  sections: z.array(z.object({ title: z.string(), categoryId: z.string().nullable() })),
  builtIn: z.boolean(),
});
export type BriefingTemplateView = z.infer<typeof briefingTemplateViewSchema>;

export const briefingViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string(),
  date: z.string(),
  audience: z.string(),
  bluf: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      categoryId: z.string().nullable(),
      items: z.array(briefingItemViewSchema),
      /** Present on a "Sources compared" section: the story's comparison as it was added. */
      comparison: sourcesComparedViewSchema.optional(),
    }),
  ),
  sources: z.array(
    z.object({ number: z.number().int(), articleId: z.string(), citation: z.string(), damaged: z.boolean() }),
  ),
});
export type BriefingView = z.infer<typeof briefingViewSchema>;

export const briefingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  updatedAt: z.string(),
  itemCount: z.number().int(),
});
export type BriefingSummary = z.infer<typeof briefingSummarySchema>;

const sectionInput = z
  .object({
    id: z.string().min(1).max(limits.idLength),
    title: shortText(limits.titleLength),
    categoryId: z.string().max(40).nullable(),
    items: z
      .array(
        z
          .object({
            id: z.string().min(1).max(limits.idLength),
            articleId,
            highlightId: z.string().min(1).max(limits.idLength),
            commentary: shortText(limits.noteLength),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();

export const exportFormatSchema = z.enum(['md', 'html', 'pdf', 'docx', 'json']);
export type ExportFormatName = z.infer<typeof exportFormatSchema>;

/**
 * What a change did to one article's annotations: the new state of the highlights it touched, the ids
 * of those it removed, the article note when it changed, and the article's summary (its counts). The
 * renderer applies this to what it shows instead of reloading the article.
 */
export const annotationChangeSchema = z.object({
  articleId: z.string(),
  summary: articleSummarySchema,
  highlights: z.array(highlightViewSchema),
  removedHighlightIds: z.array(z.string()),
  /** Present only when the article note changed (null: it was removed). */
  articleNote: articleNoteSchema.nullable().optional(),
});
export type AnnotationChange = z.infer<typeof annotationChangeSchema>;

/** What an undo or redo changed, for the renderer to apply: one article's annotations, or one briefing. */
export const historyChangeSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('annotations'), change: annotationChangeSchema }),
  z.object({
    target: z.literal('briefing'),
    briefingId: z.string(),
    /** Null when the step removed the briefing. */
    briefing: briefingViewSchema.nullable(),
  }),
  z.object({
    target: z.literal('article'),
    articleId: z.string(),
    /** The article back in the library, or null when the step deleted it. */
    summary: articleSummarySchema.nullable(),
  }),
  z.object({
    target: z.literal('story'),
    storyId: z.string(),
    /** Null when the step removed the story. */
    story: storyViewSchema.nullable(),
  }),
  /** An article cleaned again around the reader's line choices, as the reader shows it. */
  z.object({ target: z.literal('article-view'), article: articleViewSchema }),
]);
export type HistoryChange = z.infer<typeof historyChangeSchema>;

/** What an undo or redo did: nothing (the history was empty), or one change, reported with its new state. */
export const historyStepSchema = z.object({
  done: z.boolean(),
  articleId: z.string().nullable(),
  label: z.string().nullable(),
  change: historyChangeSchema.nullable(),
});
export type HistoryStep = z.infer<typeof historyStepSchema>;
const importFile = z.object({
  name: fileName,
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.length <= limits.importBytes, `at most ${limits.importBytes} bytes`),
});

/**
 * Where exports go: through the save dialog (the app), or straight into a folder
 * (browser mode, where the page cannot show a save dialog that returns a path),
 * and why PDF export is unavailable, if it is.
 */
export const exportTargetSchema = z.object({
  kind: z.enum(['dialog', 'folder']),
  /** The folder exports go to (or the save dialog starts in); null before the first export in the app. */
  folder: z.string().nullable(),
  pdfUnavailable: z.string().nullable(),
});
export type ExportTarget = z.infer<typeof exportTargetSchema>;

/** One search result: an article, a highlight or a note, with a short passage and the matched words marked. */
export const searchResultSchema = z.object({
  kind: z.enum(['article', 'highlight', 'note']),
  articleId: z.string(),
  /** The highlight found (or whose note was found); null for an article or its article note. */
  highlightId: z.string().nullable(),
  title: z.string(),
  outlet: z.string().nullable(),
  snippet: z.object({
    text: z.string(),
    /** [start, end) ranges of `text` (UTF-16) to mark. */
    marks: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
  }),
  /** Where to open the article: a code-point offset into its text, or null for its top. */
  at: z.number().int().nonnegative().nullable(),
});
export type SearchResultView = z.infer<typeof searchResultSchema>;

export const searchReplySchema = z.object({
  results: z.array(searchResultSchema),
  /** How many matches of each kind were found, before the list was cut to its cap. */
  counts: z.object({ article: z.number().int(), highlight: z.number().int(), note: z.number().int() }),
  /** True when more matched than the list shows. */
  capped: z.boolean(),
  /** What was cut or ignored in the query, or why the results may be incomplete, in words for the user. */
  notices: z.array(z.string()),
  /** True while the index is still being loaded or rebuilt: results may be missing. */
  indexing: z.boolean(),
});
export type SearchReply = z.infer<typeof searchReplySchema>;

/**
 * What a window needs before its first row, in one round trip (issue 14): the store's status, the
 * settings, the stories, and the library's first screen in the saved view (the window's size
 * decides how many rows). With a store that failed to open, only the status.
 */
export const windowStartSchema = z.object({
  status: storeStatusSchema,
  settings: settingsSchema.nullable(),
  stories: z.array(storyViewSchema),
  firstPage: articlePageSchema.nullable(),
});
export type WindowStart = z.infer<typeof windowStartSchema>;

export const contract = {
  getStatus: { request: noArguments, reply: storeStatusSchema },
  listArticles: { request: noArguments, reply: z.array(articleSummarySchema) },
  getArticle: { request: z.object({ id: articleId }).strict(), reply: articleViewSchema },
  getSettings: { request: noArguments, reply: settingsSchema },
  updateSettings: { request: settingsSchema.partial().strict(), reply: settingsSchema },
  updateArticleMetadata: {
    request: z
      .object({
        id: articleId,
        title: z.string().trim().min(1).max(limits.titleLength).optional(),
        source: sourceMetadataSchema.partial().strict().optional(),
        /** Replaces the article's tags (trimmed; repeats dropped). */
        tags: z.array(tagSchema).max(limits.tagsPerArticle).optional(),
      })
      .strict(),
    reply: articleSummarySchema,
  },
  /** Puts a line cleaning removed back into the body ("restore"), or takes a body line out ("remove"). */
  setLineChoice: {
    request: z
      .object({
        id: articleId,
        line: z.number().int().positive(),
        /** Further lines given the same choice in the same step (a whole paragraph). */
        lines: z.array(z.number().int().positive()).max(limits.linesPerChoice).optional(),
        choice: z.enum(['restore', 'remove']),
      })
      .strict(),
    reply: articleViewSchema,
  },
  deleteArticle: {
    request: z.object({ id: articleId }).strict(),
    reply: z.object({ id: articleId, highlightsRemoved: z.number().int(), notesRemoved: z.number().int() }),
  },
  importFiles: {
    request: z.object({ files: z.array(importFile).min(1).max(limits.filesPerImport) }).strict(),
    reply: z.array(importResultSchema),
  },
  pickImportFiles: {
    request: noArguments,
    reply: z.object({ files: z.array(z.object({ token: z.string(), name: z.string() })) }),
  },
  importPickedFile: {
    request: z.object({ token: z.string().min(1).max(limits.idLength) }).strict(),
    reply: importResultSchema,
  },
  importFromAddress: {
    request: z
      .object({
        url: z.string().trim().min(1).max(limits.urlLength),
        requestId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    reply: importResultSchema,
  },
  importClipboard: {
    request: z
      .object({
        html: z.string().max(limits.importBytes).optional(),
        text: z.string().max(limits.importBytes).optional(),
        url: z.string().max(limits.urlLength).optional(),
        requestId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    reply: importResultSchema,
  },
  importSystemClipboard: {
    request: z.object({ requestId: z.string().min(1).max(64).optional() }).strict(),
    reply: importResultSchema,
  },
  cancelImport: {
    request: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    reply: z.object({ cancelled: z.boolean() }),
  },
  createHighlight: {
    request: z
      .object({ articleId, start: offset, end: offset, categoryId: z.string().min(1).max(40) })
      .strict()
      .refine((range) => range.end > range.start, 'the selection is empty'),
    reply: z.object({ highlight: highlightViewSchema, change: annotationChangeSchema }),
  },
  updateHighlight: {
    request: z
      .object({
        articleId,
        highlightId: z.string().min(1).max(limits.idLength),
        categoryId: z.string().min(1).max(40).optional(),
        note: z.string().max(limits.noteLength).optional(),
        tags: z.array(tagSchema).max(limits.tagsPerHighlight).optional(),
        /** Attach (an orphaned highlight) to a new selection. */
        reattach: z
          .object({ start: offset, end: offset })
          .strict()
          .refine((range) => range.end > range.start, 'the selection is empty')
          .optional(),
      })
      .strict(),
    reply: z.object({ highlight: highlightViewSchema, change: annotationChangeSchema }),
  },
  deleteHighlight: {
    request: z.object({ articleId, highlightId: z.string().min(1).max(limits.idLength) }).strict(),
    reply: z.object({ articleId, highlightId: z.string(), change: annotationChangeSchema }),
  },
  setArticleNote: {
    request: z.object({ articleId, text: z.string().max(limits.noteLength) }).strict(),
    reply: z.object({ note: articleNoteSchema, change: annotationChangeSchema }),
  },
  /** A page of the library-wide highlights under the view's filters, with counts (see highlight-pages.ts). */
  listHighlights: { request: highlightQuerySchema, reply: highlightPageSchema },
  listTags: { request: noArguments, reply: z.array(z.string()) },
  undo: { request: noArguments, reply: historyStepSchema },
  redo: { request: noArguments, reply: historyStepSchema },
  openExternal: {
    request: z.object({ url: z.string().max(limits.urlLength) }).strict(),
    reply: z.object({ opened: z.boolean() }),
  },
  listBriefings: { request: noArguments, reply: z.array(briefingSummarySchema) },
  createBriefing: {
    request: z
      .object({
        title: shortText(limits.titleLength).optional(),
        /** The template's id (listBriefingTemplates); the category skeleton when absent. */
        template: z.string().min(1).max(limits.idLength).optional(),
      })
      .strict(),
    reply: briefingViewSchema,
  },
  getBriefing: { request: z.object({ id: briefingId }).strict(), reply: briefingViewSchema },
  updateBriefing: {
    request: z
      .object({
        id: briefingId,
        title: z.string().trim().min(1).max(limits.titleLength).optional(),
        author: shortText(limits.metadataLength).optional(),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
          .optional(),
        audience: shortText(limits.metadataLength).optional(),
        bluf: shortText(limits.noteLength).optional(),
      })
      .strict(),
    reply: briefingViewSchema,
  },
  setBriefingSections: {
    request: z.object({ id: briefingId, sections: z.array(sectionInput).max(100) }).strict(),
    reply: briefingViewSchema,
  },
  addToBriefing: {
    request: z
      .object({ briefingId, articleId, highlightId: z.string().min(1).max(limits.idLength) })
      .strict(),
    /** `added` is false when the highlight was already in the briefing (nothing changed). */
    reply: z.object({ briefing: briefingViewSchema, added: z.boolean() }),
  },
  deleteBriefing: { request: z.object({ id: briefingId }).strict(), reply: z.object({ id: z.string() }) },
  exportBriefing: {
    request: z
      .object({ id: briefingId, format: exportFormatSchema, pageSize: z.enum(['A4', 'Letter']).optional() })
      .strict(),
    reply: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string(), bytes: z.number().int() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** The briefing as the HTML/PDF export renders it: a whole document, scripts forbidden by its own CSP. */
  previewBriefing: {
    request: z.object({ id: briefingId }).strict(),
    reply: z.object({ html: z.string() }),
  },
  /** Which briefings hold each highlight: highlight id → briefing ids, for the "In: …" marks. */
  listBriefingMemberships: {
    request: noArguments,
    reply: z.record(z.string(), z.array(z.string())),
  },
  /** One item (by its highlight) or one section as rich text and Markdown, for the clipboard. */
  clipBriefingPart: {
    request: z.union([
      z.object({ id: briefingId, highlightId: z.string().min(1).max(limits.idLength) }).strict(),
      z.object({ id: briefingId, sectionId: z.string().min(1).max(limits.idLength) }).strict(),
    ]),
    reply: z.object({ html: z.string(), markdown: z.string() }),
  },
  listBriefingTemplates: {
    request: z.object({}).strict(),
    reply: z.object({ templates: z.array(briefingTemplateViewSchema) }),
  },
  /** Saves a briefing's sections as a template of the user's. */
  saveBriefingTemplate: {
    request: z.object({ id: briefingId, name: shortText(limits.titleLength) }).strict(),
    reply: briefingTemplateViewSchema,
  },
  openExportedFile: {
    request: z.object({ path: z.string().max(4096) }).strict(),
    reply: z.object({ opened: z.boolean() }),
  },
  showExportedFile: {
    request: z.object({ path: z.string().max(4096) }).strict(),
    reply: z.object({ shown: z.boolean() }),
  },
  getExportTarget: { request: noArguments, reply: exportTargetSchema },
  setExportFolder: {
    request: z.object({ folder: z.string().trim().min(1).max(4096) }).strict(),
    reply: exportTargetSchema,
  },
  /** What deleting an article touches beyond it: the briefings that quote it (asked before deleting). */
  articleUsage: {
    request: z.object({ id: articleId }).strict(),
    reply: z.object({ briefingCount: z.number().int().nonnegative() }),
  },
  /** Where the reader stopped (sent at most every few seconds while reading, and on leaving); past 90 % marks it read. */
  setReadingPosition: {
    request: z.object({ articleId, offset, progress: z.number().min(0).max(1) }).strict(),
    reply: articleSummarySchema,
  },
  setArticleRead: {
    request: z.object({ articleId, read: z.boolean() }).strict(),
    reply: articleSummarySchema,
  },
  listStories: { request: noArguments, reply: z.array(storyViewSchema) },
  createStory: {
    request: z
      .object({
        name: storyName,
        articleIds: z.array(articleId).max(limits.articlesPerStoryChange).optional(),
      })
      .strict(),
    reply: storyViewSchema,
  },
  renameStory: { request: z.object({ id: storyId, name: storyName }).strict(), reply: storyViewSchema },
  deleteStory: { request: z.object({ id: storyId }).strict(), reply: z.object({ id: z.string() }) },
  /** Adds articles to a story (those already in it stay where they are). */
  addToStory: { request: storyArticles.strict(), reply: storyViewSchema },
  removeFromStory: { request: storyArticles.strict(), reply: storyViewSchema },
  /** Searches titles, outlets, authors, article text, highlights, notes and tags (see src/main/search/). */
  search: {
    request: z.object({ query: z.string().max(20_000) }).strict(),
    reply: searchReplySchema,
  },
  /** The story desk: entities, who said what and the coverage matrix of a story. */
  analyzeStory: { request: z.object({ storyId }).strict(), reply: storyDeskViewSchema },
  setEntityChoices: {
    request: z.object({ storyId, choices: entityChoicesSchema }).strict(),
    reply: storyDeskViewSchema,
  },
  /** Which story each (newly imported) article belongs to, or a new one. */
  suggestStories: {
    request: z.object({ articleIds: z.array(articleId).min(1).max(limits.filesPerImport) }).strict(),
    reply: z.array(storySuggestionSchema),
  },
  /** Adds a "Sources compared" section to a briefing: the story's comparison as it is now (undoable). */
  addSourcesCompared: {
    request: z.object({ briefingId, storyId }).strict(),
    reply: briefingViewSchema,
  },
  /** A page of the library, sorted and filtered or in its own order (see articles/article-pages.ts). */
  listArticlePage: { request: articlePageQuerySchema, reply: articlePageSchema },
  /** Everything the window waits for before its first row, in one round trip (see windowStartSchema). */
  startWindow: {
    request: z.object({ firstPageRows: z.number().int().min(1).max(limits.articleRowsPerPage) }).strict(),
    reply: windowStartSchema,
  },
} satisfies Record<ApiMethod, { request: z.ZodType; reply: z.ZodType }>;

/** The payload of each event the main process sends. */
export const eventContract = {
  onMenuCommand: z.enum(['import-articles']),
} satisfies Record<ApiEvent, z.ZodType>;
export type MenuCommand = z.infer<typeof eventContract.onMenuCommand>;

export type ApiRequest<M extends ApiMethod> = z.input<(typeof contract)[M]['request']>;
export type ApiReply<M extends ApiMethod> = z.output<(typeof contract)[M]['reply']>;
