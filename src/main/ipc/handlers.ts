/**
 * What each IPC method does, given a started app core. Handlers receive
 * requests that have already passed the contract's validation. Anything that
 * needs Electron (the file picker) comes in through `HandlerServices`, so this
 * module stays plain Node and the test harness can supply its own.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppFailure } from '../../shared/api-error';
import type { ApiMethod } from '../../shared/channels';
import type { ApiReply, ArticleSummary } from '../../shared/contract';
import type { AppCore } from '../app-core';
import { ArticleTextUnavailableError, type LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { AnnotationShard } from '../store/schemas/annotation-shard';
import { importArticles, type ImportResult } from '../importing/import-articles';
import { readImportFile } from '../importing/read-import-file';
import type { ValidRequest } from './dispatcher';
import { createAnnotationHandlers } from './annotation-handlers';
import { createLineChoiceHandlers } from './line-choice-handlers';
import { findRecord } from './find-record';
import { createBriefingHandlers } from './briefing-handlers';
import { createExportTargetHandlers } from './export-target-handlers';
import { createImportHandlers } from './import-handlers';
import type { ExportFormat } from '../briefings/export-formats';
import type { PrintToPdf } from '../briefings/export-briefing';
import { createArticleTexts } from '../annotations/article-texts';
import { reanchorHighlights } from '../annotations/reanchor-highlights';
import { highlightView } from '../annotations/highlight-view';

export type Handlers = {
  [M in ApiMethod]: (request: ValidRequest<M>) => Promise<ApiReply<M>> | ApiReply<M>;
};

export interface HandlerServices {
  /** Shows the system's open-file dialog and resolves to the chosen paths (none if cancelled). */
  pickFiles: () => Promise<string[]>;
  /** Opens an (already checked) https link in the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Shows the save dialog for an export and resolves to the chosen path (null if cancelled). */
  pickExportPath: (suggested: string, format: ExportFormat) => Promise<string | null>;
  /** Prints HTML to PDF through Chromium. */
  printToPdf: PrintToPdf;
  /** Opens a file with its default application, and shows a file in its folder. */
  openPath: (file: string) => Promise<void>;
  showInFolder: (file: string) => Promise<void>;
  /** Reads the system clipboard (the app only; the page itself may not). */
  readClipboard?: () => Promise<{ html?: string; text?: string }>;
  now?: () => Date;
  /** Browser mode: exports are written into a folder (this one until the user picks another). */
  exportFolder?: { defaultFolder: string };
  /** Why PDF export cannot work here; absent or null when it can. */
  pdfUnavailableReason?: () => Promise<string | null>;
}

const unavailable = (what: string) => async () => {
  throw new AppFailure('invalid-request', `${what} is only available in the app.`);
};

export const noServices: HandlerServices = {
  pickFiles: async () => [],
  openExternal: async () => {},
  pickExportPath: async () => null,
  printToPdf: unavailable('PDF export'),
  openPath: unavailable('Opening files'),
  showInFolder: unavailable('Showing files'),
};

function requireStore(core: AppCore): LibraryStore {
  if (core.store) return core.store;
  throw new AppFailure(
    'store-unavailable',
    `The library could not be opened: ${core.status.state === 'failed' ? core.status.reason : 'unknown reason'}`,
  );
}

function noteCount(shard: Readonly<AnnotationShard>): number {
  return (
    shard.highlights.filter((highlight) => highlight.note.trim() !== '').length +
    (shard.articleNote?.text.trim() ? 1 : 0)
  );
}

function summarise(record: ArticleRecord, store: LibraryStore): ArticleSummary {
  const { id, title, titleDerived, wordCount, readingMinutes, addedAt, sourceFile, source, flagCount } =
    record;
  const shard = store.annotations(id);
  return {
    id,
    title,
    titleDerived,
    wordCount,
    readingMinutes,
    addedAt,
    sourceFile,
    source,
    flagCount,
    highlightCount: shard.highlights.length,
    noteCount: noteCount(shard),
  };
}

