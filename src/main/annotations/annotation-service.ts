/**
 * Every change a user makes to annotations: create, edit and delete highlights,
 * write the article note, and undo or redo any of these. Each change is saved
 * to the article's annotation file and recorded in the operation log (state
 * before and after), which is what undo and redo replay, across restarts too.
 */
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/api-error';
import type { HistoryStep } from '../../shared/contract';
import { describeRange } from '../anchoring/describe-range';
import type { LibraryStore } from '../store/library-store';
import type { AnnotationShard, Highlight } from '../store/schemas/annotation-shard';
import type { Operation } from '../store/schemas/operation-log';
import { recordOperation, type NewOperation } from '../history/record-operation';
import { placeById } from '../history/place-by-id';
import type { ArticleTexts } from './article-texts';

export interface HighlightChanges {
  categoryId?: string;
  note?: string;
  tags?: string[];
  reattach?: { start: number; end: number };
}

function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function createAnnotationService(
  store: LibraryStore,
  texts: ArticleTexts,
  now: () => Date = () => new Date(),
) {
  const categoryIds = () => new Set(store.index().settings.categories.map((category) => category.id));

  function requireCategory(categoryId: string): void {
    if (!categoryIds().has(categoryId))
      throw new AppFailure('invalid-request', `There is no category "${categoryId}".`);
  }

  /** The highlight as it is in `shard`; not-found if it no longer exists. */
  function currentHighlight(shard: Readonly<AnnotationShard>, highlightId: string): Highlight {
    const highlight = shard.highlights.find((candidate) => candidate.id === highlightId);
    if (!highlight) throw new AppFailure('not-found', 'That highlight no longer exists.');
    return highlight;
  }

  const record = (operation: NewOperation) => recordOperation(store, operation, now);

  /**
   * Changes one article's annotations and records the operation, writing both
   * files at once: the reply waits for both to be durable, but not for one
   * after the other. `change` runs synchronously inside the store's update (so
   * it reads and writes one consistent state) and returns the operation.
   */
  async function changeAndRecord(
    articleId: string,
    change: (shard: AnnotationShard) => NewOperation,
  ): Promise<NewOperation> {
    let operation: NewOperation | undefined;
    const saving = store.updateAnnotations(articleId, (shard) => {
      operation = change(shard);
    });
    if (!operation) {
      await saving;
      throw new Error('The annotation change did not run.');
    }
    await Promise.all([saving, record(operation)]);
    return operation;
  }

  async function applyState(operation: Operation, direction: 'before' | 'after'): Promise<void> {
    if (operation.target === 'briefing') {
      const state = operation[direction];
      await store.updateBriefings((file) => placeById(file.briefings, operation.briefingId, state));
      return;
    }
    await store.updateAnnotations(operation.articleId, (shard) => {
      if (operation.target === 'highlight')
        placeById(shard.highlights, operation.highlightId, operation[direction]);
      else shard.articleNote = operation[direction];
    });
  }

  async function selectors(articleId: string, start: number, end: number) {
    const { index, rulesVersion } = await texts.get(articleId);
    if (end > index.codePointLength)
      throw new AppFailure('invalid-request', 'The selection is outside the article’s text.');
    const described = describeRange(index, start, end);
    if (!described)
      throw new AppFailure(
        'invalid-request',
        'Select some words to highlight: the selection holds only white space.',
      );
    return { ...described, rulesVersion };
  }

  async function step(from: 'undo' | 'redo'): Promise<HistoryStep> {
    const operation = store.operations()[from].at(-1);
    if (!operation) return { done: false, articleId: null, label: null };
    await applyState(operation, from === 'undo' ? 'before' : 'after');
    await store.updateOperations((log) => {
      log[from].pop();
      (from === 'undo' ? log.redo : log.undo).push(operation);
    });
    return {
      done: true,
      articleId: operation.target === 'briefing' ? null : operation.articleId,
      label: operation.label,
    };
  }

  return {
    async createHighlight(
      articleId: string,
      start: number,
      end: number,
      categoryId: string,
    ): Promise<Highlight> {
      requireCategory(categoryId);
      const { quote, position, rulesVersion } = await selectors(articleId, start, end);
      const time = now().toISOString();
      const highlight: Highlight = {
        id: `h-${randomUUID()}`,
        categoryId,
        quote,
        position,
        rulesVersion,
        note: '',
        tags: [],
        createdAt: time,
        updatedAt: time,
        orphaned: false,
      };
      await changeAndRecord(articleId, (shard) => {
        shard.highlights.push(highlight);
        return {
          articleId,
          target: 'highlight',
          highlightId: highlight.id,
          before: null,
          after: highlight,
          label: `highlight “${excerpt(quote.exact)}”`,
        };
      });
      return highlight;
    },

    async updateHighlight(
      articleId: string,
      highlightId: string,
      changes: HighlightChanges,
    ): Promise<Highlight> {
      currentHighlight(store.annotations(articleId), highlightId);
      if (changes.categoryId !== undefined) requireCategory(changes.categoryId);
      const reattached = changes.reattach
        ? await selectors(articleId, changes.reattach.start, changes.reattach.end)
        : null;
      const what = changes.reattach
        ? 're-attach'
        : changes.note !== undefined
          ? 'edit the note of'
          : changes.tags
            ? 'tag'
            : 'change';
      // Read and write the highlight inside one store update, so concurrent edits (a note and tags, say) build on each other.
      const operation = await changeAndRecord(articleId, (shard) => {
        const current = currentHighlight(shard, highlightId);
        const next: Highlight = {
          ...current,
          categoryId: changes.categoryId ?? current.categoryId,
          note: changes.note ?? current.note,
          tags: changes.tags ? normaliseTags(changes.tags) : current.tags,
          updatedAt: now().toISOString(),
          ...(reattached
            ? {
                quote: reattached.quote,
                position: reattached.position,
                rulesVersion: reattached.rulesVersion,
                orphaned: false,
              }
            : {}),
        };
        placeById(shard.highlights, highlightId, next);
        return {
          articleId,
          target: 'highlight',
          highlightId,
          before: current,
          after: next,
          label: `${what} “${excerpt(next.quote.exact)}”`,
        };
      });
      return (operation as Extract<NewOperation, { target: 'highlight' }>).after!;
    },

    async deleteHighlight(articleId: string, highlightId: string): Promise<void> {
      currentHighlight(store.annotations(articleId), highlightId);
      await changeAndRecord(articleId, (shard) => {
        const current = currentHighlight(shard, highlightId);
        placeById(shard.highlights, highlightId, null);
        return {
          articleId,
          target: 'highlight',
          highlightId,
          before: current,
          after: null,
          label: `delete “${excerpt(current.quote.exact)}”`,
        };
      });
    },

    async setArticleNote(articleId: string, text: string) {
      const after = text.trim() === '' ? null : { text, updatedAt: now().toISOString() };
      await changeAndRecord(articleId, (shard) => {
        const before = shard.articleNote;
        shard.articleNote = after;
        return { articleId, target: 'article-note', before, after, label: 'edit the article note' };
      });
      return after ?? { text: '', updatedAt: now().toISOString() };
    },

    undo: () => step('undo'),
    redo: () => step('redo'),
  };
}
export type AnnotationService = ReturnType<typeof createAnnotationService>;
