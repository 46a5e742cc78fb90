/**
 * The library's sort and filters (pure functions the Library state derives
 * its list from): each sort key in both directions with missing values last,
 * ties in library order, every filter, and counts that follow the other
 * filters, on a few articles and on 10,000.
 */
import { describe, expect, it } from 'vitest';
import { defaultLibraryView, type ArticleSummary, type LibraryViewSettings } from '../../src/shared/contract';
import { filterArticles, libraryFacets, sortArticles } from '../../src/shared/library-query';

function article(
  id: string,
  parts: Partial<ArticleSummary> & { outlet?: string | null; published?: string | null },
) {
  const { outlet = null, published = null, ...rest } = parts;
  return {
    id,
    title: `Title ${id}`,
    titleDerived: false,
    wordCount: 100,
    readingMinutes: 1,
    addedAt: '2026-01-01T00:00:00.000Z',
    sourceFile: null,
    source: { outlet, author: null, publishedAt: published, url: null },
    flagCount: 0,
    highlightCount: 0,
    noteCount: 0,
    tags: [],
    read: false,
    readingProgress: 0,
    ...rest,
  } satisfies ArticleSummary;
}

const library: ArticleSummary[] = [
  article('a', {
    title: 'Zeta',
    addedAt: '2026-01-01T00:00:00Z',
    outlet: 'Reuters',
    published: '2025-05-01',
    wordCount: 900,
  }),
  article('b', {
    title: 'alpha',
    addedAt: '2026-01-03T00:00:00Z',
    outlet: 'AP',
    highlightCount: 2,
    tags: ['energy'],
  }),
  article('c', {
    title: 'Beta 10',
    addedAt: '2026-01-02T00:00:00Z',
    published: '2024-01-01',
    flagCount: 3,
    read: true,
  }),
  article('d', {
    title: 'Beta 9',
    addedAt: '2026-01-02T00:00:00Z',
    outlet: 'Reuters',
    noteCount: 1,
    tags: ['energy', 'eu'],
    wordCount: 50,
  }),
];
const ids = (list: ArticleSummary[]) => list.map((a) => a.id);
const view = (changes: Partial<LibraryViewSettings>): LibraryViewSettings => ({
  ...defaultLibraryView,
  ...changes,
});

describe('sorting the library', () => {
  it('puts the newest import first by default, ties newest-imported first', () => {
    expect(ids(sortArticles(library, defaultLibraryView))).toEqual(['b', 'd', 'c', 'a']);
    expect(ids(sortArticles(library, view({ descending: false })))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('sorts by title (case and numbers read naturally), outlet, length and published date, missing values last', () => {
    expect(ids(sortArticles(library, view({ sort: 'title', descending: false })))).toEqual([
      'b',
      'd',
      'c',
      'a',
    ]);
    expect(ids(sortArticles(library, view({ sort: 'outlet', descending: false })))).toEqual([
      'b',
      'a',
      'd',
      'c',
    ]);
    expect(ids(sortArticles(library, view({ sort: 'outlet', descending: true })))).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
    expect(ids(sortArticles(library, view({ sort: 'length', descending: true }))).at(0)).toBe('a');
    expect(ids(sortArticles(library, view({ sort: 'published', descending: true })))).toEqual([
      'a',
      'c',
      'd',
      'b',
    ]);
    expect(ids(sortArticles(library, view({ sort: 'published', descending: false })))).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
  });
});

describe('filtering the library', () => {
  it('filters by outlet (and no outlet), damage, highlights, notes, reading, tag and story', () => {
    expect(ids(filterArticles(library, view({ outlet: 'Reuters' }), null))).toEqual(['a', 'd']);
    expect(ids(filterArticles(library, view({ outlet: '' }), null))).toEqual(['c']);
    expect(ids(filterArticles(library, view({ damaged: 'with' }), null))).toEqual(['c']);
    expect(ids(filterArticles(library, view({ highlights: 'with' }), null))).toEqual(['b']);
    expect(ids(filterArticles(library, view({ notes: 'without' }), null))).toEqual(['a', 'b', 'c']);
    expect(ids(filterArticles(library, view({ reading: 'unread' }), null))).toEqual(['a', 'b', 'd']);
    expect(ids(filterArticles(library, view({ reading: 'read' }), null))).toEqual(['c']);
    expect(ids(filterArticles(library, view({ tag: 'energy' }), null))).toEqual(['b', 'd']);
    expect(ids(filterArticles(library, view({ tag: 'energy' }), new Set(['d', 'a'])))).toEqual(['d']);
  });

  it('counts each choice under every other filter', () => {
    const facets = libraryFacets(library, view({ outlet: 'Reuters', tag: 'energy' }), null, [
      { id: 's1', articleIds: ['a', 'd', 'b'] },
    ]);
    expect(facets.total).toBe(4);
    // Outlets counted with the tag filter only: b (AP) and d (Reuters) carry "energy".
    expect(facets.outlets).toEqual([
      ['AP', 1],
      ['Reuters', 1],
    ]);
    // Tags counted with the outlet filter only: a and d are Reuters.
    expect(facets.tags).toEqual([
      ['energy', 1],
      ['eu', 1],
    ]);
    expect(facets.notes).toEqual({ with: 1, without: 0 });
    expect(facets.reading).toEqual({ read: 0, unread: 1 });
    expect(facets.stories.get('s1')).toBe(1);
  });

  it('sorts, filters and counts a 10,000-article library', () => {
    const big = Array.from({ length: 10_000 }, (_, n) =>
      article(`x${n}`, {
        title: `Article ${(n * 7919) % 10_000}`,
        outlet: `Outlet ${n % 40}`,
        tags: n % 3 ? [] : ['t'],
      }),
    );
    const sorted = sortArticles(
      filterArticles(big, view({ tag: 't', sort: 'title' }), null),
      view({ sort: 'title' }),
    );
    expect(sorted).toHaveLength(3334);
    expect(sorted[0]!.title >= sorted[1]!.title).toBe(true);
    expect(libraryFacets(big, defaultLibraryView, null, []).outlets).toHaveLength(40);
  });
});
