/**
 * The library's sort and filters as pure functions over the article
 * summaries, so they are unit-tested and cost one pass (plus one sort) over a
 * 10,000-article library. The counts beside each filter choice follow the
 * other filters: each facet is counted over the articles every other filter
 * lets through, so a count says what picking that choice would show.
 */
import type { ArticleSummary, LibraryViewSettings } from './contract';

export type FilterName = 'story' | 'outlet' | 'damaged' | 'highlights' | 'notes' | 'reading' | 'tag';

/** Each filter as a test on one article; null when the filter lets every article through. */
function filterTests(
  view: LibraryViewSettings,
  storyMembers: ReadonlySet<string> | null,
): Record<FilterName, ((article: ArticleSummary) => boolean) | null> {
  const showOnly = (choice: 'any' | 'with' | 'without', has: (a: ArticleSummary) => boolean) =>
    choice === 'any' ? null : (article: ArticleSummary) => has(article) === (choice === 'with');
  return {
    story: storyMembers ? (article) => storyMembers.has(article.id) : null,
    outlet: view.outlet === null ? null : (article) => (article.source.outlet ?? '') === view.outlet,
    damaged: showOnly(view.damaged, (article) => article.flagCount > 0),
    highlights: showOnly(view.highlights, (article) => article.highlightCount > 0),
    notes: showOnly(view.notes, (article) => article.noteCount > 0),
    reading: view.reading === 'any' ? null : (article) => article.read === (view.reading === 'read'),
    tag: view.tag === null ? null : (article) => article.tags.includes(view.tag!),
  };
}

function passing(
  articles: readonly ArticleSummary[],
  tests: Record<FilterName, ((article: ArticleSummary) => boolean) | null>,
  except: FilterName | null,
): ArticleSummary[] {
  const active = (Object.keys(tests) as FilterName[])
    .filter((name) => name !== except && tests[name] !== null)
    .map((name) => tests[name]!);
  if (active.length === 0) return [...articles];
  return articles.filter((article) => active.every((test) => test(article)));
}

export function filterArticles(
  articles: readonly ArticleSummary[],
  view: LibraryViewSettings,
  storyMembers: ReadonlySet<string> | null,
): ArticleSummary[] {
  return passing(articles, filterTests(view, storyMembers), null);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts a copy; articles without the sorted value (no date, no outlet) go last either way. */
export function sortArticles(
  articles: readonly ArticleSummary[],
  view: LibraryViewSettings,
): ArticleSummary[] {
  const direction = view.descending ? -1 : 1;
  const keyed = articles.map((article, position) => ({ article, position }));
  const byText = (value: (a: ArticleSummary) => string | null) => (a: ArticleSummary, b: ArticleSummary) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 2 : -2;
    return collator.compare(x, y) * direction;
  };
  const compare: Record<LibraryViewSettings['sort'], (a: ArticleSummary, b: ArticleSummary) => number> = {
    added: (a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0) * direction,
    published: (a, b) => {
      const [x, y] = [a.source.publishedAt, b.source.publishedAt];
      if (x === null || y === null) return x === y ? 0 : x === null ? 2 : -2;
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    },
    title: byText((article) => article.title),
    outlet: byText((article) => article.source.outlet),
    length: (a, b) => (a.wordCount - b.wordCount) * direction,
  };
  const primary = compare[view.sort];
  // Ties keep the library's order, newest import first when descending.
  keyed.sort((a, b) => {
    const order = primary(a.article, b.article);
    if (order === 2 || order === -2) return Math.sign(order);
    return order || (a.position - b.position) * direction;
  });
  return keyed.map((entry) => entry.article);
}

export interface LibraryFacets {
  total: number;
  outlets: [string, number][];
  tags: [string, number][];
  damaged: { with: number; without: number };
  highlights: { with: number; without: number };
  notes: { with: number; without: number };
  reading: { read: number; unread: number };
  /** Articles in each story, under every other filter. */
  stories: Map<string, number>;
}

function tally<T>(
  articles: readonly ArticleSummary[],
  keys: (article: ArticleSummary) => T[],
): Map<T, number> {
  const counts = new Map<T, number>();
  for (const article of articles)
    for (const key of keys(article)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function split(articles: readonly ArticleSummary[], has: (article: ArticleSummary) => boolean) {
  const count = articles.filter(has).length;
  return { with: count, without: articles.length - count };
}

export function libraryFacets(
  articles: readonly ArticleSummary[],
  view: LibraryViewSettings,
  storyMembers: ReadonlySet<string> | null,
  stories: readonly { id: string; articleIds: readonly string[] }[],
): LibraryFacets {
  const tests = filterTests(view, storyMembers);
  const without = (name: FilterName) => passing(articles, tests, name);
  const byOutlet = tally(without('outlet'), (article) => [article.source.outlet ?? '']);
  const reading = split(without('reading'), (article) => article.read);
  const storyBase = new Set(without('story').map((article) => article.id));
  return {
    total: articles.length,
    outlets: [...byOutlet].sort((a, b) => collator.compare(a[0], b[0])),
    tags: [...tally(without('tag'), (article) => article.tags)].sort((a, b) => collator.compare(a[0], b[0])),
    damaged: split(without('damaged'), (article) => article.flagCount > 0),
    highlights: split(without('highlights'), (article) => article.highlightCount > 0),
    notes: split(without('notes'), (article) => article.noteCount > 0),
    reading: { read: reading.with, unread: reading.without },
    stories: new Map(
      stories.map((story) => [story.id, story.articleIds.filter((id) => storyBase.has(id)).length]),
    ),
  };
}
