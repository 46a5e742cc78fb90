/**
 * Reading state through the dispatcher on real store files: the position is
 * kept in the article's own annotation file (the library index is not
 * rewritten), the article reopens there, past 90 % it is read, marking it
 * unread by hand sticks until the reader crosses 90 % again, and all of it
 * survives a reopen.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markedRead, movedTo } from '../../src/main/articles/reading-state';
import { storeLayout } from '../../src/main/store/store-layout';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const at = '2026-05-01T00:00:00.000Z';

describe('reading state rules', () => {
  it('marks read once the reader crosses 90 %, and keeps a hand-set unread until the next crossing', () => {
    const halfway = movedTo(undefined, 100, 0.5, at);
    expect(halfway).toEqual({ offset: 100, progress: 0.5, read: false, updatedAt: at });
    const end = movedTo(halfway, 900, 0.95, at);
    expect(end.read).toBe(true);
    const unread = markedRead(end, false, at);
    expect(unread).toMatchObject({ offset: 900, progress: 0.95, read: false });
    expect(movedTo(unread, 950, 0.97, at).read).toBe(false);
    expect(movedTo(movedTo(unread, 10, 0.1, at), 990, 0.99, at).read).toBe(true);
    expect(markedRead(undefined, true, at)).toEqual({ offset: 0, progress: 0, read: true, updatedAt: at });
  });
});

describe('reading state in the store', () => {
  it('keeps the place in the article’s own file, reopens there, and survives a reopen', async () => {
    const dataDir = path.join(await makeTempDir(), 'store');
    const app = await dispatchApp(dataDir);
    const [article] = await app.ok('listArticles', {});
    const id = article!.id;
    expect(article).toMatchObject({ read: false, readingProgress: 0 });
    expect((await app.ok('getArticle', { id })).readingOffset).toBeNull();

    const layout = storeLayout(dataDir);
    const indexBefore = await stat(layout.libraryFile);
    const summary = await app.ok('setReadingPosition', { articleId: id, offset: 120, progress: 0.4 });
    expect(summary).toMatchObject({ id, read: false, readingProgress: 0.4 });
    expect((await stat(layout.libraryFile)).mtimeMs).toBe(indexBefore.mtimeMs);
    const shard = JSON.parse(await readFile(layout.annotationFile(id), 'utf8'));
    expect(shard.reading).toMatchObject({ offset: 120, progress: 0.4, read: false });

    expect((await app.ok('setReadingPosition', { articleId: id, offset: 800, progress: 0.92 })).read).toBe(
      true,
    );
    expect((await app.ok('setArticleRead', { articleId: id, read: false })).read).toBe(false);
    expect((await app.ok('setReadingPosition', { articleId: id, offset: 820, progress: 0.95 })).read).toBe(
      false,
    );
    await app.core.close();

    const reopened = await dispatchApp(dataDir);
    const view = await reopened.ok('getArticle', { id });
    expect(view).toMatchObject({ readingOffset: 820, readingProgress: 0.95, read: false });
    expect(
      await reopened.call('setReadingPosition', { articleId: 'a-gone', offset: 1, progress: 0.1 }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
