/**
 * The IPC methods for highlights, notes, tags, undo/redo and opening links:
 * adapters over the annotation and history services.
 */
import { AppFailure } from '../../shared/api-error';
import { isAllowedExternalUrl } from '../../shared/external-url';
import type { AppServices } from '../app-services';
import { queryHighlights } from '../annotations/highlight-pages';
import type { Handlers, HandlerServices } from './handler-types';

type AnnotationMethods =
  | 'createHighlight'
  | 'updateHighlight'
  | 'deleteHighlight'
  | 'setArticleNote'
  | 'listHighlights'
  | 'listTags'
  | 'undo'
  | 'redo'
  | 'openExternal';

export function createAnnotationHandlers(
  { store, annotations, history }: AppServices,
  services: HandlerServices,
): Pick<Handlers, AnnotationMethods> {
  return {
    createHighlight: ({ articleId, start, end, categoryId }) =>
      annotations.createHighlight(articleId, start, end, categoryId),
    updateHighlight: ({ articleId, highlightId, ...changes }) =>
      annotations.updateHighlight(articleId, highlightId, changes),
    deleteHighlight: async ({ articleId, highlightId }) => ({
      articleId,
      highlightId,
      change: await annotations.deleteHighlight(articleId, highlightId),
    }),
    setArticleNote: ({ articleId, text }) => annotations.setArticleNote(articleId, text),
    // Both read every annotation file: any the store's open left for later are read first, in slices.
    listHighlights: async (query) => {
      await store.whenAnnotationsLoaded();
      return queryHighlights(store, query);
    },
    listTags: async () => {
      await store.whenAnnotationsLoaded();
      const tags = new Set(
        store.annotatedArticleIds().flatMap((id) => store.annotations(id).highlights.flatMap((h) => h.tags)),
      );
      return [...tags].sort((a, b) => a.localeCompare(b));
    },
    undo: () => history.undo(),
    redo: () => history.redo(),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url))
        throw new AppFailure('invalid-request', 'Only https links can be opened.');
      await services.openExternal(url);
      return { opened: true };
    },
  };
}
