/**
 * The search palette's state (Ctrl/Cmd+K): the query, the reply for the latest
 * query only (a slow reply to an older query never replaces a newer one), the
 * active row for the keyboard, and the rows in the order they are shown
 * (articles, then highlights, then notes). Provided by context from App.svelte.
 */
import type { SearchReply, SearchResultView } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import { defineContext } from './context';

export const searchGroups = [
  { kind: 'article', label: 'Articles' },
  { kind: 'highlight', label: 'Highlights' },
  { kind: 'note', label: 'Notes' },
] as const;

/** How soon a query answered while the index was still being prepared is asked again. */
const retryWhileIndexingMs = 500;

export class SearchPalette {
  isOpen = $state(false);
  query = $state('');
  reply = $state.raw<SearchReply | null>(null);
  error = $state<string | null>(null);
  activeIndex = $state(0);
  #asked = 0;

  /** The results in the order the palette shows them. */
  readonly rows = $derived(
    searchGroups.flatMap(({ kind }) => this.reply?.results.filter((result) => result.kind === kind) ?? []),
  );
  readonly active = $derived<SearchResultView | undefined>(this.rows[this.activeIndex]);

  /** What a screen reader hears after each search. */
  readonly summary = $derived.by(() => {
    if (this.error) return this.error;
    if (!this.reply || this.query.trim() === '') return '';
    const { article, highlight, note } = this.reply.counts;
    const found = `${article} articles, ${highlight} highlights, ${note} notes`;
    return this.reply.capped ? `${found}; showing the best ${this.rows.length}` : found;
  });

  open(): void {
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
  }

  move(step: number): void {
    if (this.rows.length === 0) return;
    this.activeIndex = (this.activeIndex + step + this.rows.length) % this.rows.length;
  }

  async search(query: string): Promise<void> {
    this.query = query;
    const asked = ++this.#asked;
    if (query.trim() === '') {
      this.reply = null;
      return;
    }
    try {
      const reply = await call('search', { query });
      if (asked !== this.#asked) return;
      this.reply = reply;
      this.error = null;
      this.activeIndex = 0;
      // The index is still being loaded or rebuilt (in its own thread): ask again until it is ready.
      if (reply.indexing)
        setTimeout(() => {
          if (asked === this.#asked && this.isOpen) void this.search(query);
        }, retryWhileIndexingMs);
    } catch (error) {
      if (asked === this.#asked) this.error = `Search failed: ${messageOf(error)}`;
    }
  }
}

const context = defineContext<SearchPalette>('SearchPalette');
export const provideSearch = context.provide;
export const useSearch = context.use;
