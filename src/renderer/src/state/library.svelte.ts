/**
 * The library as the renderer holds it: the article list and its selection,
 * the library-wide highlight list (loaded when the Highlights view opens) and
 * the tags in use. Change replies patch these; nothing is reloaded per edit.
 */
import type { AnnotationChange, ArticleSummary } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import { patchLibraryHighlights, withTagsOf, type LibraryHighlight } from '../lib/annotation-patch';

export class Library {
  articles = $state.raw<ArticleSummary[]>([]);
  selectedIndex = $state(0);
  error = $state<string | null>(null);
  highlights = $state.raw<LibraryHighlight[]>([]);
  tags = $state.raw<string[]>([]);

  get selected(): ArticleSummary | null {
    return this.articles[this.selectedIndex] ?? null;
  }

  async refresh(): Promise<void> {
    try {
      this.articles = await call('listArticles', {});
      this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, this.articles.length - 1));
    } catch (error) {
      this.error = `The library could not be refreshed: ${messageOf(error)}`;
    }
  }

  async loadHighlights(): Promise<void> {
    try {
      this.highlights = await call('listHighlights', {});
    } catch (error) {
      this.error = `Highlights could not be listed: ${messageOf(error)}`;
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
    this.highlights = patchLibraryHighlights(this.highlights, change);
    this.tags = withTagsOf(this.tags, change);
  }

  removed(id: string): void {
    this.articles = this.articles.filter((article) => article.id !== id);
    this.highlights = this.highlights.filter((item) => item.articleId !== id);
    this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, this.articles.length - 1));
  }
}
