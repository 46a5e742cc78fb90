/**
 * The library's sort and filters (pure functions the Library state derives
 * its list from): each sort key in both directions with missing values last,
 * ties in library order, every filter, and counts that follow the other
 * filters, on a few articles and on 10,000; the first screen picked without a
 * whole sort, and the counts made in one pass, equal to their definitions.
 */
import { describe, expect, it } from 'vitest';
import { defaultLibraryView, type ArticleSummary, type LibraryViewSettings } from '../../src/shared/contract';
import { filterArticles, firstArticles, libraryFacets, sortArticles } from '../../src/shared/library-query';

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

/** A library with many ties and missing values: every order and count has something to get wrong. */
const mixed = Array.from({ length: 2_000 }, (_, n) =>
  article(`m${n}`, {
    title: [`Report ${n % 17}`, `report ${n % 17}`, `Ärger ${n % 5}`][n % 3]!,
    addedAt: `2026-01-${String(1 + (n % 9)).padStart(2, '0')}T00:00:00Z`,
    outlet: n % 7 === 0 ? null : [`AP`, `ap`, `Reuters`, `BBC`][n % 4]!,
    published: n % 5 === 0 ? null : `2025-0${1 + (n % 9)}-01`,
    wordCount: (n * 37) % 500,
    flagCount: n % 11 === 0 ? 1 : 0,
    highlightCount: n % 3,
    noteCount: n % 4 === 0 ? 1 : 0,
    read: n % 6 === 0,
    tags: n % 8 === 0 ? ['eu', 'energy'] : n % 5 === 0 ? ['eu'] : [],
  }),
);
const sorts: LibraryViewSettings['sort'][] = ['added', 'published', 'title', 'outlet', 'length'];

describe('the first screen of a view', () => {
  it('is the sorted list’s start, for every sort, direction and length asked', () => {
    for (const sort of sorts)
      for (const descending of [true, false]) {
        const order = view({ sort, descending });
        const sorted = ids(sortArticles(mixed, order));
        for (const count of [0, 1, 35, 256, 257, 1_999, 2_000, 2_500])
          expect(ids(firstArticles(mixed, order, count)), `${sort} ${descending} ${count}`).toEqual(
            sorted.slice(0, count),
          );
      }
  });
});

describe('the counts beside each filter, in one pass', () => {
  /** The definition: each facet counted over the articles every other filter lets through. */
  function expectedFacets(settings: LibraryViewSettings, members: ReadonlySet<string> | null) {
    const without = (changes: Partial<LibraryViewSettings>, keepStory = true) =>
      filterArticles(mixed, { ...settings, ...changes }, keepStory ? members : null);
    const count = (list: ArticleSummary[], has: (a: ArticleSummary) => boolean) => ({
      with: list.filter(has).length,
      without: list.filter((a) => !has(a)).length,
    });
    const tally = (list: ArticleSummary[], keys: (a: ArticleSummary) => string[]) => {
      const counts = new Map<string, number>();
      for (const a of list) for (const key of keys(a)) counts.set(key, (counts.get(key) ?? 0) + 1);
      return [...counts].sort((x, y) =>
        x[0].localeCompare(y[0], undefined, { sensitivity: 'base', numeric: true }),
      );
    };
    const reading = count(without({ reading: 'any' }), (a) => a.read);
    const storyBase = new Set(ids(without({}, false)));
    return {
      total: mixed.length,
      outlets: tally(without({ outlet: null }), (a) => [a.source.outlet ?? '']),
      tags: tally(without({ tag: null }), (a) => a.tags),
      damaged: count(without({ damaged: 'any' }), (a) => a.flagCount > 0),
      highlights: count(without({ highlights: 'any' }), (a) => a.highlightCount > 0),
      notes: count(without({ notes: 'any' }), (a) => a.noteCount > 0),
      reading: { read: reading.with, unread: reading.without },
      stories: new Map([['s', [...(members ?? [])].filter((id) => storyBase.has(id)).length]]),
    };
  }

  it('equal their definition under each filter and several together', () => {
    const members = new Set(ids(mixed.filter((_, n) => n % 3 === 1)));
    const settings: [Partial<LibraryViewSettings>, ReadonlySet<string> | null][] = [
      [{}, null],
      [{ outlet: 'AP' }, null],
      [{ outlet: '' }, members],
      [{ damaged: 'with', highlights: 'without' }, null],
      [{ notes: 'with', reading: 'unread', tag: 'eu' }, members],
      [
        {
          outlet: 'Reuters',
          damaged: 'without',
          highlights: 'with',
          notes: 'without',
          reading: 'read',
          tag: 'energy',
        },
        members,
      ],
    ];
    for (const [changes, story] of settings) {
      const settingsView = view(changes);
      const stories = [{ id: 's', articleIds: [...(story ?? [])] }];
      expect(libraryFacets(mixed, settingsView, story, stories), JSON.stringify(changes)).toEqual(
        expectedFacets(settingsView, story),
      );
    }
  });
});
