/**
 * What the index's thread sends back for a query: how many documents of each
 * kind matched (an article's title and text counted once), and only the best
 * few of each kind, those the results can show. Sending every match (up to
 * 5,000, each with its words) cost more than finding them.
 */
import type { SearchKind } from './parse-query';
import { addressOf } from './search-documents';

export interface IndexHit {
  id: string;
  terms: string[];
}

export interface IndexAnswer {
  hits: IndexHit[];
  counts: Record<SearchKind, number>;
}

/** `found` ranked best first; keeps the first `keep[kind]` of each kind (for articles, all their documents). */
export function keepBest(
  found: readonly IndexHit[],
  keep: Readonly<Record<SearchKind, number>>,
): IndexAnswer {
  const counts = { article: 0, highlight: 0, note: 0 };
  const articles = new Set<string>();
  const keptArticles = new Set<string>();
  const hits: IndexHit[] = [];
  for (const hit of found) {
    const { kind, articleId } = addressOf(hit.id);
    if (kind === 'article') {
      if (articles.has(articleId)) {
        if (keptArticles.has(articleId)) hits.push(hit);
        continue;
      }
      articles.add(articleId);
    }
    counts[kind] += 1;
    if (counts[kind] > keep[kind]) continue;
    hits.push(hit);
    if (kind === 'article') keptArticles.add(articleId);
  }
  return { hits, counts };
}
