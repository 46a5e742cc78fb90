/**
 * The library-wide highlights view, served a page at a time (issue 14). At
 * 50,000 highlights, sending every highlight to the renderer and filtering
 * there cost seconds and hundreds of megabytes; here one pass over the store's
 * memory filters by category, tag, story and text (quote, note and article
 * title, ignoring case and accents), counts, and returns only the rows asked
 * for, in library order grouped by article. The folded text of each stored
 * highlight (frozen, replaced on change) is made once and cached.
 */
import type { HighlightPage, HighlightQuery } from '../../shared/contract';
import { highlightRowShape } from '../../shared/highlight-row-shape';
import { foldText } from '../../shared/search-text';
import type { LibraryStore } from '../store/library-store';
import type { AnnotationShard, Highlight } from '../store/schemas/annotation-shard';
import type { ArticleRecord } from '../store/schemas/library-index';
import { highlightView } from './highlight-view';
import { isStoreUnchanged, type KeptStoreState } from '../store/kept-store-state';

const foldedText = new WeakMap<Highlight, { title: string; text: string }>();

/** What the text filter searches: the quote, the note and the article's title, folded. */
function haystackOf(highlight: Highlight, title: string): string {
  const cached = foldedText.get(highlight);
  if (cached?.title === title) return cached.text;
  const text = foldText(`${highlight.quote.exact}\n${highlight.note}\n${title}`);
  foldedText.set(highlight, { title, text });
  return text;
}

type Filter = Omit<HighlightQuery, 'offset' | 'limit'>;

type Row = { record: ArticleRecord; highlight: Highlight; groupStart: boolean };

/**
 * One pass over the store under the filters other than category: every highlight they let through,
 * in order, and the counts (the category chips count under the other filters). Kept while the store
 * holds the same index and the same annotation files (both frozen and replaced whole on any change,
 * so an edit, an undo, a deletion or a rename makes a new pass) and those filters stay: a scrolled
 * view asks for a page every few screens, and a pass over 50,000 highlights cost the main process
 * 20–90 ms a page. A category chip only picks from the pass (`categoryView`), made once per
 * category: clicking chips costs no new pass.
 */
interface Scan extends KeptStoreState<Readonly<AnnotationShard>> {
  filterKey: string;
  total: number;
  categoryCounts: Record<string, number>;
  tags: string[];
  /** Every highlight the filters other than category let through (`matched` of them), in order. */
  matchedRows: Row[];
  /** The rows of each category picked so far ('' for all), with where each article's group starts. */
  views: Map<string, CategoryView>;
}

interface CategoryView {
  rows: Row[];
  groupStarts: number[];
}

const lastScan = new WeakMap<LibraryStore, Scan>();
const shardReader = (store: LibraryStore) => store.annotations;

function scan(store: LibraryStore, filter: Filter, filterKey: string): Scan {
  const index = store.index();
  const needle = foldText(filter.text.trim());
  const story = filter.storyId === null ? null : index.stories.find((s) => s.id === filter.storyId);
  const members = story ? new Set(story.articleIds) : null;
  const categoryCounts: Record<string, number> = {};
  const tags = new Set<string>();
  const matchedRows: Row[] = [];
  const shards: Readonly<AnnotationShard>[] = [];
  let total = 0;
  for (const record of index.articles) {
    const shard = store.annotations(record.id);
    shards.push(shard);
    const highlights = shard.highlights;
    if (highlights.length === 0) continue;
    const inStory = filter.storyId === null || (members?.has(record.id) ?? false);
    for (const highlight of highlights) {
      total += 1;
      for (const tag of highlight.tags) tags.add(tag);
      if (highlight.orphaned || !inStory) continue;
      if (filter.tag !== null && !highlight.tags.includes(filter.tag)) continue;
      if (needle !== '' && !haystackOf(highlight, record.title).includes(needle)) continue;
      categoryCounts[highlight.categoryId] = (categoryCounts[highlight.categoryId] ?? 0) + 1;
      matchedRows.push({ record, highlight, groupStart: false });
    }
  }
  return {
    filterKey,
    index,
    parts: shards,
    total,
    categoryCounts,
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    matchedRows,
    views: new Map(),
  };
}

/** The pass's rows of one category (null: all), each article's first row starting its group. */
function categoryView(scan: Scan, categoryId: string | null): CategoryView {
  const key = categoryId ?? '';
  const kept = scan.views.get(key);
  if (kept) return kept;
  const rows: Row[] = [];
  const groupStarts: number[] = [];
  let article: ArticleRecord | null = null;
  for (const { record, highlight } of scan.matchedRows) {
    if (categoryId !== null && highlight.categoryId !== categoryId) continue;
    const groupStart = record !== article;
    article = record;
    if (groupStart) groupStarts.push(rows.length);
    rows.push({ record, highlight, groupStart });
  }
  const view = { rows, groupStarts };
  scan.views.set(key, view);
  return view;
}

/**
 * Each row's shape for the list's row heights (`highlightRowShape`; see `rowShapes` in the contract).
 * Made per first page, as briefings change apart from the pass.
 */
function rowShapes(store: LibraryStore, rows: readonly Row[]): string {
  const inBriefings = new Set<string>();
  for (const briefing of store.briefings().briefings)
    for (const section of briefing.sections)
      for (const item of section.items) inBriefings.add(item.highlightId);
  let shapes = '';
  for (const { highlight } of rows)
    shapes += String(highlightRowShape(highlight, inBriefings.has(highlight.id)));
  return shapes;
}

export function queryHighlights(store: LibraryStore, query: HighlightQuery): HighlightPage {
  const { offset, limit, ...filter } = query;
  const filterKey = JSON.stringify([filter.tag, filter.storyId, filter.text]);
  const kept = lastScan.get(store);
  const current =
    kept && kept.filterKey === filterKey && isStoreUnchanged(kept, store, shardReader)
      ? kept
      : scan(store, filter, filterKey);
  lastScan.set(store, current);
  const view = categoryView(current, filter.categoryId);
  return {
    total: current.total,
    matched: current.matchedRows.length,
    categoryCounts: { ...current.categoryCounts },
    shown: view.rows.length,
    tags: [...current.tags],
    // Where every article's group starts, sent with the first page only (the list sizes its rows from it).
    groupStarts: offset === 0 ? [...view.groupStarts] : [],
    rowShapes: offset === 0 ? rowShapes(store, view.rows) : '',
    rows: view.rows.slice(offset, offset + limit).map((row, n) => ({
      index: offset + n,
      groupStart: row.groupStart,
      articleId: row.record.id,
      articleTitle: row.record.title,
      highlight: highlightView(row.highlight),
    })),
  };
}
