/**
 * The open article and every change made in it: highlights, notes, tags,
 * source metadata. Each change goes through the one save path and its reply
 * (what changed, with the article's summary) is applied here and to the
 * library, so an edit costs a few hundred bytes, never a reload of the article.
 */
import { untrack } from 'svelte';
import type { Block, QualityFlag } from '../../../shared/cleaned-article';
import type { AnnotationChange, ArticleView, HighlightView } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import { patchArticle } from '../lib/annotation-patch';
import { localId } from '../lib/local-id';
import type { Library } from './library.svelte';
import type { Saves } from './saves.svelte';

export interface MetadataChanges {
  title?: string;
  source?: Partial<Record<'outlet' | 'author' | 'publishedAt' | 'url', string | null>>;
  tags?: string[];
}

export interface HighlightChanges {
  categoryId?: string;
  note?: string;
  tags?: string[];
}

/** Ids of highlights painted before their save answered: shown in the text, not yet listed or editable. */
export const provisionalPrefix = 'provisional-';

function provisionalHighlight(range: { start: number; end: number }, categoryId: string): HighlightView {
  const now = new Date().toISOString();
  return {
    id: localId(provisionalPrefix.slice(0, -1)),
    categoryId,
    ...range,
    exact: '',
    note: '',
    tags: [],
    orphaned: false,
    createdAt: now,
    updatedAt: now,
  };
}

/** The open article's text: what its body renders, apart from the highlights. */
export interface ArticleText {
  blocks: Block[];
  flags: QualityFlag[];
}

export class ReaderSession {
  // Raw: replaced whole by each patch, never mutated, so a 1 MB article is not wrapped in deep proxies.
  #article = $state.raw<ArticleView | null>(null);
  #text = $state.raw<ArticleText | null>(null);

  get article(): ArticleView | null {
    return this.#article;
  }

  set article(next: ArticleView | null) {
    this.#article = next;
    const text = untrack(() => this.#text);
    if (next?.blocks !== text?.blocks || next?.flags !== text?.flags)
      this.#text = next ? { blocks: next.blocks, flags: next.flags } : null;
  }

  /**
   * The open article's blocks and flags, a signal apart from `article`: replaced only when they are
   * (opening, re-cleaning), never by an annotation edit, so the body's 2,500 blocks, which read them,
   * are not woken by every highlight or note saved.
   */
  get text(): ArticleText | null {
    return this.#text;
  }
  /** The highlight to select and scroll to when the article opens. */
  initialHighlightId = $state<string | null>(null);
  error = $state<string | null>(null);

  constructor(
    private readonly saves: Saves,
    private readonly library: Library,
  ) {}

  async open(articleId: string, highlightId: string | null = null): Promise<boolean> {
    const summary = this.library.find(articleId);
    try {
      const [article] = await Promise.all([call('getArticle', { id: articleId }), this.library.loadTags()]);
      this.initialHighlightId = highlightId;
      this.article = article;
      return true;
    } catch (error) {
      this.library.error = `“${summary?.title ?? 'The article'}” could not be opened: ${messageOf(error)}`;
      return false;
    }
  }

  close(): void {
    this.article = null;
    this.error = null;
  }

  apply(change: AnnotationChange): void {
    this.library.applyChange(change);
    if (this.article) this.article = patchArticle(this.article, change);
  }

  /** Runs a write through the save path; a failure is shown in the reader and resolves to undefined. */
  async #write<T>(task: () => Promise<T>): Promise<T | undefined> {
    this.error = null;
    try {
      return await this.saves.track(task());
    } catch (error) {
      this.error = messageOf(error);
      return undefined;
    }
  }

