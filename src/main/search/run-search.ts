/**
 * Answers one search: parses the query, asks the engine for ranked matches
 * filtered by kind, outlet, tag, category and date (read from the store, never
 * from the index), checks phrases, groups an article's title and body matches
 * into one result, caps each kind, and makes the snippets.
 */
import type { SearchReply, SearchResultView } from '../../shared/contract';
import { foldText } from '../../shared/search-text';
import type { LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { Highlight } from '../store/schemas/annotation-shard';
import { parseQuery, type ParsedQuery, type SearchKind } from './parse-query';
import { addressOf, articleTags, type DocumentAddress } from './search-documents';
import { isCommonWord } from './search-engine';
import type { IndexAnswer } from './keep-best';
import { makeSnippet } from './snippet';

/** At most this many results of each kind are returned (about 100 rows in all). */
export const resultCaps: Record<SearchKind, number> = { article: 20, highlight: 40, note: 40 };

/** What the index is asked: all the words, in documents of these kinds or (when filtered) of these ids. */
export interface IndexQuery {
  words: string[];
  kinds: SearchKind[];
  allowed: string[] | null;
  limit: number;
  /** How many of each kind to send back (all are counted). */
  keep: Record<SearchKind, number>;
}

export interface SearchContext {
  store: LibraryStore;
  /** Ranked matches from the index (in its worker thread): the best of each kind, and the counts. */
  find(query: IndexQuery): Promise<IndexAnswer>;
  /** An article's cleaned text (cached by the caller). */
  readText(articleId: string): Promise<string>;
}

interface Match {
  address: DocumentAddress;
  terms: string[];
}

/** The library's records by id, made once per version of the (immutable) list of records, not once per query. */
const recordMaps = new WeakMap<readonly ArticleRecord[], Map<string, ArticleRecord>>();
function recordsById(store: LibraryStore): Map<string, ArticleRecord> {
  const articles = store.index().articles;
  let records = recordMaps.get(articles);
  if (!records) recordMaps.set(articles, (records = new Map(articles.map((record) => [record.id, record]))));
  return records;
}

/** "2024-03-05T…" or "2024-03" → comparable "YYYY-MM-DD"-prefixed text; null when no date can be read. */
function publishedDay(record: ArticleRecord): string | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(record.source.publishedAt ?? '');
  return match ? `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}` : null;
}

function makeFilter(query: ParsedQuery, store: LibraryStore) {
  const records = recordsById(store);
  const categories = new Map(
    store.index().settings.categories.flatMap((category) => [
      [foldText(category.id), category.id],
      [foldText(category.name), category.id],
    ]),
  );
  const wantedCategories = new Set(query.categories.map((name) => categories.get(name) ?? name));
  const highlightOf = (address: DocumentAddress): Highlight | undefined =>
    address.highlightId === null
      ? undefined
      : store.annotations(address.articleId).highlights.find((item) => item.id === address.highlightId);
  return (id: string): boolean => {
    const address = addressOf(id);
    const record = records.get(address.articleId);
    if (!record || !query.kinds.includes(address.kind)) return false;
    if (query.outlets.length > 0) {
      const outlet = foldText(record.source.outlet ?? '');
      if (!query.outlets.some((wanted) => outlet.includes(wanted))) return false;
    }
    if (query.after || query.before) {
      const day = publishedDay(record);
      if (!day || (query.after && day < query.after) || (query.before && day > query.before)) return false;
    }
    if (query.tags.length === 0 && wantedCategories.size === 0) return true;
    const highlight = highlightOf(address);
    if (wantedCategories.size > 0 && (!highlight || !wantedCategories.has(highlight.categoryId)))
      return false;
    const tags = (highlight?.tags ?? articleTags(record)).map(foldText);
    return query.tags.every((wanted) => tags.includes(wanted));
  };
}

/** Every document id the store's articles can have, kept when the query's filters allow it. */
function allowedIds(query: ParsedQuery, store: LibraryStore): string[] {
  const allows = makeFilter(query, store);
  const ids: string[] = [];
  for (const record of store.index().articles) {
    const shard = store.annotations(record.id);
    const candidates = [`a:${record.id}`, `b:${record.id}`, `n:${record.id}:`];
    for (const highlight of shard.highlights)
      candidates.push(`h:${record.id}:${highlight.id}`, `n:${record.id}:${highlight.id}`);
    for (const id of candidates) if (allows(id)) ids.push(id);
  }
  return ids;
}

