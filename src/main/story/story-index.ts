/**
 * Story suggestions: which existing story a new article belongs to, from
 * TF-IDF cosine similarity over cleaned text (sublinear term frequency,
 * stopwords out), through an inverted index so one article is compared with a
 * 10,000-article library in milliseconds. A story's score is its best-matching
 * member's; below the threshold the article is offered a new story, together
 * with any unfiled articles that match it.
 */
import * as lists from 'stopword';

export type Suggestion =
  { kind: 'story'; storyId: string; score: number } | { kind: 'new'; articleIds: string[]; score: number };

/** Cosine similarity from which two articles are taken to cover one story (measured on the seeds and Brown). */
export const sameStoryThreshold = 0.15;
const queryTerms = 400;

let stopwords: Set<string> | null = null;

export function termsOf(text: string): Map<string, number> {
  stopwords ??= new Set((lists as unknown as Record<string, string[]>)['eng'] ?? []);
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 3 || stopwords.has(word)) continue;
    const term = word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

interface Indexed {
  id: string;
  storyId: string | null;
  terms: Map<string, number>;
  norm: number;
  /** The library size the norm was computed at (idf moves as the library grows). */
  normAt: number;
}

export class StoryIndex {
  private readonly documents = new Map<string, Indexed>();
  private readonly postings = new Map<string, Set<Indexed>>();

  get size(): number {
    return this.documents.size;
  }

  private idf(term: string): number {
    return Math.log((1 + this.documents.size) / (1 + (this.postings.get(term)?.size ?? 0))) + 1;
  }

  private weight(count: number, term: string): number {
    return (1 + Math.log(count)) * this.idf(term);
  }

  private normOf(terms: Map<string, number>): number {
    let sum = 0;
    for (const [term, count] of terms) sum += this.weight(count, term) ** 2;
    return Math.sqrt(sum) || 1;
  }

  add(id: string, text: string, storyId: string | null): void {
    this.remove(id);
    const terms = termsOf(text);
    const document: Indexed = { id, storyId, terms, norm: 1, normAt: -1 };
    for (const term of terms.keys()) {
      const list = this.postings.get(term) ?? new Set<Indexed>();
      list.add(document);
      this.postings.set(term, list);
    }
    this.documents.set(id, document);
  }

  private normFor(document: Indexed): number {
    const size = this.documents.size;
    if (Math.abs(size - document.normAt) > size * 0.05) {
      document.norm = this.normOf(document.terms);
      document.normAt = size;
    }
    return document.norm;
  }

  remove(id: string): void {
    const document = this.documents.get(id);
    if (document === undefined) return;
    for (const term of document.terms.keys()) this.postings.get(term)?.delete(document);
    this.documents.delete(id);
  }

  setStory(id: string, storyId: string | null): void {
    const document = this.documents.get(id);
    if (document !== undefined) document.storyId = storyId;
  }

  /** Cosine similarity of `text` with every indexed article sharing one of its strongest terms. */
  similarities(text: string, exclude: string | null = null): Map<string, number> {
    const terms = termsOf(text);
    const weighted = [...terms]
      .map(([term, count]) => [term, this.weight(count, term)] as const)
      .sort((a, b) => b[1] - a[1]);
    const queryNorm = Math.sqrt(weighted.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
    const scores = new Map<Indexed, number>();
    for (const [term, weight] of weighted.slice(0, queryTerms)) {
      const idf = this.idf(term);
      for (const document of this.postings.get(term) ?? []) {
        if (document.id === exclude) continue;
        const value = weight * (1 + Math.log(document.terms.get(term)!)) * idf;
        scores.set(document, (scores.get(document) ?? 0) + value);
      }
    }
    const result = new Map<string, number>();
    for (const [document, dot] of scores) result.set(document.id, dot / (queryNorm * this.normFor(document)));
    return result;
  }

  /** The story the article fits best, or a new story (with the unfiled articles that match it). */
  suggest(text: string, exclude: string | null = null, threshold = sameStoryThreshold): Suggestion {
    const byStory = new Map<string, number>();
    const unfiled: [string, number][] = [];
    for (const [id, score] of this.similarities(text, exclude)) {
      const document = this.documents.get(id)!;
      if (document.storyId === null) {
        if (score >= threshold) unfiled.push([id, score]);
      } else if (score > (byStory.get(document.storyId) ?? 0)) byStory.set(document.storyId, score);
    }
    const best = [...byStory].sort((a, b) => b[1] - a[1])[0];
    if (best !== undefined && best[1] >= threshold)
      return { kind: 'story', storyId: best[0], score: best[1] };
    unfiled.sort((a, b) => b[1] - a[1]);
    return { kind: 'new', articleIds: unfiled.map(([id]) => id), score: unfiled[0]?.[1] ?? 0 };
  }
}
