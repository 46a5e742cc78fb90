/**
 * Every change a user makes to annotations: create, edit and delete highlights
 * and write the article note. Each change is saved to the article's annotation
 * file and recorded in the history (state before and after), which replays it
 * through the applier registered here; each replies with what it changed.
 */
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/api-error';
import type { AnnotationChange, HighlightView } from '../../shared/contract';
import { describeRange } from '../anchoring/describe-range';
import type { LibraryStore } from '../store/library-store';
import type { AnnotationShard, Highlight } from '../store/schemas/annotation-shard';
import type { HistoryService, NewOperation } from '../history/history-service';
import { placeById } from '../history/place-by-id';
import { findRecord } from '../articles/find-record';
import { annotationChange } from './annotation-change';
import type { ArticleTexts } from './article-texts';
import { highlightView } from './highlight-view';

/** A highlight's new state, and the change to its article to apply. */
export interface HighlightChange {
  highlight: HighlightView;
  change: AnnotationChange;
}

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
  history: HistoryService,
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
    await Promise.all([saving, history.record(operation)]);
    return operation;
  }

  history.register('highlight', async (operation, state) => {
    const highlight = operation[state];
    await store.updateAnnotations(operation.articleId, (shard) =>
      placeById(shard.highlights, operation.highlightId, highlight),
    );
    return {
      target: 'annotations',
      change: annotationChange(store, operation.articleId, {
        highlights: [{ id: operation.highlightId, state: highlight }],
      }),
    };
  });
  history.register('article-note', async (operation, state) => {
    const articleNote = operation[state];
    await store.updateAnnotations(operation.articleId, (shard) => void (shard.articleNote = articleNote));
    return { target: 'annotations', change: annotationChange(store, operation.articleId, { articleNote }) };
  });

  function changed(articleId: string, highlight: Highlight): HighlightChange {
    return {
      highlight: highlightView(highlight),
      change: annotationChange(store, articleId, { highlights: [{ id: highlight.id, state: highlight }] }),
    };
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

  return {
    async createHighlight(
      articleId: string,
      start: number,
      end: number,
      categoryId: string,
    ): Promise<HighlightChange> {
      findRecord(store, articleId);
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
      return changed(articleId, highlight);
    },

    async updateHighlight(
      articleId: string,
      highlightId: string,
      changes: HighlightChanges,
    ): Promise<HighlightChange> {
      findRecord(store, articleId);
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
      return changed(articleId, (operation as Extract<NewOperation, { target: 'highlight' }>).after!);
    },

    async deleteHighlight(articleId: string, highlightId: string): Promise<AnnotationChange> {
      findRecord(store, articleId);
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
      return annotationChange(store, articleId, { highlights: [{ id: highlightId, state: null }] });
    },

    async setArticleNote(articleId: string, text: string) {
      findRecord(store, articleId);
      const after = text.trim() === '' ? null : { text, updatedAt: now().toISOString() };
      await changeAndRecord(articleId, (shard) => {
        const before = shard.articleNote;
        shard.articleNote = after;
        return { articleId, target: 'article-note', before, after, label: 'edit the article note' };
      });
      return {
        note: after ?? { text: '', updatedAt: now().toISOString() },
        change: annotationChange(store, articleId, { articleNote: after }),
      };
    },
  };
}
export type AnnotationService = ReturnType<typeof createAnnotationService>;