  #articleId(): string {
    if (!this.article) throw new Error('No article is open.');
    return this.article.id;
  }

  /**
   * Paints the new highlight at once, as a provisional one, while its save travels (a durable write and,
   * in browser mode, an HTTP round trip); the saved highlight replaces it when the reply comes. The
   * header says "Saving…" until then; if the save fails the provisional one goes and the reader says why.
   */
  createHighlight(range: { start: number; end: number }, categoryId: string) {
    const saving = this.#createHighlight(range, categoryId);
    this.#creating = saving;
    void saving.finally(() => {
      if (this.#creating === saving) this.#creating = null;
    });
    return saving;
  }

  async #createHighlight(range: { start: number; end: number }, categoryId: string) {
    const articleId = this.#articleId();
    const provisional = provisionalHighlight(range, categoryId);
    this.article = { ...this.article!, highlights: [...this.article!.highlights, provisional] };
    const reply = await this.#write(() => call('createHighlight', { articleId, ...range, categoryId }));
    if (this.article?.id === articleId) {
      const highlights = this.article.highlights.filter((highlight) => highlight.id !== provisional.id);
      this.article = { ...this.article, highlights };
    }
    if (reply) this.apply(reply.change);
    return reply?.highlight;
  }

  #creating: Promise<HighlightView | undefined> | null = null;

  /**
   * The save of the newest highlight while it is painted but not yet saved (provisional), resolving to
   * the saved highlight (undefined if the save failed); null when no highlight is being saved. What the
   * user asks of it meanwhile (B: add to the briefing) waits for this.
   */
  get savingHighlight(): Promise<HighlightView | undefined> | null {
    return this.#creating;
  }

  async reattach(highlightId: string, range: { start: number; end: number }) {
    const articleId = this.#articleId();
    const reply = await this.#write(() =>
      call('updateHighlight', { articleId, highlightId, reattach: range }),
    );
    if (reply) this.apply(reply.change);
    return reply?.highlight;
  }

  async updateHighlight(highlightId: string, changes: HighlightChanges): Promise<HighlightView | undefined> {
    const articleId = this.#articleId();
    const reply = await this.#write(() => call('updateHighlight', { articleId, highlightId, ...changes }));
    if (reply) this.apply(reply.change);
    return reply?.highlight;
  }

  /**
   * A note save: failures are thrown to the note editor, which keeps the text and offers Retry. Takes the
   * article's id, as the editor may save on its way out, after the article closed.
   */
  async saveHighlightNote(articleId: string, highlightId: string, note: string): Promise<void> {
    const reply = await this.saves.track(call('updateHighlight', { articleId, highlightId, note }));
    this.apply(reply.change);
  }

  async deleteHighlight(highlightId: string): Promise<boolean> {
    const articleId = this.#articleId();
    const reply = await this.#write(() => call('deleteHighlight', { articleId, highlightId }));
    if (reply) this.apply(reply.change);
    return reply !== undefined;
  }

  async saveArticleNote(articleId: string, text: string): Promise<void> {
    const reply = await this.saves.track(call('setArticleNote', { articleId, text }));
    this.apply(reply.change);
  }

  /**
   * Takes source lines out of the article body (one undo step): the article is cleaned again around
   * them, they join the hidden lines (where "Restore" puts them back), and highlights are re-anchored.
   */
  async removeLines(lines: number[]): Promise<boolean> {
    const [line, ...more] = lines;
    if (!this.article || line === undefined) return false;
    const id = this.article.id;
    const reply = await this.#write(() =>
      call('setLineChoice', { id, line, ...(more.length > 0 ? { lines: more } : {}), choice: 'remove' }),
    );
    if (reply) this.showRecleaned(reply);
    return reply !== undefined;
  }

  /** The reader moved a line between body and removed lines: show the re-cleaned article it replied. */
  showRecleaned(article: ArticleView): void {
    if (this.article?.id !== article.id) return;
    this.article = article;
    this.library.applySummary(article);
  }

  /** Source metadata: failures are thrown to the source panel, which keeps what was typed. */
  async saveMetadata(id: string, changes: MetadataChanges): Promise<void> {
    const summary = await this.saves.track(call('updateArticleMetadata', { id, ...changes }));
    if (this.article?.id === summary.id) this.article = { ...this.article, ...summary };
    this.library.applySummary(summary);
  }
}
