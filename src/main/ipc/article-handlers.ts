/** The IPC methods for the library, one article, and the settings: adapters over the services. */
import type { AppServices } from '../app-services';
import { queryArticles } from '../articles/article-pages';
import type { Handlers } from './handler-types';

type ArticleMethods =
  | 'listArticles'
  | 'listArticlePage'
  | 'getArticle'
  | 'updateArticleMetadata'
  | 'deleteArticle'
  | 'getSettings'
  | 'updateSettings'
  | 'articleUsage';

export function createArticleHandlers(
  { articles, settings, store }: AppServices,
  startBackgroundWork: () => void = () => {},
): Pick<Handlers, ArticleMethods> {
  return {
    listArticles: () => articles.list(),
    listArticlePage: (query) => {
      // The window asks for the first slice of the whole library once its first screen is painted:
      // the work that waited for that starts then (the search index, the import process; app-core.ts).
      if (query.view === null && query.offset === 0) setImmediate(startBackgroundWork);
      return queryArticles(store, query);
    },
    getArticle: ({ id }) => articles.open(id),
    updateArticleMetadata: ({ id, ...changes }) => articles.updateMetadata(id, changes),
    deleteArticle: ({ id }) => articles.remove(id),
    articleUsage: ({ id }) => ({ briefingCount: articles.briefingsUsing(id) }),
    getSettings: () => settings.get(),
    updateSettings: (changes) => settings.update(changes),
  };
}
