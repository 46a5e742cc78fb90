/**
 * Records a user's change in the operation log (undo history) and clears the
 * redo history, as any new change does. Shared by the annotation and briefing
 * services, so every kind of change is undone the same way.
 */
import { randomUUID } from 'node:crypto';
import type { LibraryStore } from '../store/library-store';
import { historyDepth, type Operation } from '../store/schemas/operation-log';

type Distribute<T> = T extends unknown ? Omit<T, 'id' | 'at'> : never;
/** An operation before it is given its id and time. */
export type NewOperation = Distribute<Operation>;

export async function recordOperation(
  store: LibraryStore,
  operation: NewOperation,
  now: () => Date,
): Promise<void> {
  const entry = { ...operation, id: randomUUID(), at: now().toISOString() } as Operation;
  await store.updateOperations((log) => {
    log.undo.push(entry);
    if (log.undo.length > historyDepth) log.undo.splice(0, log.undo.length - historyDepth);
    log.redo = [];
  });
}
