/**
 * The library-wide highlights view, served a page at a time (issue 14). At
 * 50,000 highlights, sending every highlight to the renderer and filtering
 * there cost seconds and hundreds of megabytes; here one pass over the store's
 * memory filters by category, tag, story and text (quote, note and article
 * title, ignoring case and accents), counts, and returns only the rows asked
 * for, in library order grouped by article. The folded text of each stored
 * highlight (frozen, replaced on change) is made once and cached.
 */
import type { HighlightPage, HighlightPageRow, HighlightQuery } from '../../shared/contract';
import { foldText } from '../../shared/search-text';
import type { LibraryStore } from '../store/library-store';
import type { Highlight } from '../store/schemas/annotation-shard';
import { highlightView } from './highlight-view';

const foldedText = new WeakMap<Highlight, { title: string; text: string }>();

/** What the text filter searches: the quote, the note and the article's title, folded. */
function haystackOf(highlight: Highlight, title: string): string {
  const cached = foldedText.get(highlight);
  if (cached?.title === title) return cached.text;
  const text = foldText(`${highlight.quote.exact}\n${highlight.note}\n${title}`);
  foldedText.set(highlight, { title, text });
  return text;
}

export function queryHighlights(store: LibraryStore, query: HighlightQuery): HighlightPage {
  const index = store.index();
  const needle = foldText(query.text.trim());
  const story = query.storyId === null ? null : index.stories.find((s) => s.id === query.storyId);
  const members = story ? new Set(story.articleIds) : null;
  const categoryCounts: Record<string, number> = {};
  const tags = new Set<string>();
  const rows: HighlightPageRow[] = [];
  const groupStarts: number[] = [];
  const end = query.offset + query.limit;
  let total = 0;
  let matched = 0;
  let shown = 0;
  let previousArticle: string | null = null;
  for (const record of index.articles) {
    const highlights = store.annotations(record.id).highlights;
    if (highlights.length === 0) continue;
    const inStory = query.storyId === null || (members?.has(record.id) ?? false);
    for (const highlight of highlights) {
      total += 1;
      for (const tag of highlight.tags) tags.add(tag);
      if (highlight.orphaned || !inStory) continue;
      if (query.tag !== null && !highlight.tags.includes(query.tag)) continue;
      if (needle !== '' && !haystackOf(highlight, record.title).includes(needle)) continue;
      matched += 1;
      categoryCounts[highlight.categoryId] = (categoryCounts[highlight.categoryId] ?? 0) + 1;
      if (query.categoryId !== null && highlight.categoryId !== query.categoryId) continue;
      const groupStart = previousArticle !== record.id;
      if (groupStart && query.offset === 0) groupStarts.push(shown);
      if (shown >= query.offset && shown < end)
        rows.push({
          index: shown,
          groupStart,
          articleId: record.id,
          articleTitle: record.title,
          highlight: highlightView(highlight),
        });
      previousArticle = record.id;
      shown += 1;
    }
  }
  return {
    total,
    matched,
    categoryCounts,
    shown,
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    groupStarts,
    rows,
  };
}