export function createHandlers(core: AppCore, services: HandlerServices = noServices): Handlers {
  const now = services.now ?? (() => new Date());
  const texts = core.store ? createArticleTexts(core.store) : null;
  const articleTexts = () => {
    if (!texts) requireStore(core);
    return texts!;
  };
  /** Files chosen in the open dialog, by token: the page never learns their paths. */
  const picked = new Map<string, string>();

  async function importPicked(token: string): Promise<ImportResult> {
    const file = picked.get(token);
    if (!file)
      throw new AppFailure('not-found', 'That file is no longer waiting to be imported. Choose it again.');
    picked.delete(token);
    const read = await readImportFile(file);
    if (!read.ok) return { name: read.name, status: 'rejected', reason: read.reason };
    const { name, bytes } = read;
    const [result] = await importArticles(requireStore(core), [{ name, bytes }], now());
    return result!;
  }

  const handlers: Handlers = {
    getStatus: () => core.status,
    listArticles: () => {
      const store = requireStore(core);
      return store.index().articles.map((record) => summarise(record, store));
    },
    getArticle: async ({ id }) => {
      const store = requireStore(core);
      findRecord(store, id);
      try {
        const { record, cleaned } = await store.readArticle(id);
        const { blocks, removed, comments, flags, dek } = cleaned;
        const { index } = articleTexts().remember(id, cleaned.text, cleaned.rulesVersion);
        const shard = store.annotations(id);
        const anchored = reanchorHighlights(shard.highlights, index, cleaned.rulesVersion);
        if (anchored.changed)
          await store.updateAnnotations(id, (draft) => void (draft.highlights = anchored.highlights));
        return {
          ...summarise(record, store),
          dek: dek?.text ?? null,
          blocks,
          removed,
          comments,
          flags,
          highlights: anchored.highlights.map(highlightView),
          articleNote: shard.articleNote,
        };
      } catch (error) {
        if (error instanceof ArticleTextUnavailableError)
          throw new AppFailure('store-unavailable', error.message);
        throw error;
      }
    },
    getSettings: () => requireStore(core).index().settings,
    updateSettings: (changes) => {
      const store = requireStore(core);
      if (changes.categories) {
        const known = store.index().settings.categories.map((category) => category.id);
        if (changes.categories.map((category) => category.id).join() !== known.join()) {
          throw new AppFailure(
            'invalid-request',
            'Categories can be renamed and recoloured, not added, removed or reordered.',
          );
        }
      }
      return store.updateIndex((index) => {
        index.settings = { ...index.settings, ...changes };
        return index.settings;
      });
    },
    updateArticleMetadata: async ({ id, title, source }) => {
      const store = requireStore(core);
      findRecord(store, id);
      const record = await store.updateArticleRecord(id, (draft) => {
        if (title !== undefined && title !== draft.title) {
          draft.title = title;
          draft.titleEdited = true;
          draft.titleDerived = false;
        }
        if (source) draft.source = { ...draft.source, ...source };
      });
      return summarise(record, store);
    },
    deleteArticle: async ({ id }) => {
      const store = requireStore(core);
      const summary = summarise(findRecord(store, id), store);
      await store.deleteArticle(id);
      texts?.forget(id);
      return { id, highlightsRemoved: summary.highlightCount, notesRemoved: summary.noteCount };
    },
    importFiles: ({ files }) => importArticles(requireStore(core), files, now()),
    pickImportFiles: async () => {
      requireStore(core);
      const paths = await services.pickFiles();
      return {
        files: paths.map((file) => {
          const token = randomUUID();
          picked.set(token, file);
          return { token, name: path.basename(file) };
        }),
      };
    },
    importPickedFile: ({ token }) => importPicked(token),
    ...createAnnotationHandlers(() => requireStore(core), articleTexts, services),
    ...createBriefingHandlers(() => requireStore(core), services),
    ...createExportTargetHandlers(() => requireStore(core), services),
    ...createImportHandlers(() => requireStore(core), now, services.readClipboard),
    ...createLineChoiceHandlers(
      () => requireStore(core),
      articleTexts,
      (request) => handlers.getArticle(request),
    ),
  };
  return handlers;
}
