/**
 * What changed between two states of the library index, as a few small
 * operations a journal record can hold (index-journal.ts), and how to apply
 * them again on open.
 *
 * Article records are frozen and replaced, never changed in place
 * (frozen-items.ts), so the records that changed are found by identity: a title
 * edit is one record replaced, an import a few records added at the end, a
 * delete one removed; nothing costs the size of the library but one pass of
 * pointer comparisons. The other parts of the index (settings, stories,
 * seeding) are small and compared as JSON.
 *
 * A splice names the ids it removes, so applying it checks it lands where it
 * was made; when it does not (the index was restored from an older backup), it
 * is applied by id instead: the records it removes or replaces go wherever they
 * are, and its records go in at its position. An id is never in the list twice.
 */
import type { ArticleRecord, LibraryIndex } from './schemas/library-index';

export type IndexOp =
  | { op: 'set'; key: keyof LibraryIndex; value: unknown }
  | { op: 'unset'; key: keyof LibraryIndex }
  | { op: 'splice'; at: number; remove: string[]; insert: ArticleRecord[] };

/** Parts of the index no journal record carries: the records (spliced), the version, the journal's own number. */
const notShell = new Set(['articles', 'schemaVersion', 'journalSeq']);

function shellOps(previous: LibraryIndex, next: LibraryIndex): IndexOp[] {
  const ops: IndexOp[] = [];
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  for (const key of keys as Set<keyof LibraryIndex>) {
    if (notShell.has(key)) continue;
    const text = JSON.stringify(next[key]);
    if (text === JSON.stringify(previous[key])) continue;
    ops.push(text === undefined ? { op: 'unset', key } : { op: 'set', key, value: next[key] });
  }
  return ops;
}

function articleOps(previous: readonly ArticleRecord[], next: readonly ArticleRecord[]): IndexOp[] {
  if (previous === next) return [];
  const [n, m] = [previous.length, next.length];
  let head = 0;
  while (head < n && head < m && previous[head] === next[head]) head += 1;
  let tail = 0;
  while (tail < n - head && tail < m - head && previous[n - 1 - tail] === next[m - 1 - tail]) tail += 1;
  if (n !== m)
    return [
      {
        op: 'splice',
        at: head,
        remove: previous.slice(head, n - tail).map((record) => record.id),
        insert: next.slice(head, m - tail),
      },
    ];
  // The same length: the records replaced in place (edits, re-cleaned texts), each run its own splice.
  const ops: IndexOp[] = [];
  for (let at = head; at < n - tail;) {
    if (previous[at] === next[at]) {
      at += 1;
      continue;
    }
    let end = at;
    while (end < n - tail && previous[end] !== next[end]) end += 1;
    ops.push({
      op: 'splice',
      at,
      remove: previous.slice(at, end).map((record) => record.id),
      insert: next.slice(at, end),
    });
    at = end;
  }
  return ops;
}

/** The operations that turn `previous` into `next` (none when nothing changed). */
export function diffIndex(previous: LibraryIndex, next: LibraryIndex): IndexOp[] {
  return [...shellOps(previous, next), ...articleOps(previous.articles, next.articles)];
}

/** Inserts without spreading a long list into one call's arguments. */
function insertAt(list: ArticleRecord[], at: number, records: readonly ArticleRecord[]): void {
  for (let start = 0; start < records.length; start += 10_000)
    list.splice(at + start, 0, ...records.slice(start, start + 10_000));
}

function applySplice(list: ArticleRecord[], ids: Set<string>, op: Extract<IndexOp, { op: 'splice' }>) {
  const { at, remove, insert } = op;
  const removing = new Set(remove);
  const landsWhereMade =
    at + remove.length <= list.length && remove.every((id, n) => list[at + n]!.id === id);
  const elsewhere = insert.some((record) => !removing.has(record.id) && ids.has(record.id));
  if (landsWhereMade && !elsewhere) {
    list.splice(at, remove.length);
  } else {
    // By id: every record this splice removes or replaces goes, wherever it is.
    for (const record of insert) removing.add(record.id);
    let position = Math.min(at, list.length);
    for (let n = list.length - 1; n >= 0; n -= 1) {
      if (!removing.has(list[n]!.id)) continue;
      list.splice(n, 1);
      if (n < position) position -= 1;
    }
    for (const id of removing) ids.delete(id);
    insertAt(list, Math.min(position, list.length), insert);
    for (const record of insert) ids.add(record.id);
    return;
  }
  for (const id of remove) ids.delete(id);
  insertAt(list, at, insert);
  for (const record of insert) ids.add(record.id);
}

/**
 * Applies records' operations, in order, to `index` (changed in place: its `articles` must be a
 * list of its own). Keeps one set of ids across all of them, so a replay costs the records it
 * touches plus one pass over the library.
 */
export function applyIndexOps(index: LibraryIndex, opLists: readonly (readonly IndexOp[])[]): void {
  const ids = new Set(index.articles.map((record) => record.id));
  const shell = index as unknown as Record<string, unknown>;
  for (const ops of opLists)
    for (const op of ops) {
      if (op.op === 'set') shell[op.key] = op.value;
      else if (op.op === 'unset') delete shell[op.key];
      else applySplice(index.articles, ids, op);
    }
}
