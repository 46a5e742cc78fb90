/**
 * The IPC methods for highlights, notes, tags and undo/redo, over the
 * annotation service. Requests have passed the contract's validation already;
 * ids that do not exist and offsets outside the text fail here with typed errors.
 */
import { AppFailure } from '../../shared/api-error';
import { isAllowedExternalUrl } from '../../shared/external-url';
import { highlightView } from '../annotations/highlight-view';
import { createAnnotationService } from '../annotations/annotation-service';
import type { ArticleTexts } from '../annotations/article-texts';
import type { LibraryStore } from '../store/library-store';
import type { Handlers, HandlerServices } from './handlers';
import { findRecord } from './find-record';

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
  requireStore: () => LibraryStore,
  texts: () => ArticleTexts,
  services: HandlerServices,
): Pick<Handlers, AnnotationMethods> {
  const service = () => createAnnotationService(requireStore(), texts(), services.now);
  const requireArticle = (articleId: string) => void findRecord(requireStore(), articleId);

  return {
    createHighlight: async ({ articleId, start, end, categoryId }) => {
      requireArticle(articleId);
      return highlightView(await service().createHighlight(articleId, start, end, categoryId));
    },
    updateHighlight: async ({ articleId, highlightId, ...changes }) => {
      requireArticle(articleId);
      return highlightView(await service().updateHighlight(articleId, highlightId, changes));
    },
    deleteHighlight: async ({ articleId, highlightId }) => {
      requireArticle(articleId);
      await service().deleteHighlight(articleId, highlightId);
      return { articleId, highlightId };
    },
    setArticleNote: async ({ articleId, text }) => {
      requireArticle(articleId);
      return service().setArticleNote(articleId, text);
    },
    listHighlights: () => {
      const store = requireStore();
      return store.index().articles.flatMap((record) =>
        store.annotations(record.id).highlights.map((highlight) => ({
          articleId: record.id,
          articleTitle: record.title,
          highlight: highlightView(highlight),
        })),
      );
    },
    listTags: () => {
      const store = requireStore();
      const tags = new Set(
        store.annotatedArticleIds().flatMap((id) => store.annotations(id).highlights.flatMap((h) => h.tags)),
      );
      return [...tags].sort((a, b) => a.localeCompare(b));
    },
    undo: () => service().undo(),
    redo: () => service().redo(),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url))
        throw new AppFailure('invalid-request', 'Only https links can be opened.');
      await services.openExternal(url);
      return { opened: true };
    },
  };
}
