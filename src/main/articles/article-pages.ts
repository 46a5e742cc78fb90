/**
 * The library served a page at a time (issue 14). Sending all 10,000 article
 * summaries before the first row could be painted cost the library most of a
 * second at start; here the renderer asks first for what fills its screen,
 * sorted and filtered as the user left it (with the filter counts, made by the
 * same functions the renderer uses, shared/library-query.ts), paints it, and
 * takes the rest in slices of the library's own order in the background.
 */
import type { ArticlePage, ArticlePageQuery, ArticleSummary } from '../../shared/contract';
import { filterArticles, firstArticles, libraryFacets } from '../../shared/library-query';
import type { LibraryStore } from '../store/library-store';
import type { AnnotationCounts } from '../store/annotation-digest';
import type { ArticleRecord } from '../store/schemas/library-index';
import { summariseArticle } from './article-summary';
import { isStoreUnchanged, type KeptStoreState } from '../store/kept-store-state';

/**
 * Each summary made once per record and annotation counts: both are frozen and replaced whole when
 * they change, so the same two objects always make the same summary (a reload, a view change or a
 * slice of the background load then costs no summarising of 10,000 articles).
 */
const summaries = new WeakMap<ArticleRecord, { counts: AnnotationCounts; summary: ArticleSummary }>();

function summaryOf(
  record: ArticleRecord,
  store: LibraryStore,
  counts: AnnotationCounts = store.annotationCounts(record.id),
): ArticleSummary {
  const cached = summaries.get(record);
  if (cached?.counts === counts) return cached.summary;
  const summary = summariseArticle(record, store, counts);
  // (Counts are always frozen: see annotation-digest.ts.)
  if (Object.isFrozen(record)) summaries.set(record, { counts, summary });
  return summary;
}

const countsReader = (store: LibraryStore) => store.annotationCounts;

/**
 * Summarises the library ahead of the window's first request, a slice at a time between other
 * requests: at start the main process is idle while the window loads, and the first screen's
 * answer then only looks its summaries up.
 */
export async function warmSummaries(store: LibraryStore, signal: AbortSignal, slice = 1_000): Promise<void> {
  const annotationCounts = store.annotationCounts;
  const index = store.index();
  const records = index.articles;
  for (let from = 0; from < records.length; from += slice) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) return;
    for (const record of records.slice(from, from + slice))
      summaryOf(record, store, annotationCounts(record.id));
  }
  // The whole list too, in one short step now that every summary is made (if nothing changed meanwhile).
  await new Promise((resolve) => setImmediate(resolve));
  if (!signal.aborted && store.index() === index) allSummaries(store);
}

/**
 * Every article's summary in library order, kept per store with what it was made from
 * (`KeptStoreState`): while the store holds the same index and annotation counts, a view's first
 * screen (a reload, the window's start after `warmSummaries`) is answered without looking 10,000
 * summaries up again.
 */
interface AllSummaries extends KeptStoreState<AnnotationCounts> {
  summaries: ArticleSummary[];
}
const lastAll = new WeakMap<LibraryStore, AllSummaries>();

function allSummaries(store: LibraryStore): ArticleSummary[] {
  const kept = lastAll.get(store);
  if (kept && isStoreUnchanged(kept, store, countsReader)) return kept.summaries;
  const index = store.index();
  // The store's reader taken once: through the search hook's wrapper (observe-store.ts) each call costs a lookup.
  const annotationCounts = store.annotationCounts;
  const records = index.articles;
  const parts = records.map((record) => annotationCounts(record.id));
  const summaries = records.map((record, n) => summaryOf(record, store, parts[n]));
  // Kept only when made from frozen records (one changed in place would keep its identity; counts are
  // always frozen); the index is a new object after any change (index-document-policy.ts drafts a copy).
  if (records.every(Object.isFrozen)) lastAll.set(store, { index, parts, summaries });
  else lastAll.delete(store);
  return summaries;
}

export function queryArticles(store: LibraryStore, query: ArticlePageQuery): ArticlePage {
  const index = store.index();
  const end = query.offset + query.limit;
  const { view } = query;
  if (view === null) {
    // A slice of the library's own order: only its rows are summarised.
    const rows = index.articles.slice(query.offset, end).map((record) => summaryOf(record, store));
    return { total: index.articles.length, shown: index.articles.length, rows, facets: null };
  }
  const all = allSummaries(store);
  const story = view.storyId === null ? undefined : index.stories.find((s) => s.id === view.storyId);
  const members = story ? new Set(story.articleIds) : null;
  const shown = filterArticles(all, view, members);
  const facets = libraryFacets(all, view, members, index.stories);
  return {
    total: all.length,
    shown: shown.length,
    // Only the rows asked for are put in order (the first screen: the first few dozen).
    rows: firstArticles(shown, view, end).slice(query.offset),
    facets: { ...facets, stories: [...facets.stories] },
  };
}
