/**
 * The undo history stays small however a note is edited: autosaves of one
 * note are one step (a 200,000-character note saved 200 times leaves one step,
 * not 80 MB), and spaced-out edits drop the oldest steps past the byte bound.
 * Undo still brings back the note as it was before the edits.
 */
import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/main/app-services';
import { createHistoryService } from '../../src/main/history/history-service';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { storeLayout } from '../../src/main/store/store-layout';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const stores: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function withNote() {
  const dir = await makeTempDir();
  const store = await openLibraryStore({ dir, backups: false });
  stores.push(store);
  const article = articleFromPlainText('A Title\n\nSome words to highlight in a paragraph.\n', {
    sourceFile: 'a.txt',
    addedAt: '2026-11-01T00:00:00.000Z',
  });
  await store.addArticles([article]);
  let clock = Date.parse('2026-11-27T10:00:00Z');
  const now = () => new Date(clock);
  const tick = (ms: number) => (clock += ms);
  return { dir, store, articleId: article.record.id, now, tick };
}

describe('history bounds', () => {
  it('a 200,000-character note saved 200 times is one undo step, and undo restores the note before', async () => {
    const { dir, store, articleId, now, tick } = await withNote();
    const services = createAppServices(store, now);
    const { highlight } = await services.annotations.createHighlight(articleId, 0, 4, 'evidence');
    await services.annotations.updateHighlight(articleId, highlight.id, { note: 'first thoughts' });
    tick(120_000);
    const base = 'x'.repeat(199_000);
    for (let n = 0; n < 200; n += 1) {
      tick(3000);
      await services.annotations.updateHighlight(articleId, highlight.id, { note: `${base} ${n}` });
    }
    expect(store.operations().undo).toHaveLength(3);
    await store.flush();
    const { size } = await stat(storeLayout(dir).operationsFile);
    expect(size).toBeLessThan(1_000_000);
    await services.history.undo();
    expect(store.annotations(articleId).highlights[0]!.note).toBe('first thoughts');
  });

  it('drops the oldest steps once the history holds more bytes than its bound', async () => {
    const { store, articleId, now, tick } = await withNote();
    const history = createHistoryService(store, now, { maxBytes: 200_000, coalesceMs: 1000 });
    const note = (n: number) => ({ text: `${'y'.repeat(20_000)} ${n}`, updatedAt: now().toISOString() });
    for (let n = 0; n < 30; n += 1) {
      tick(5000);
      await history.record({
        articleId,
        target: 'article-note',
        before: n === 0 ? null : note(n - 1),
        after: note(n),
        label: 'edit the article note',
      });
    }
    const kept = store.operations().undo;
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(200_000);
    expect(kept.length).toBeGreaterThan(1);
    const newest = kept.at(-1)!;
    expect(newest.target === 'article-note' ? newest.after?.text : null).toMatch(/ 29$/);
  });
});
