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

export function createArticleHandlers({
  articles,
  settings,
  store,
  search,
}: AppServices): Pick<Handlers, ArticleMethods> {
  return {
    listArticles: () => articles.list(),
    listArticlePage: (query) => {
      // The search index starts loading (app-core.ts) when the window, its first screen painted,
      // asks for the first slice of the whole library: on two cores its thread would otherwise
      // compete with the window's start.
      if (query.view === null && query.offset === 0) setImmediate(() => void search.start());
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
