/**
 * The search index (a compact packed index, compact-index.ts, chosen by
 * measurement: see the README's search section) and the bookkeeping that lets
 * one article's documents be replaced alone: which documents each article has,
 * and each highlight's signature, so a highlight save re-indexes only what changed.
 */
import { eng as englishStopwords } from 'stopword';
import { searchTokens } from '../../shared/search-text';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { AnnotationShard } from '../store/schemas/annotation-shard';
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

export class SearchEngine {
  readonly #index: CompactIndex;
  /** Each article's document ids, and each of its highlights' signatures. */
  readonly #articles = new Map<string, { docs: Set<string>; highlights: Map<string, string> }>();

  private constructor(index: CompactIndex) {
    this.#index = index;
    for (const id of index.ids()) this.#entry(addressOf(id).articleId).docs.add(id);
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

  #entry(articleId: string) {
    let entry = this.#articles.get(articleId);
    if (!entry) {
      entry = { docs: new Set(), highlights: new Map() };
      this.#articles.set(articleId, entry);
    }
    return entry;
  }

  #put(doc: SearchDocument): void {
    this.#index.add(doc.id, fieldWords(doc));
    this.#entry(addressOf(doc.id).articleId).docs.add(doc.id);
  }

  #drop(id: string): void {
    this.#index.remove(id);
    this.#articles.get(addressOf(id).articleId)?.docs.delete(id);
  }

  articleIds(): string[] {
    return [...this.#articles.keys()];
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

  /** After a load that matched the store: remembers each highlight's signature without re-indexing it. */
  adoptSignatures(shard: AnnotationShard): void {
    const entry = this.#entry(shard.articleId);
    for (const highlight of shard.highlights)
      entry.highlights.set(highlight.id, highlightSignature(highlight));
  }

  /** Brings an article's highlights and notes in line with its annotations, touching only what changed. */
  syncAnnotations(shard: AnnotationShard): void {
    const entry = this.#entry(shard.articleId);
    const seen = new Set<string>();
    for (const highlight of shard.highlights) {
      seen.add(highlight.id);
      const signature = highlightSignature(highlight);
      if (entry.highlights.get(highlight.id) === signature) continue;
      this.#drop(`h:${shard.articleId}:${highlight.id}`);
      this.#drop(`n:${shard.articleId}:${highlight.id}`);
      for (const doc of highlightDocuments(shard.articleId, highlight)) this.#put(doc);
      entry.highlights.set(highlight.id, signature);
    }
    for (const id of [...entry.highlights.keys()].filter((id) => !seen.has(id))) {
      this.#drop(`h:${shard.articleId}:${id}`);
      this.#drop(`n:${shard.articleId}:${id}`);
      entry.highlights.delete(id);
    }
    const note = articleNoteDocument(shard);
    if (note) this.#put(note);
    else this.#drop(`n:${shard.articleId}:`);
  }

  removeArticle(articleId: string): void {
    for (const id of [...(this.#articles.get(articleId)?.docs ?? [])]) this.#drop(id);
    this.#articles.delete(articleId);
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
