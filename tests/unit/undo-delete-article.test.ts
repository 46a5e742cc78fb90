/**
 * Deleting an article is undone like any other change, through the dispatcher
 * on real store files: undo brings back the index record, the text, the
 * highlights and the note, and the briefing quoting it shows the live highlight
 * again; redo deletes it again; the steps recorded before the deletion still
 * undo afterwards; and all of it holds across a close and reopen. The text
 * waits in `deleted/`, not in operations.json.
 */
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

async function annotatedArticle(dataDir: string) {
  const app = await dispatchApp(dataDir);
  const [article] = await app.ok('listArticles', {});
  const first = await app.ok('createHighlight', {
    articleId: article!.id,
    start: 0,
    end: 10,
    categoryId: 'evidence',
  });
  const second = await app.ok('createHighlight', {
    articleId: article!.id,
    start: 20,
    end: 30,
    categoryId: 'evidence',
  });
  await app.ok('setArticleNote', { articleId: article!.id, text: 'My note on it' });
  const briefing = await app.ok('createBriefing', { title: 'Daily' });
  await app.ok('addToBriefing', {
    briefingId: briefing.id,
    articleId: article!.id,
    highlightId: first.highlight.id,
  });
  return { app, id: article!.id, first: first.highlight, second: second.highlight, briefingId: briefing.id };
}

const itemOf = (view: { sections: { items: { highlightId: string; kept: boolean }[] }[] }, id: string) =>
  view.sections.flatMap((section) => section.items).find((item) => item.highlightId === id);

