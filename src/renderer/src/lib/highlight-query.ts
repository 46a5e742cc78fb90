/**
 * The library-wide highlights view's filters as pure functions: category,
 * tag, story and a text filter over the quote, the note and the article's
 * title (case- and accent-insensitive). The lower-cased text of each highlight
 * is made once per list, so a keystroke is one pass of `includes` over it.
 * Category counts follow the other filters.
 */
import type { LibraryHighlight } from './annotation-patch';

export interface HighlightFilter {
  categoryId: string | null;
  tag: string | null;
  /** The open story's article ids; null: every article. */
  storyArticles: ReadonlySet<string> | null;
  text: string;
}

export const noHighlightFilter: HighlightFilter = {
  categoryId: null,
  tag: null,
  storyArticles: null,
  text: '',
};

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** What the text filter searches, one string per highlight. */
export function highlightHaystacks(items: readonly LibraryHighlight[]): string[] {
  return items.map((item) =>
    foldText(`${item.highlight.exact}\n${item.highlight.note}\n${item.articleTitle}`),
  );
}

export interface FilteredHighlights {
  shown: LibraryHighlight[];
  /** Highlights per category under the tag, story and text filters. */
  categoryCounts: Map<string, number>;
  /** Highlights under the tag, story and text filters (the "All" count). */
  beforeCategory: number;
}

export function filterHighlights(
  items: readonly LibraryHighlight[],
  haystacks: readonly string[],
  filter: HighlightFilter,
): FilteredHighlights {
  const needle = foldText(filter.text.trim());
  const categoryCounts = new Map<string, number>();
  const shown: LibraryHighlight[] = [];
  let beforeCategory = 0;
  items.forEach((item, at) => {
    if (item.highlight.orphaned) return;
    if (filter.storyArticles && !filter.storyArticles.has(item.articleId)) return;
    if (filter.tag !== null && !item.highlight.tags.includes(filter.tag)) return;
    if (needle !== '' && !haystacks[at]!.includes(needle)) return;
    beforeCategory += 1;
    const category = item.highlight.categoryId;
    categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
    if (filter.categoryId === null || filter.categoryId === category) shown.push(item);
  });
  return { shown, categoryCounts, beforeCategory };
}

/** Whether the highlight at `index` starts a new article's group (the list shows the article's title there). */
export function startsGroup(shown: readonly LibraryHighlight[], index: number): boolean {
  return index === 0 || shown[index - 1]!.articleId !== shown[index]!.articleId;
}

/** Groups by article, keeping the articles' and each article's highlights' order. */
export function groupedByArticle(items: readonly LibraryHighlight[]): LibraryHighlight[] {
  const byArticle = new Map<string, LibraryHighlight[]>();
  for (const item of items) {
    const group = byArticle.get(item.articleId);
    if (group) group.push(item);
    else byArticle.set(item.articleId, [item]);
  }
  return [...byArticle.values()].flat();
}

/** The tags used by any of the highlights, each once, in alphabetical order (for a tag filter). */
export function highlightTags(items: readonly LibraryHighlight[]): string[] {
  return [...new Set(items.flatMap((item) => item.highlight.tags))].sort((a, b) => a.localeCompare(b));
}
