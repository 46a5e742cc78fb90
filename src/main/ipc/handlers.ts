/**
 * What each IPC method does, given a started app core. Handlers receive
 * requests that have already passed the contract's validation.
 */
import { AppFailure } from '../../shared/api-error';
import type { ApiMethod } from '../../shared/channels';
import type { ApiReply, ArticleSummary } from '../../shared/contract';
import type { AppCore } from '../app-core';
import type { LibraryStore } from '../store/library-store';
import type { StoredArticle } from '../store/store-schema';
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

function summarise(article: StoredArticle): ArticleSummary {
  const { id, title, titleDerived, wordCount, readingMinutes, addedAt } = article;
  return { id, title, titleDerived, wordCount, readingMinutes, addedAt };
}

export function createHandlers(core: AppCore): Handlers {
  return {
    getStatus: () => core.status,
    listArticles: () => requireStore(core).read().articles.map(summarise),
    getArticle: ({ id }) => {
      const article = requireStore(core)
        .read()
        .articles.find((candidate) => candidate.id === id);
      if (!article) throw new AppFailure('not-found', `No article with id ${id} is in the library.`);
      return { ...summarise(article), paragraphs: article.paragraphs, sourceFile: article.sourceFile };
    },
    getSettings: () => requireStore(core).read().settings,
    updateSettings: (changes) =>
      requireStore(core).update((data) => {
        data.settings = { ...data.settings, ...changes };
        return data.settings;
      }),
  };
}
