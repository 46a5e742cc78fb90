/**
 * What each IPC method does, given a started app core. Handlers receive
 * requests that have already passed the contract's validation.
 */
import { AppFailure } from '../../shared/api-error';
import type { ApiMethod } from '../../shared/channels';
import type { ApiReply, ArticleSummary } from '../../shared/contract';
import type { AppCore } from '../app-core';
import { ArticleTextUnavailableError, type LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { ValidRequest } from './dispatcher';

export type Handlers = {
  [M in ApiMethod]: (request: ValidRequest<M>) => Promise<ApiReply<M>> | ApiReply<M>;
};

function requireStore(core: AppCore): LibraryStore {
  if (core.store) return core.store;
  throw new AppFailure(
    'store-unavailable',
    `The library could not be opened: ${core.status.state === 'failed' ? core.status.reason : 'unknown reason'}`,
  );
}

function summarise(article: ArticleRecord): ArticleSummary {
  const { id, title, titleDerived, wordCount, readingMinutes, addedAt } = article;
  return { id, title, titleDerived, wordCount, readingMinutes, addedAt };
}

export function createHandlers(core: AppCore): Handlers {
  return {
    getStatus: () => core.status,
    listArticles: () => requireStore(core).index().articles.map(summarise),
    getArticle: async ({ id }) => {
      const store = requireStore(core);
      const record = store.index().articles.find((candidate) => candidate.id === id);
      if (!record) throw new AppFailure('not-found', `No article with id ${id} is in the library.`);
      try {
        const article = await store.readArticle(id);
        return { ...summarise(record), paragraphs: article.paragraphs, sourceFile: record.sourceFile };
      } catch (error) {
        if (error instanceof ArticleTextUnavailableError)
          throw new AppFailure('store-unavailable', error.message);
        throw error;
      }
    },
    getSettings: () => requireStore(core).index().settings,
    updateSettings: (changes) =>
      requireStore(core).updateIndex((index) => {
        index.settings = { ...index.settings, ...changes };
        return index.settings;
      }),
  };
}
