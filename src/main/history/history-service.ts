/**
 * Undo and redo for every kind of change (article annotations, briefings):
 * records each change with its state before and after, and replays a step by
 * handing it to the applier its target registered, which reports what it
 * changed so the renderer can apply it. It knows no target's details.
 *
 * Steps run one at a time: two undo requests in flight undo two steps, in
 * order, never the same step twice, and a change recorded meanwhile is never
 * mistaken for the step being undone.
 *
 * A step on an article no longer in the library (its deletion left the
 * history) can never apply: it is dropped, and the step before it is taken,
 * rather than recreating the annotations of an article that is gone.
 *
 * Bounded by steps and by bytes: note edits to the same note within a short
 * while are one step (an autosave every few seconds is not 200 steps of a
 * 200,000-character note), and the oldest steps go once the history holds more
 * than `maxBytes` of JSON.
 */
import { randomUUID } from 'node:crypto';
import type { HistoryChange, HistoryStep } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';
import { historyDepth, type Operation } from '../store/schemas/operation-log';

type Distribute<T> = T extends unknown ? Omit<T, 'id' | 'at'> : never;
/** An operation before it is given its id and time. */
export type NewOperation = Distribute<Operation>;
export type OperationTarget = Operation['target'];

/** Puts the target of `operation` back in the state given, and reports what that changed. */
export type HistoryApplier<T extends OperationTarget> = (
  operation: Extract<Operation, { target: T }>,
  state: 'before' | 'after',
) => Promise<HistoryChange>;

/** Lets a target release what a step kept outside the history once the step leaves it (never to be undone). */
export type HistoryDiscard<T extends OperationTarget> = (
  operation: Extract<Operation, { target: T }>,
) => Promise<void>;

export interface HistoryLimits {
  /** The most JSON the undo and redo histories may hold together. */
  maxBytes: number;
  /** Edits of one note closer together than this are one step. */
  coalesceMs: number;
}

export const defaultHistoryLimits: HistoryLimits = { maxBytes: 4 * 2 ** 20, coalesceMs: 60_000 };

/** Whether `next` continues the note edit `last` (same note, soon after): they become one step. */
function continuesNoteEdit(last: Operation | undefined, next: Operation, coalesceMs: number): boolean {
  if (!last || Date.parse(next.at) - Date.parse(last.at) > coalesceMs) return false;
  if (last.target === 'article-note' && next.target === 'article-note')
    return last.articleId === next.articleId && last.after !== null && next.after !== null;
  if (last.target !== 'highlight' || next.target !== 'highlight') return false;
  if (last.highlightId !== next.highlightId || !last.before || !last.after || !next.before || !next.after)
    return false;
  // Only the note changed in both steps.
  const sameButNote = (a: typeof last.after, b: typeof last.after) =>
    a!.categoryId === b!.categoryId &&
    a!.tags.join('\n') === b!.tags.join('\n') &&
    a!.quote.exact === b!.quote.exact;
  return (
    sameButNote(last.before, last.after) &&
    sameButNote(next.before, next.after) &&
    last.after.note === next.before.note
  );
}

export function createHistoryService(
  store: LibraryStore,
  now: () => Date = () => new Date(),
  limits: HistoryLimits = defaultHistoryLimits,
) {
  /** Serialised sizes of recorded operations (they are frozen once stored, so a size never changes). */
  const sizes = new WeakMap<object, number>();
  const sizeOf = (operation: Operation) => {
    let size = sizes.get(operation);
    if (size === undefined) sizes.set(operation, (size = JSON.stringify(operation).length));
    return size;
  };
  const appliers = new Map<OperationTarget, HistoryApplier<OperationTarget>>();
  const discards = new Map<OperationTarget, HistoryDiscard<OperationTarget>>();
  /** Releases what dropped steps kept; a failure only leaves files behind, so it is logged. */
  const discard = async (dropped: Operation[]) => {
    for (const operation of dropped)
      await discards
        .get(operation.target)?.(operation)
        .catch((error: unknown) => console.error('Could not release an old undo step:', error));
  };
  /** A step on an article's annotations whose article is no longer in the library. */
  const orphaned = (operation: Operation) =>
    (operation.target === 'highlight' ||
      operation.target === 'article-note' ||
      operation.target === 'line-choice') &&
    !store.index().articles.some((record) => record.id === operation.articleId);
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every step and record before it has finished. */
  function inTurn<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  }

  async function step(from: 'undo' | 'redo'): Promise<HistoryStep> {
    const to = from === 'undo' ? 'redo' : 'undo';
    const operation = await store.updateOperations((log) => {
      let taken = log[from].pop();
      while (taken && orphaned(taken)) taken = log[from].pop();
      if (taken) log[to].push(taken);
      return taken;
    });
    if (!operation) return { done: false, articleId: null, label: null, change: null };
    const apply = appliers.get(operation.target);
    if (!apply) throw new Error(`No history applier for "${operation.target}".`);
    let change: HistoryChange;
    try {
      change = await apply(operation as never, from === 'undo' ? 'before' : 'after');
    } catch (error) {
      // The step was not applied: it goes back where it was.
      await store.updateOperations((log) => {
        const at = log[to].findIndex((candidate) => candidate.id === operation.id);
        if (at >= 0) log[from].push(...log[to].splice(at, 1));
      });
      throw error;
    }
    return {
      done: true,
      articleId: operation.target === 'briefing' || operation.target === 'story' ? null : operation.articleId,
      label: operation.label,
      change,
    };
  }

  return {
    /** Lets a service undo and redo its own kind of change. */
    register<T extends OperationTarget>(
      target: T,
      applier: HistoryApplier<T>,
      release?: HistoryDiscard<T>,
    ): void {
      appliers.set(target, applier as unknown as HistoryApplier<OperationTarget>);
      if (release) discards.set(target, release as unknown as HistoryDiscard<OperationTarget>);
    },

    /** Records a change (clearing the redo history, as any new change does); resolves once durable. */
    record(operation: NewOperation): Promise<void> {
      const entry = { ...operation, id: randomUUID(), at: now().toISOString() } as Operation;
      return store
        .updateOperations((log) => {
          const gone: Operation[] = [];
          const last = log.undo.at(-1);
          if (continuesNoteEdit(last, entry, limits.coalesceMs))
            log.undo[log.undo.length - 1] = {
              ...entry,
              id: last!.id,
              before: (last as Extract<Operation, { before: unknown }>).before,
            } as Operation;
          else log.undo.push(entry);
          if (log.undo.length > historyDepth)
            gone.push(...log.undo.splice(0, log.undo.length - historyDepth));
          gone.push(...log.redo);
          log.redo = [];
          let bytes = log.undo.reduce((sum, step) => sum + sizeOf(step), 0);
          while (bytes > limits.maxBytes && log.undo.length > 1) {
            const oldest = log.undo.shift()!;
            bytes -= sizeOf(oldest);
            gone.push(oldest);
          }
          return gone;
        })
        .then(discard);
    },

    undo: () => inTurn(() => step('undo')),
    redo: () => inTurn(() => step('redo')),
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;
