/**
 * The library's pages, served from a real store: the first screen in a view's
 * sort and filters (the open story too) with the filter counts, exactly what
 * the renderer works out from the whole list; and, with no view, slices of the
 * library's own order that put together are the whole library.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/main/app-services';
import { queryArticles } from '../../src/main/articles/article-pages';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import { defaultLibraryView, type LibraryViewSettings } from '../../src/shared/contract';
import { filterArticles, libraryFacets, sortArticles } from '../../src/shared/library-query';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const stores: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const outlets = ['Reuters', 'Le Monde', null];

async function library(count: number) {
  const store = await openLibraryStore({ dir: await makeTempDir(), backups: false });
  stores.push(store);
  const articles = Array.from({ length: count }, (_, n) =>
    articleFromPlainText(`Report ${String(count - n).padStart(3, '0')}\n\nText of report ${n}.\n`, {
      sourceFile: `${n}.txt`,
      addedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
      source: { outlet: outlets[n % 3]!, author: null, publishedAt: null, url: null },
    }),
  );
  await store.addArticles(articles);
  const services = createAppServices(store);
  const ids = articles.map((article) => article.record.id);
  await services.articles.updateMetadata(ids[4]!, { tags: ['nato'] });
  const story = await services.stories.create('Talks', [ids[1]!, ids[4]!, ids[7]!]);
  return { store, services, ids, storyId: story.id };
}

describe('library pages', () => {
  it('serves the first screen sorted and filtered as the renderer would, with its counts', async () => {
    const { store, services, storyId } = await library(30);
    const all = services.articles.list();
    const views: LibraryViewSettings[] = [
      defaultLibraryView,
      { ...defaultLibraryView, sort: 'title', descending: false },
      { ...defaultLibraryView, outlet: 'Le Monde', sort: 'outlet' },
      { ...defaultLibraryView, storyId, tag: 'nato' },
      { ...defaultLibraryView, storyId },
    ];
    for (const view of views) {
      const members = view.storyId === null ? null : new Set(store.index().stories[0]!.articleIds);
      const expected = sortArticles(filterArticles(all, view, members), view);
      const page = queryArticles(store, { view, offset: 0, limit: 5 });
      expect(page.total).toBe(30);
      expect(page.shown).toBe(expected.length);
      expect(page.rows).toEqual(expected.slice(0, 5));
      const facets = libraryFacets(all, view, members, store.index().stories);
      expect(page.facets).toEqual({ ...facets, stories: [...facets.stories] });
    }
    const newest = queryArticles(store, { view: defaultLibraryView, offset: 0, limit: 2 });
    expect(newest.rows.map((row) => row.sourceFile)).toEqual(['29.txt', '28.txt']);
    const inStory = queryArticles(store, { view: { ...defaultLibraryView, storyId }, offset: 0, limit: 10 });
    expect(inStory.shown).toBe(3);
    expect(inStory.facets?.stories).toEqual([[storyId, 3]]);
    expect(inStory.facets?.tags).toEqual([['nato', 1]]);
  });

  it('follows every change: a summary is made again when its record or annotations change', async () => {
    const { store, services, ids } = await library(10);
    const first = queryArticles(store, { view: null, offset: 0, limit: 10 });
    expect(queryArticles(store, { view: null, offset: 0, limit: 10 }).rows[0]).toBe(first.rows[0]);
    await services.articles.updateMetadata(ids[0]!, { title: 'Renamed report', tags: ['kyiv'] });
    const text = (await store.readArticle(ids[0]!)).cleaned.text;
    await services.annotations.createHighlight(ids[0]!, 0, 6, 'evidence');
    await services.reading.setRead(ids[1]!, true);
    const after = queryArticles(store, { view: null, offset: 0, limit: 10 }).rows;
    expect(after[0]).toMatchObject({ title: 'Renamed report', tags: ['kyiv'], highlightCount: 1 });
    expect(text.length).toBeGreaterThan(6);
    expect(after[1]!.read).toBe(true);
    expect(after.slice(2)).toEqual(first.rows.slice(2));
    expect(after).toEqual(services.articles.list());
  });

  it('serves the library in its own order, a slice at a time, with no view', async () => {
    const { store, services } = await library(23);
    const slices = [0, 10, 20].map((offset) => queryArticles(store, { view: null, offset, limit: 10 }));
    expect(slices.map((slice) => slice.rows.length)).toEqual([10, 10, 3]);
    expect(slices.every((slice) => slice.total === 23 && slice.shown === 23 && slice.facets === null)).toBe(
      true,
    );
    expect(slices.flatMap((slice) => slice.rows)).toEqual(services.articles.list());
    expect(queryArticles(store, { view: null, offset: 40, limit: 10 }).rows).toEqual([]);
  });
});
