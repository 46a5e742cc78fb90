/**
 * The library as the renderer holds it: the article list, the part of it the
 * sort, filters and open story let through (`visible`, derived once per change
 * of any of them) and the selection in that part, and the tags in use. Change
 * replies patch these; nothing is reloaded per edit.
 *
 * At start the whole list is not waited for (issue 14): the main process sends
 * the first screen in the saved sort and filters, with the filter counts, and
 * that is painted; the whole library then comes in slices in the background
 * (each a short task, so input is never blocked) and, once in, the list, sort,
 * filters and counts are worked out here again. A sort or filter change made
 * before then asks the main process for the first screen of the new view.
 * (The highlights view asks for its rows a page at a time: see highlight-pages.svelte.ts.)
 */
import type {
  AnnotationChange,
  ArticlePage,
  ArticleSummary,
  LibraryViewSettings,
} from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import { firstPageRows } from '../lib/window-start';
import { withTagsOf } from '../lib/annotation-patch';
import {
  filterArticles,
  libraryFacets,
  sortArticles,
  type LibraryFacets,
} from '../../../shared/library-query';
import type { LibraryQuery } from './library-query.svelte';
import type { StoryList } from './story-list.svelte';

/** The first screen of a view, as the main process sorted, filtered and counted it. */
interface FirstPage {
  view: string;
  rows: ArticleSummary[];
  shown: number;
  total: number;
  facets: LibraryFacets;
}

/** Articles per slice of the background load: a few milliseconds of work on either side. */
const sliceSize = 1_000;

export class Library {
  articles = $state.raw<ArticleSummary[]>([]);
  /** True once `articles` holds the whole library; until then the list shows `page`. */
  complete = $state(false);
  page = $state.raw<FirstPage | null>(null);
  selectedIndex = $state(0);
  error = $state<string | null>(null);
  tags = $state.raw<string[]>([]);
  /** The slices of a background load not yet shown (patched by edits meanwhile). */
  #loading: ArticleSummary[] | null = null;
  #generation = 0;
  #pageGeneration = 0;

  constructor(
    readonly query: LibraryQuery,
    readonly stories: StoryList,
  ) {}

  /** The open story's articles, or null for the whole library (a story since deleted counts as none). */
  readonly storyMembers = $derived.by(() => {
    const story = this.stories.find(this.query.view.storyId);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a snapshot, made again when the story changes
    return story ? new Set(story.articleIds) : null;
  });

  /** The articles shown, in order; before the whole library is in, the first screen only. */
  readonly visible = $derived.by(() =>
    this.complete
      ? sortArticles(filterArticles(this.articles, this.query.view, this.storyMembers), this.query.view)
      : (this.page?.rows ?? []),
  );

  /** How many articles the list shows (rows past the first screen may not have come yet). */
  readonly shownCount = $derived(this.complete ? this.visible.length : (this.page?.shown ?? 0));

  /** Every article in the library. */
  readonly total = $derived(this.complete ? this.articles.length : (this.page?.total ?? 0));

  readonly facets = $derived.by(() =>
    this.complete || !this.page
      ? libraryFacets(this.articles, this.query.view, this.storyMembers, this.stories.stories)
      : this.page.facets,
  );

  /** The article tags in use, for the tag filter and the tag editor's suggestions. */
  readonly articleTags = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- only to drop repeats
    [...new Set(this.articles.flatMap((article) => article.tags))].sort(),
  );

  get selected(): ArticleSummary | null {
    return this.visible[this.selectedIndex] ?? null;
  }

  /** Selects the article if the list shows it; true if it does. */
  select(id: string): boolean {
    const index = this.visible.findIndex((article) => article.id === id);
    if (index >= 0) this.selectedIndex = index;
    return index >= 0;
  }

  /**
   * Asks the main process for the first screen of `view` (sorted, filtered, counted), unless the
   * whole library is already here; resolves once it is shown.
   */
  async showFirstPage(view: LibraryViewSettings, height = window.innerHeight): Promise<void> {
    if (this.complete) return;
    const key = JSON.stringify(view);
    // Counted first, so a reply still coming for a view left since is dropped.
    const generation = ++this.#pageGeneration;
    if (this.page?.view === key) return;
    try {
      const reply = await call('listArticlePage', { view, offset: 0, limit: firstPageRows(height) });
      if (generation !== this.#pageGeneration || this.complete) return;
      this.#showPage(key, reply);
    } catch (error) {
      if (!this.page) throw error; // at start: the app says the library is unreachable
      this.error = `The library could not be listed: ${messageOf(error)}`;
    }
  }

  /** Shows the first screen of `view` the main process sent at start (with the window's other start-up data). */
  adoptFirstPage(view: LibraryViewSettings, reply: ArticlePage): void {
    ++this.#pageGeneration;
    this.#showPage(JSON.stringify(view), reply);
  }

  #showPage(key: string, reply: ArticlePage): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a snapshot, replaced whole per page
    const facets = { ...reply.facets!, stories: new Map(reply.facets!.stories) };
    this.page = { view: key, rows: reply.rows, shown: reply.shown, total: reply.total, facets };
    this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, reply.shown - 1));
  }

  /**
   * Fetches the whole library, a slice at a time, and shows it once all of it is in. A later
   * call (a refresh, or a deletion while loading) supersedes an earlier one still running.
   */
  async loadAll(): Promise<void> {
    const generation = ++this.#generation;
    const rows: ArticleSummary[] = [];
    this.#loading = rows;
    try {
      for (let offset = 0; ; offset += sliceSize) {
        const reply = await call('listArticlePage', { view: null, offset, limit: sliceSize });
        if (generation !== this.#generation) return;
        rows.push(...reply.rows);
        if (offset + sliceSize >= reply.total) break;
      }
    } catch (error) {
      if (generation === this.#generation)
        this.error = `The library could not be listed: ${messageOf(error)}`;
      return;
    }
    this.#loading = null;
    this.articles = rows;
    this.complete = true;
    this.page = null;
    this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, this.visible.length - 1));
  }

  async refresh(): Promise<void> {
    await this.loadAll();
  }

  async loadTags(): Promise<void> {
    this.tags = await call('listTags', {});
  }

  find(id: string): ArticleSummary | null {
    const byId = (article: ArticleSummary) => article.id === id;
    return this.articles.find(byId) ?? this.page?.rows.find(byId) ?? null;
  }

  applySummary(summary: ArticleSummary): void {
    const patched = (article: ArticleSummary) => (article.id === summary.id ? summary : article);
    this.articles = this.articles.map(patched);
    if (this.page) this.page = { ...this.page, rows: this.page.rows.map(patched) };
    const loading = this.#loading;
    if (loading) for (let n = 0; n < loading.length; n += 1) loading[n] = patched(loading[n]!);
  }

  applyChange(change: AnnotationChange): void {
    this.applySummary(change.summary);
    this.tags = withTagsOf(this.tags, change);
  }

  removed(id: string): void {
    this.articles = this.articles.filter((article) => article.id !== id);
    if (this.page) {
      const rows = this.page.rows.filter((article) => article.id !== id);
      const gone = this.page.rows.length - rows.length;
      this.page = { ...this.page, rows, shown: this.page.shown - gone, total: this.page.total - gone };
    }
    // The slices still to come would skip an article: start the load again.
    if (this.#loading) void this.loadAll();
    this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, this.shownCount - 1));
  }
}
