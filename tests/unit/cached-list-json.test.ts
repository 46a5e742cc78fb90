/**
 * An article's highlights and the undo history are written from cached bytes
 * per record (`serializeWithCachedLists`): what is written must be exactly
 * `JSON.stringify` of the document after every change, and a store reopened
 * from those files must hold what was saved.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeWithCachedLists } from '../../src/main/store/cached-list-json';
import { deepFreeze } from '../../src/main/store/frozen-items';
import { openLibraryStore } from '../../src/main/store/library-store';
import type { AnnotationShard, Highlight } from '../../src/main/store/schemas/annotation-shard';
import { sampleArticle } from './store-helpers';

function highlight(n: number, note = ''): Highlight {
  return deepFreeze({
    id: `h-${n}`,
    categoryId: 'evidence',
    quote: { type: 'TextQuoteSelector', exact: `word ${n} “quoted” \\ "é" 😀`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: n, end: n + 5 },
    rulesVersion: 1,
    note,
    tags: n % 3 === 0 ? ['a', 'b'] : [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    orphaned: false,
  });
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('serializeWithCachedLists', () => {
  it('writes exactly JSON.stringify of the document, before and after changes', () => {
    let shard = {
      schemaVersion: 1,
      articleId: 'a-1',
      highlights: Array.from({ length: 600 }, (_, n) => highlight(n)),
      articleNote: null,
    } as unknown as AnnotationShard;
    const written = () => serializeWithCachedLists(shard, ['highlights']).toString('utf8');
    expect(written()).toBe(JSON.stringify(shard));
    // A note edit: one highlight replaced by a new (frozen) object, the rest the very same.
    const highlights = [...shard.highlights];
    highlights[300] = highlight(300, 'a note with\nlines, "quotes" and ✓');
    shard = { ...shard, highlights, articleNote: { text: 'n', updatedAt: 'now' } } as AnnotationShard;
    expect(written()).toBe(JSON.stringify(shard));
    // Removals, additions, an empty list.
    shard = { ...shard, highlights: [...highlights.slice(1, 256), highlight(9999)] } as AnnotationShard;
    expect(written()).toBe(JSON.stringify(shard));
    shard = { ...shard, highlights: [] } as AnnotationShard;
    expect(written()).toBe(JSON.stringify(shard));
  });

  it('serialises a record that is not frozen afresh each time (it may have changed)', () => {
    const loose = { id: 'x', note: 'first' };
    const log = { schemaVersion: 3, undo: [loose], redo: [] as object[] };
    expect(serializeWithCachedLists(log, ['undo', 'redo']).toString('utf8')).toBe(JSON.stringify(log));
    loose.note = 'second';
    expect(serializeWithCachedLists(log, ['undo', 'redo']).toString('utf8')).toBe(JSON.stringify(log));
  });

  it('leaves out keys without JSON as JSON.stringify does, and writes other values as they are', () => {
    const data = { a: undefined, list: [{ x: 1 }], b: [1, 'two', null], c: { nested: [] }, d: () => 1 };
    expect(serializeWithCachedLists(data, ['list']).toString('utf8')).toBe(JSON.stringify(data));
    expect(serializeWithCachedLists({}, []).toString('utf8')).toBe('{}');
  });
});

describe('an article with 1,000 highlights whose notes are edited', () => {
  it('is on disk exactly as in memory after each save, and after reopening', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cached-json-'));
    dirs.push(dir);
    const article = sampleArticle(1);
    const id = article.record.id;
    let store = await openLibraryStore({ dir, backups: false });
    await store.addArticles([article]);
    await store.updateAnnotations(id, (shard) => {
      shard.highlights.push(...Array.from({ length: 1000 }, (_, n) => highlight(n)));
    });
    for (let n = 0; n < 5; n += 1) {
      await store.updateAnnotations(id, (shard) => {
        shard.highlights[500 + n] = { ...shard.highlights[500 + n]!, note: `note ${n} ✎` };
      });
      await store.updateOperations((log) => {
        log.undo.push({
          id: `op-${n}`,
          at: '2026-11-01T00:00:00.000Z',
          label: 'edit the note',
          articleId: id,
          target: 'highlight',
          highlightId: `h-${500 + n}`,
          before: highlight(500 + n),
          after: { ...highlight(500 + n), note: `note ${n} ✎` },
        });
      });
      expect(await readFile(store.layout.annotationFile(id), 'utf8')).toBe(
        JSON.stringify(store.annotations(id)),
      );
      expect(await readFile(store.layout.operationsFile, 'utf8')).toBe(JSON.stringify(store.operations()));
    }
    await store.close();
    store = await openLibraryStore({ dir, backups: false });
    const reopened = store.annotations(id);
    expect(reopened.highlights).toHaveLength(1000);
    expect(reopened.highlights.slice(500, 505).map((h) => h.note)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `note ${n} ✎`),
    );
    expect(store.operations().undo.map((step) => step.id)).toEqual(['op-0', 'op-1', 'op-2', 'op-3', 'op-4']);
    await store.close();
  });
});