function inMemoryText(store: LibraryStore, address: DocumentAddress, record: ArticleRecord): string {
  if (address.part === 'meta') return [record.title, record.source.outlet, record.source.author].join(' ');
  const shard = store.annotations(address.articleId);
  if (address.highlightId === null) return shard.articleNote?.text ?? '';
  const highlight = shard.highlights.find((item) => item.id === address.highlightId);
  return (address.part === 'highlight' ? highlight?.quote.exact : highlight?.note) ?? '';
}

async function toResult(
  context: SearchContext,
  query: ParsedQuery,
  match: Match,
  record: ArticleRecord,
): Promise<SearchResultView | null> {
  const { address } = match;
  const text =
    address.part === 'body'
      ? await context.readText(address.articleId)
      : inMemoryText(context.store, address, record);
  const snippet = makeSnippet(text, query.phrases, [...new Set([...match.terms, ...query.words])]);
  if (query.phrases.length > 0 && !query.phrases.every((phrase) => foldText(text).includes(phrase)))
    return null;
  const highlight =
    address.highlightId === null
      ? undefined
      : context.store
          .annotations(address.articleId)
          .highlights.find((item) => item.id === address.highlightId);
  return {
    kind: address.kind,
    articleId: address.articleId,
    highlightId: address.highlightId,
    title: record.title,
    outlet: record.source.outlet,
    snippet: { text: snippet.text, marks: snippet.marks },
    at: highlight ? highlight.position.start : address.part === 'body' ? snippet.at : null,
  };
}

export async function runSearch(
  context: SearchContext,
  raw: string,
  indexing: boolean,
): Promise<SearchReply> {
  const query = parseQuery(raw);
  const hasFilters =
    query.outlets.length + query.tags.length + query.categories.length > 0 || query.after || query.before;
  const notices = [...query.notices];
  if (query.words.length === 0 && !hasFilters)
    return { results: [], counts: { article: 0, highlight: 0, note: 0 }, capped: false, notices, indexing };
  if (query.words.some(isCommonWord))
    notices.push('Very common words (such as “the”) are matched only inside quoted phrases.');
  // Phrases are checked in the text, so a phrase query looks at more candidates than it shows.
  const widen = query.phrases.length > 0 ? 2 : 1;
  const keep = {
    article: resultCaps.article * widen,
    highlight: resultCaps.highlight * widen,
    note: resultCaps.note * widen,
  };
  const { hits, counts } = await context.find({
    words: query.words,
    kinds: query.kinds,
    allowed: hasFilters ? allowedIds(query, context.store) : null,
    limit: 5_000,
    keep,
  });
  const records = recordsById(context.store);
  const byKind: Record<SearchKind, Match[]> = { article: [], highlight: [], note: [] };
  const seenArticles = new Map<string, Match>();
  for (const result of hits) {
    const address = addressOf(result.id);
    if (!records.has(address.articleId)) continue; // gone since the index last heard
    if (address.kind === 'article') {
      const earlier = seenArticles.get(address.articleId);
      // Title and body of one article are one result; the body gives the better snippet.
      if (earlier) {
        if (address.part === 'body') earlier.address = address;
        earlier.terms.push(...result.terms);
        continue;
      }
    }
    const match = { address, terms: [...result.terms] };
    if (address.kind === 'article') seenArticles.set(address.articleId, match);
    if (byKind[address.kind].length < keep[address.kind]) byKind[address.kind].push(match);
  }
  const results: SearchResultView[] = [];
  for (const kind of ['article', 'highlight', 'note'] as const) {
    const made = await Promise.all(
      byKind[kind].map((match) => toResult(context, query, match, records.get(match.address.articleId)!)),
    );
    results.push(
      ...made.filter((item): item is SearchResultView => item !== null).slice(0, resultCaps[kind]),
    );
  }
  const capped = (['article', 'highlight', 'note'] as const).some((kind) => counts[kind] > resultCaps[kind]);
  if (capped) notices.push(`Showing the best ${results.length} results; narrow the search to see others.`);
  if (capped && query.phrases.length > 0)
    notices.push('Counts include matches of all the words that may not form the phrase.');
  return { results, counts, capped, notices, indexing };
}
