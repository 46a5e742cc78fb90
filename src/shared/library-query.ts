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

type Positioned = { article: ArticleSummary; position: number };

/**
 * The view's order over articles at their positions in the library (a total order: ties keep
 * the library's order, newest import first when descending; articles without the sorted value,
 * no date or no outlet, go last either way).
 */
function orderOf(view: LibraryViewSettings): (a: Positioned, b: Positioned) => number {
  const direction = view.descending ? -1 : 1;
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
  return (a, b) => {
    const order = primary(a.article, b.article);
    if (order === 2 || order === -2) return Math.sign(order);
    return order || (a.position - b.position) * direction;
  };
}

/** Sorts a copy. */
export function sortArticles(
  articles: readonly ArticleSummary[],
  view: LibraryViewSettings,
): ArticleSummary[] {
  const keyed = articles.map((article, position) => ({ article, position }));
  keyed.sort(orderOf(view));
  return keyed.map((entry) => entry.article);
}

/** Beyond this many, picking the first articles costs more than sorting them all. */
const pickAtMost = 256;

/**
 * The first `count` articles in the view's order: `sortArticles(articles, view).slice(0, count)`,
 * without sorting the whole library when only its first screen is wanted (one pass, keeping the
 * best `count` so far in order).
 */
export function firstArticles(
  articles: readonly ArticleSummary[],
  view: LibraryViewSettings,
  count: number,
): ArticleSummary[] {
  if (count > pickAtMost) return sortArticles(articles, view).slice(0, count);
  const order = orderOf(view);
  const best: Positioned[] = [];
  articles.forEach((article, position) => {
    const entry = { article, position };
    if (best.length === count && (count === 0 || order(entry, best[count - 1]!) >= 0)) return;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (order(best[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, entry);
    if (best.length > count) best.pop();
  });
  return best.map((entry) => entry.article);
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

/**
 * One pass: an article counts for a filter's choices when every other filter lets it through, that
 * is when it fails no filter, or fails that one only.
 */
export function libraryFacets(
  articles: readonly ArticleSummary[],
  view: LibraryViewSettings,
  storyMembers: ReadonlySet<string> | null,
  stories: readonly { id: string; articleIds: readonly string[] }[],
): LibraryFacets {
  const tests = filterTests(view, storyMembers);
  const active = (Object.keys(tests) as FilterName[]).filter((name) => tests[name] !== null);
  const outlets = new Map<string, number>();
  const tags = new Map<string, number>();
  const storyBase = new Set<string>();
  const damaged = { with: 0, without: 0 };
  const highlights = { with: 0, without: 0 };
  const notes = { with: 0, without: 0 };
  const reading = { read: 0, unread: 0 };
  for (const article of articles) {
    let failed: FilterName | null = null;
    let failures = 0;
    for (const name of active) {
      if (tests[name]!(article)) continue;
      failures += 1;
      failed = name;
      if (failures > 1) break;
    }
    if (failures > 1) continue;
    const counts = (name: FilterName) => failures === 0 || failed === name;
    if (counts('outlet')) {
      const outlet = article.source.outlet ?? '';
      outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    }
    if (counts('tag')) for (const tag of article.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    if (counts('damaged')) damaged[article.flagCount > 0 ? 'with' : 'without'] += 1;
    if (counts('highlights')) highlights[article.highlightCount > 0 ? 'with' : 'without'] += 1;
    if (counts('notes')) notes[article.noteCount > 0 ? 'with' : 'without'] += 1;
    if (counts('reading')) reading[article.read ? 'read' : 'unread'] += 1;
    if (counts('story')) storyBase.add(article.id);
  }
  return {
    total: articles.length,
    outlets: [...outlets].sort((a, b) => collator.compare(a[0], b[0])),
    tags: [...tags].sort((a, b) => collator.compare(a[0], b[0])),
    damaged,
    highlights,
    notes,
    reading,
    stories: new Map(
      stories.map((story) => [story.id, story.articleIds.filter((id) => storyBase.has(id)).length]),
    ),
  };
}
