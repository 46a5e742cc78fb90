/**
 * The library as the renderer holds it: the article list, the part of it the
 * sort, filters and open story let through (`visible`, derived once per change
 * of any of them) and the selection in that part, and the tags in use. Change
 * replies patch these; nothing is reloaded per edit. (The highlights view asks
 * the main process for its rows a page at a time: see highlight-pages.svelte.ts.)
 */
import type { AnnotationChange, ArticleSummary } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import { withTagsOf } from '../lib/annotation-patch';
import { filterArticles, libraryFacets, sortArticles } from '../lib/library-query';
import type { LibraryQuery } from './library-query.svelte';
import type { StoryList } from './story-list.svelte';

export class Library {
  articles = $state.raw<ArticleSummary[]>([]);
  selectedIndex = $state(0);
  error = $state<string | null>(null);
  tags = $state.raw<string[]>([]);

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

  readonly visible = $derived.by(() =>
    sortArticles(filterArticles(this.articles, this.query.view, this.storyMembers), this.query.view),
  );

  readonly facets = $derived.by(() =>
    libraryFacets(this.articles, this.query.view, this.storyMembers, this.stories.stories),
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

  async refresh(): Promise<void> {
    try {
      this.articles = await call('listArticles', {});
      this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, this.visible.length - 1));
    } catch (error) {
      this.error = `The library could not be refreshed: ${messageOf(error)}`;
    }
  }

  async loadTags(): Promise<void> {
    this.tags = await call('listTags', {});
  }

  find(id: string): ArticleSummary | null {
    return this.articles.find((article) => article.id === id) ?? null;
  }

  applySummary(summary: ArticleSummary): void {
    this.articles = this.articles.map((article) => (article.id === summary.id ? summary : article));
  }

  applyChange(change: AnnotationChange): void {
    this.applySummary(change.summary);
    this.tags = withTagsOf(this.tags, change);
  }

  removed(id: string): void {
    this.articles = this.articles.filter((article) => article.id !== id);
    this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, this.visible.length - 1));
  }
}