describe('undoing an article deletion', () => {
  it('brings the article back with its annotations, re-links the briefing, and redoes', async () => {
    const dataDir = await makeTempDir();
    const { app, id, first, second, briefingId } = await annotatedArticle(dataDir);
    const layout = storeLayout(app.core.store!.layout.dir);
    const textBefore = await readFile(layout.articleFile(id), 'utf8');
    const positionBefore = (await app.ok('listArticles', {})).findIndex((a) => a.id === id);

    await app.ok('deleteArticle', { id });
    expect((await app.ok('listArticles', {})).some((a) => a.id === id)).toBe(false);
    expect(await exists(layout.articleFile(id))).toBe(false);
    expect(await exists(layout.annotationFile(id))).toBe(false);
    expect(await exists(layout.deletedArticleFile(id))).toBe(true);
    // The history holds the record, not the text.
    expect((await stat(layout.operationsFile)).size).toBeLessThan(textBefore.length);
    const kept = await app.ok('getBriefing', { id: briefingId });
    expect(itemOf(kept, first.id)?.kept).toBe(true);

    const undone = await app.ok('undo', {});
    expect(undone.done).toBe(true);
    expect(undone.change).toMatchObject({ target: 'article', articleId: id });
    // Back in its place in the library.
    expect((await app.ok('listArticles', {})).findIndex((a) => a.id === id)).toBe(positionBefore);
    expect(await readFile(layout.articleFile(id), 'utf8')).toBe(textBefore);
    expect(await exists(layout.deletedArticleFile(id))).toBe(false);
    const back = await app.ok('getArticle', { id });
    expect(back.highlights.map((h) => h.id).sort()).toEqual([first.id, second.id].sort());
    expect(back.articleNote?.text).toBe('My note on it');
    const relinked = await app.ok('getBriefing', { id: briefingId });
    expect(itemOf(relinked, first.id)?.kept).toBe(false);

    const redone = await app.ok('redo', {});
    expect(redone.change).toMatchObject({ target: 'article', articleId: id, summary: null });
    expect((await app.ok('listArticles', {})).some((a) => a.id === id)).toBe(false);
    expect(await exists(layout.annotationFile(id))).toBe(false);
  });

  it('undoes after a restart, then the steps recorded before the deletion', async () => {
    const dataDir = await makeTempDir();
    const { app, id, second } = await annotatedArticle(dataDir);
    await app.ok('deleteArticle', { id });
    await app.core.close();

    const reopened = await dispatchApp(dataDir);
    expect((await reopened.ok('listArticles', {})).some((a) => a.id === id)).toBe(false);
    await reopened.ok('undo', {});
    const back = await reopened.ok('getArticle', { id });
    expect(back.highlights).toHaveLength(2);

    // The older steps: adding to the briefing, creating it, the note, then the second highlight.
    expect((await reopened.ok('undo', {})).change).toMatchObject({ target: 'briefing' });
    expect((await reopened.ok('undo', {})).change).toMatchObject({ target: 'briefing' });
    const note = await reopened.ok('undo', {});
    expect(note.change).toMatchObject({ target: 'annotations' });
    expect((await reopened.ok('getArticle', { id })).articleNote).toBeNull();
    await reopened.ok('undo', {});
    const afterUndo = await reopened.ok('getArticle', { id });
    expect(afterUndo.highlights.map((h) => h.id)).not.toContain(second.id);
    expect(afterUndo.highlights).toHaveLength(1);
    await reopened.core.close();

    // And it all survives another restart.
    const again = await dispatchApp(dataDir);
    expect((await again.ok('getArticle', { id })).highlights).toHaveLength(1);
  });

  it('drops the files when the deletion leaves the history, and skips steps of a gone article', async () => {
    const dataDir = await makeTempDir();
    const { app, id } = await annotatedArticle(dataDir);
    const layout = storeLayout(app.core.store!.layout.dir);
    await app.ok('deleteArticle', { id });
    await app.ok('undo', {});
    await app.ok('redo', {});
    // Drop the deletion step the way the bound does, keeping the older steps.
    await app.core.store!.updateOperations((log) => {
      log.undo = log.undo.filter((step) => step.target === 'highlight' || step.target === 'article-note');
    });
    const annotationsBefore = await exists(layout.annotationFile(id));
    const undone = await app.call('undo', {});
    // Every step left was on the deleted article: none applies, none recreates its file.
    expect(undone.ok && undone.value.done).toBe(false);
    expect(annotationsBefore).toBe(false);
    expect(await exists(layout.annotationFile(id))).toBe(false);
  });

  it('removes the set-aside files once the deletion step falls out of the bounded history', async () => {
    const dataDir = await makeTempDir();
    const { app, id } = await annotatedArticle(dataDir);
    const layout = storeLayout(app.core.store!.layout.dir);
    await app.ok('deleteArticle', { id });
    expect(await exists(layout.deletedArticleFile(id))).toBe(true);
    const other = (await app.ok('listArticles', {}))[0]!.id;
    // 200 newer steps (the history's depth) push the deletion out.
    for (let step = 0; step < 200; step += 1)
      await app.core.services!.history.record({
        target: 'article-note',
        articleId: other,
        label: `step ${step}`,
        before: { text: `note ${step}`, updatedAt: '2026-11-01T00:00:00.000Z' },
        after: null,
      });
    expect(app.core.store!.operations().undo.some((step) => step.target === 'article')).toBe(false);
    expect(await exists(layout.deletedArticleFile(id))).toBe(false);
    expect(await exists(layout.deletedAnnotationFile(id))).toBe(false);
    expect(await exists(layout.articleBackupFile(id))).toBe(false);
  });

  it('on open, finishes a delete interrupted before the index dropped the article, losing nothing', async () => {
    const dataDir = await makeTempDir();
    const { app, id } = await annotatedArticle(dataDir);
    const layout = storeLayout(app.core.store!.layout.dir);
    await app.core.close();
    // As a crash leaves it: the files moved aside, the index still listing the article.
    await mkdir(layout.deletedDir, { recursive: true });
    await rename(layout.articleFile(id), layout.deletedArticleFile(id));
    await rename(layout.annotationFile(id), layout.deletedAnnotationFile(id));

    const reopened = await dispatchApp(dataDir);
    expect(reopened.core.store!.recovery).toEqual([]);
    const back = await reopened.ok('getArticle', { id });
    expect(back.highlights).toHaveLength(2);
    expect(back.articleNote?.text).toBe('My note on it');
  });
});
