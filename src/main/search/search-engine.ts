/**
 * The search index (a compact packed index, compact-index.ts, chosen by
 * measurement: see the README's search section) and the bookkeeping that lets
 * one article's documents be replaced alone: which documents each article has,
 * and each highlight's signature, so a highlight save re-indexes only what changed.
 */
import { eng as englishStopwords } from 'stopword';
import { searchTokens } from '../../shared/search-text';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { AnnotationShard, Highlight } from '../store/schemas/annotation-shard';
import { CompactIndex, type CompactHit } from './compact-index';
import {
  addressOf,
  articleNoteDocument,
  bodyDocument,
  highlightDocuments,
  highlightSignature,
  metaDocument,
  type SearchDocument,
} from './search-documents';

/** Bumped whenever the options below change what is stored: an index from another version is rebuilt. */
export const searchEngineVersion = 'compact-1';

/**
 * English's commonest words ("the", "of", "and") are in nearly every article: indexing them
 * costs about a third of the index's memory and load time and finds nothing. Phrases that
 * contain them still match exactly (run-search.ts checks phrases in the text).
 */
const commonWords = new Set(englishStopwords);
export const isCommonWord = (word: string) => commonWords.has(word);

const fieldNames = ['title', 'people', 'text', 'tags'] as const;
const options = { fields: fieldNames, boosts: [3, 2, 1, 2] };

/** A document's words per field, folded, the commonest words left out. */
function fieldWords(doc: SearchDocument): string[][] {
  return fieldNames.map((field) => searchTokens(doc[field] ?? '').filter((word) => !commonWords.has(word)));
}

export interface EngineQuery {
  words: string[];
  filter: (id: string) => boolean;
}

/** A highlight's signature as a 32-bit number (FNV-1a), never 0, kept with its document in the index. */
function signatureStamp(highlight: Highlight): number {
  const signature = highlightSignature(highlight);
  let hash = 0x811c9dc5;
  for (let at = 0; at < signature.length; at += 1) {
    hash ^= signature.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0 || 1;
}

export class SearchEngine {
  readonly #index: CompactIndex;
  /** Each article's highlights in the index (their signatures are the stamps of their `h:` documents). */
  readonly #highlights = new Map<string, Set<string>>();

  private constructor(index: CompactIndex) {
    this.#index = index;
    for (const id of index.ids()) {
      if (!id.startsWith('h:')) continue;
      const { articleId, highlightId } = addressOf(id);
      this.#highlightsOf(articleId).add(highlightId!);
    }
  }

  static empty(): SearchEngine {
    return new SearchEngine(new CompactIndex(options));
  }

  /** Reads a serialized index; throws on anything damaged. */
  static load(data: Buffer): SearchEngine {
    return new SearchEngine(CompactIndex.load(options, data));
  }

  serialize(): Buffer {
    return this.#index.serialize();
  }

  get documentCount(): number {
    return this.#index.documentCount;
  }

  #highlightsOf(articleId: string): Set<string> {
    let highlights = this.#highlights.get(articleId);
    if (!highlights) this.#highlights.set(articleId, (highlights = new Set()));
    return highlights;
  }

  #put(doc: SearchDocument, stamp = 0): void {
    this.#index.add(doc.id, fieldWords(doc), stamp);
  }

  #dropHighlight(articleId: string, highlightId: string): void {
    this.#index.remove(`h:${articleId}:${highlightId}`);
    this.#index.remove(`n:${articleId}:${highlightId}`);
  }

  /** The articles the index holds (an article always has its `a:` document). */
  articleIds(): string[] {
    return this.#index
      .ids()
      .filter((id) => id.startsWith('a:'))
      .map((id) => id.slice(2));
  }

  hasBody(articleId: string): boolean {
    return this.#index.has(`b:${articleId}`);
  }

  putRecord(record: ArticleRecord): void {
    this.#put(metaDocument(record));
  }

  putBody(articleId: string, text: string): void {
    this.#put(bodyDocument(articleId, text));
  }

  /** Brings an article's highlights and notes in line with its annotations, touching only what changed. */
  syncAnnotations(shard: AnnotationShard): void {
    const { articleId } = shard;
    const known = this.#highlightsOf(articleId);
    const seen = new Set<string>();
    for (const highlight of shard.highlights) {
      seen.add(highlight.id);
      const stamp = signatureStamp(highlight);
      if (known.has(highlight.id) && this.#index.stampOf(`h:${articleId}:${highlight.id}`) === stamp)
        continue;
      this.#dropHighlight(articleId, highlight.id);
      const [passage, note] = highlightDocuments(articleId, highlight);
      this.#put(passage!, stamp);
      if (note) this.#put(note);
      known.add(highlight.id);
    }
    for (const id of [...known].filter((id) => !seen.has(id))) {
      this.#dropHighlight(articleId, id);
      known.delete(id);
    }
    const note = articleNoteDocument(shard);
    if (note) this.#put(note);
    else this.#index.remove(`n:${articleId}:`);
  }

  removeArticle(articleId: string): void {
    for (const id of this.#highlights.get(articleId) ?? []) this.#dropHighlight(articleId, id);
    for (const id of [`a:${articleId}`, `b:${articleId}`, `n:${articleId}:`]) this.#index.remove(id);
    this.#highlights.delete(articleId);
  }

  /** Ranked matches: every word must match, the last as a prefix, longer words with one typo. */
  search({ words: asked, filter }: EngineQuery, limit: number): CompactHit[] {
    const words = asked.filter((word) => !commonWords.has(word));
    if (asked.length > 0 && words.length === 0) return [];
    return this.#index.search(
      words.map((word, at) => ({
        word,
        prefix: at === words.length - 1 && word.length >= 3,
        fuzzy: word.length >= 5,
      })),
      filter,
      limit,
    );
  }
}
