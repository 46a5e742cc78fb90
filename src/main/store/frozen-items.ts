/**
 * Copy-on-write drafts for documents that are lists of small records (an
 * article's highlights, the operation log), so a change costs what it touches,
 * not the size of the document: the draft copies only the lists; each record
 * is validated once, when it first appears, and deep-frozen, so code that tried
 * to change one in place would throw instead of corrupting stored data.
 */
import type { z } from 'zod';

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

/** Validates and freezes the records of `next` that are not (the very same objects) in `previous`. */
export function checkNewItems<T extends object>(
  next: readonly T[],
  previous: readonly T[],
  schema: z.ZodType<T>,
): T[] {
  // Most changes keep the list in place (an edit, an append): an item at its old position is
  // known without building a set of the whole list. Every item ever adopted is frozen, so an
  // item that is not (a new record, an edited copy) is new without looking: only a frozen item
  // out of its place (a moved one) is looked up, in a set built at most once.
  let known: Set<T> | null = null;
  return next.map((item, at) => {
    if (previous[at] === item) return item;
    if (!Object.isFrozen(item)) return deepFreeze(schema.parse(item));
    known ??= new Set(previous);
    return known.has(item) ? item : deepFreeze(schema.parse(item));
  });
}
