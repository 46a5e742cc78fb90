/**
 * The highlights view's rows, fetched a page at a time from the main process,
 * which filters and counts (see src/main/annotations/highlight-pages.ts): the
 * renderer holds the counts and the pages near what is on screen, never all
 * 50,000 highlights. A filter change starts a new generation; replies for an
 * older one are dropped. Pages far from the view are let go.
 */
import type { HighlightPageRow, HighlightQuery } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';

export type HighlightFilter = Omit<HighlightQuery, 'offset' | 'limit'>;

export const pageSize = 100;
/** Pages kept: a few screens either side of the view. */
const keptPages = 24;

export class HighlightPages {
  /** Every highlight in the library, those the filters other than category let through, and those shown. */
  total = $state(0);
  matched = $state(0);
  shown = $state(0);
  categoryCounts = $state.raw<Record<string, number>>({});
  tags = $state.raw<string[]>([]);
  /** Rows that start an article's group (taller: the article's title is shown above). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a snapshot, replaced whole per filter
  groupStarts = $state.raw<ReadonlySet<number>>(new Set());
  /** What each row holds beyond its quote (see `rowShapes` in the contract): its height. */
  rowShapes = $state('');
  /** True until the first page of the current filters has arrived. */
  loading = $state(true);
  error = $state<string | null>(null);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole when a page comes
  private pages = $state.raw<ReadonlyMap<number, HighlightPageRow[]>>(new Map());
  /** Pages asked for in this generation (not reactive: only `load` reads it). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private requested = new Set<number>();
  private generation = 0;
  private filter: HighlightFilter = { categoryId: null, tag: null, storyId: null, text: '' };

  rowAt(index: number): HighlightPageRow | undefined {
    return this.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  }

  /** Shows the highlights under `filter`; resolves once its first page is in. */
  async setFilter(filter: HighlightFilter): Promise<void> {
    this.filter = { ...filter };
    this.generation += 1;
    this.requested.clear();
    this.loading = true;
    await this.load(0, true);
  }

  /** Fetches the pages holding rows `from` to `to` that are not already in or on their way. */
  ensure(from: number, to: number): void {
    if (this.loading) return;
    for (let page = Math.floor(from / pageSize); page <= Math.floor(to / pageSize); page += 1)
      if (page * pageSize < this.shown && !this.pages.has(page) && !this.requested.has(page))
        void this.load(page, false);
  }

  private async load(page: number, fresh: boolean): Promise<void> {
    const generation = this.generation;
    this.requested.add(page);
    try {
      const reply = await call('listHighlights', {
        ...this.filter,
        offset: page * pageSize,
        limit: pageSize,
      });
      if (generation !== this.generation) return;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the next snapshot, assigned whole below
      const pages = new Map(fresh ? [] : this.pages);
      pages.set(page, reply.rows);
      for (const far of [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page)))
        if (pages.size > keptPages) {
          pages.delete(far);
          this.requested.delete(far);
        }
      this.pages = pages;
      if (fresh) {
        // The counts are the same on every page of one generation.
        this.total = reply.total;
        this.matched = reply.matched;
        this.shown = reply.shown;
        this.categoryCounts = reply.categoryCounts;
        this.tags = reply.tags;
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a snapshot, assigned whole
        this.groupStarts = new Set(reply.groupStarts);
        this.rowShapes = reply.rowShapes;
        this.error = null;
      }
    } catch (error) {
      this.requested.delete(page);
      if (generation === this.generation) this.error = `Highlights could not be listed: ${messageOf(error)}`;
    } finally {
      if (fresh && generation === this.generation) this.loading = false;
    }
  }
}
