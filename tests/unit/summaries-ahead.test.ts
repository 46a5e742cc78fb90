/**
 * The library's summaries made ahead, while the window loads (issue 14): once
 * made, the first screen's answer makes none again, only for an article that
 * changed since; an aborted warm-up stops. Counted on the real summariser over
 * a real store.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppServices } from '../../src/main/app-services';
import { queryArticles, warmSummaries } from '../../src/main/articles/article-pages';
import * as summary from '../../src/main/articles/article-summary';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import { defaultLibraryView } from '../../src/shared/contract';
import { sortArticles } from '../../src/shared/library-query';
import { tempDirs } from './temp-dir';

vi.mock('../../src/main/articles/article-summary', { spy: true });

const makeTempDir = tempDirs();
const stores: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function library(count: number) {
  const store = await openLibraryStore({ dir: await makeTempDir(), backups: false });
  stores.push(store);
  const articles = Array.from({ length: count }, (_, n) =>
    articleFromPlainText(`Report ${n}\n\nText of report ${n}.\n`, {
      sourceFile: `${n}.txt`,
      addedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    }),
  );
  await store.addArticles(articles);
  return { store, services: createAppServices(store), ids: articles.map((article) => article.record.id) };
}

describe('summaries made ahead of the first screen', () => {
  it('are the ones the first screen is answered with, until an article changes', async () => {
    const { store, services, ids } = await library(25);
    const made = vi.mocked(summary.summariseArticle);
    made.mockClear();
    await warmSummaries(services.store, new AbortController().signal, 10);
    expect(made).toHaveBeenCalledTimes(25);
    made.mockClear();
    const page = queryArticles(services.store, { view: defaultLibraryView, offset: 0, limit: 10 });
    expect(made).not.toHaveBeenCalled();
    expect(page.rows).toEqual(sortArticles(services.articles.list(), defaultLibraryView).slice(0, 10));
    await services.annotations.createHighlight(ids[24]!, 0, 6, 'evidence');
    made.mockClear();
    const after = queryArticles(store, { view: defaultLibraryView, offset: 0, limit: 10 });
    expect(made).toHaveBeenCalledTimes(1);
    expect(after.rows[0]).toMatchObject({ id: ids[24], highlightCount: 1 });
    expect(after.facets?.highlights).toEqual({ with: 1, without: 24 });
  });

  it('stop when the app closes', async () => {
    const { services } = await library(25);
    const made = vi.mocked(summary.summariseArticle);
    made.mockClear();
    const closing = new AbortController();
    const warming = warmSummaries(services.store, closing.signal, 10);
    closing.abort();
    await warming;
    expect(made).not.toHaveBeenCalled();
  });
});
