/**
 * Story suggestions: which existing story a new article belongs to, from
 * TF-IDF cosine similarity over cleaned text (sublinear term frequency,
 * stopwords out), through an inverted index so one article is compared with a
 * 10,000-article library in milliseconds. A story's score is the mean similarity
 * of its members (average link); below the threshold the article is offered a new story, together
 * with any unfiled articles that match it.
 */
import * as lists from 'stopword';

export type Suggestion =
  { kind: 'story'; storyId: string; score: number } | { kind: 'new'; articleIds: string[]; score: number };

/** Cosine similarity from which two articles are taken to cover one story (measured on the seeds and Brown). */
export const sameStoryThreshold = 0.12;

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
  alive: boolean;
}

/** Which documents hold a term, and how often: parallel arrays of numbers, cheap to build and to scan. */
interface Posting {
  documents: number[];
  counts: number[];
}

export class StoryIndex {
  private readonly documents: Indexed[] = [];
  private readonly positions = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  /** Live documents per term (removed ones stay in the postings, skipped, until the next compaction). */
  private readonly frequency = new Map<string, number>();
  private removed = 0;

  get size(): number {
    return this.positions.size;
  }

  private idf(term: string): number {
    return Math.log((1 + this.size) / (1 + (this.frequency.get(term) ?? 0))) + 1;
  }

  private weight(count: number, term: string): number {
    return (1 + Math.log(count)) * this.idf(term);
  }

  private normOf(terms: Map<string, number>): number {
    let sum = 0;
    for (const [term, count] of terms) sum += this.weight(count, term) ** 2;
    return Math.sqrt(sum) || 1;
  }

  private normFor(document: Indexed): number {
    const size = this.size;
    if (Math.abs(size - document.normAt) > size * 0.05) {
      document.norm = this.normOf(document.terms);
      document.normAt = size;
    }
    return document.norm;
  }

  add(id: string, text: string, storyId: string | null): void {
    this.remove(id);
    const terms = termsOf(text);
    const position = this.documents.length;
    this.documents.push({ id, storyId, terms, norm: 1, normAt: -1, alive: true });
    this.positions.set(id, position);
    for (const [term, count] of terms) {
      let posting = this.postings.get(term);
      if (posting === undefined) {
        posting = { documents: [], counts: [] };
        this.postings.set(term, posting);
      }
      posting.documents.push(position);
      posting.counts.push(count);
      this.frequency.set(term, (this.frequency.get(term) ?? 0) + 1);
    }
  }

  remove(id: string): void {
    const position = this.positions.get(id);
    if (position === undefined) return;
    const document = this.documents[position]!;
    document.alive = false;
    this.positions.delete(id);
    for (const term of document.terms.keys()) this.frequency.set(term, this.frequency.get(term)! - 1);
    this.removed += 1;
    if (this.removed > 1000 && this.removed > this.size) this.compact();
  }

  /** Rebuilds the postings without the removed documents. */
  private compact(): void {
    const live = this.documents.filter((document) => document.alive);
    this.documents.length = 0;
    this.positions.clear();
    this.postings.clear();
    this.frequency.clear();
    this.removed = 0;
    for (const document of live) {
      const position = this.documents.length;
      this.documents.push(document);
      this.positions.set(document.id, position);
      for (const [term, count] of document.terms) {
        const posting = this.postings.get(term) ?? { documents: [], counts: [] };
        posting.documents.push(position);
        posting.counts.push(count);
        this.postings.set(term, posting);
        this.frequency.set(term, (this.frequency.get(term) ?? 0) + 1);
      }
    }
  }

  private storySizes(exclude: string | null): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const document of this.documents) {
      if (!document.alive || document.storyId === null || document.id === exclude) continue;
      sizes.set(document.storyId, (sizes.get(document.storyId) ?? 0) + 1);
    }
    return sizes;
  }

  setStory(id: string, storyId: string | null): void {
    const position = this.positions.get(id);
    if (position !== undefined) this.documents[position]!.storyId = storyId;
  }

  /** Cosine similarity of `text` with every indexed article sharing a term with it. */
  similarities(text: string, exclude: string | null = null): Map<string, number> {
    const terms = termsOf(text);
    let queryNorm = 0;
    const scores = new Float64Array(this.documents.length);
    const touched: number[] = [];
    for (const [term, count] of terms) {
      const idf = this.idf(term);
      const weight = (1 + Math.log(count)) * idf;
      queryNorm += weight * weight;
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      for (let at = 0; at < posting.documents.length; at += 1) {
        const position = posting.documents[at]!;
        if (scores[position] === 0) touched.push(position);
        scores[position] = scores[position]! + weight * (1 + Math.log(posting.counts[at]!)) * idf;
      }
    }
    queryNorm = Math.sqrt(queryNorm) || 1;
    const result = new Map<string, number>();
    for (const position of touched) {
      const document = this.documents[position]!;
      if (!document.alive || document.id === exclude) continue;
      result.set(document.id, scores[position]! / (queryNorm * this.normFor(document)));
    }
    return result;
  }

  /** The story the article fits best, or a new story (with the unfiled articles that match it). */
  suggest(text: string, exclude: string | null = null, threshold = sameStoryThreshold): Suggestion {
    const byStory = new Map<string, number>();
    const unfiled: [string, number][] = [];
    for (const [id, score] of this.similarities(text, exclude)) {
      const document = this.documents[this.positions.get(id)!]!;
      if (document.storyId === null) {
        if (score >= threshold) unfiled.push([id, score]);
      } else byStory.set(document.storyId, (byStory.get(document.storyId) ?? 0) + score);
    }
    // Average link: a story's score is the mean similarity over all its members, so a story does not
    // grow by chaining (one member like the article is not enough when the rest are unlike it).
    const members = this.storySizes(exclude);
    for (const [storyId, sum] of byStory) byStory.set(storyId, sum / (members.get(storyId) ?? 1));
    const best = [...byStory].sort((a, b) => b[1] - a[1])[0];
    if (best !== undefined && best[1] >= threshold)
      return { kind: 'story', storyId: best[0], score: best[1] };
    unfiled.sort((a, b) => b[1] - a[1]);
    return { kind: 'new', articleIds: unfiled.map(([id]) => id), score: unfiled[0]?.[1] ?? 0 };
  }
}
