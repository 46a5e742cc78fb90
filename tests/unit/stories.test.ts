/**
 * Stories and article tags through the IPC dispatcher on real store files:
 * create, add, remove, rename and delete a story, each undone and redone; bad
 * names and unknown articles refused with nothing changed; an article's
 * deletion hides it from its stories and its undo brings it back; all of it
 * holds across a close and reopen. Article tags are edited and kept likewise.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

async function library() {
  const dataDir = path.join(await makeTempDir(), 'store');
  const app = await dispatchApp(dataDir);
  const ids = (await app.ok('listArticles', {})).map((article) => article.id);
  expect(ids.length).toBeGreaterThanOrEqual(3);
  return { ...app, dataDir, ids };
}

describe('stories', () => {
  it('creates a story, adds and removes articles, renames it, and undoes each step', async () => {
    const { ok, ids } = await library();
    const story = await ok('createStory', { name: '  US guarantees for Ukraine ', articleIds: [ids[0]!] });
    expect(story).toMatchObject({ name: 'US guarantees for Ukraine', articleIds: [ids[0]] });

    const added = await ok('addToStory', { id: story.id, articleIds: [ids[1]!, ids[0]!, ids[2]!] });
    expect(added.articleIds).toEqual([ids[0], ids[1], ids[2]]);
    const removed = await ok('removeFromStory', { id: story.id, articleIds: [ids[1]!] });
    expect(removed.articleIds).toEqual([ids[0], ids[2]]);
    const renamed = await ok('renameStory', { id: story.id, name: 'Security guarantees' });
    expect(renamed.name).toBe('Security guarantees');

    const undoRename = await ok('undo', {});
    expect(undoRename).toMatchObject({
      done: true,
      articleId: null,
      label: 'rename story “US guarantees for Ukraine”',
    });
    expect(undoRename.change).toMatchObject({
      target: 'story',
      story: { name: 'US guarantees for Ukraine' },
    });
    await ok('undo', {});
    expect((await ok('listStories', {}))[0]!.articleIds).toEqual([ids[0], ids[1], ids[2]]);
    await ok('undo', {});
    expect((await ok('listStories', {}))[0]!.articleIds).toEqual([ids[0]]);
    const undoCreate = await ok('undo', {});
    expect(undoCreate.change).toEqual({ target: 'story', storyId: story.id, story: null });
    expect(await ok('listStories', {})).toEqual([]);

    await ok('redo', {});
    await ok('redo', {});
    expect(await ok('listStories', {})).toEqual([{ ...story, articleIds: [ids[0], ids[1], ids[2]] }]);
  });

  it('refuses a taken name, an empty change and an unknown article, changing nothing', async () => {
    const { ok, call, ids } = await library();
    const story = await ok('createStory', { name: 'Gaza ceasefire' });
    const taken = await call('createStory', { name: 'gaza CEASEFIRE' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const other = await ok('createStory', { name: 'Other' });
    expect(await call('renameStory', { id: other.id, name: 'Gaza ceasefire' })).toMatchObject({ ok: false });
    const unknown = await call('addToStory', { id: story.id, articleIds: [ids[0]!, 'a-not-there'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('addToStory', { id: 's-gone', articleIds: [ids[0]!] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await ok('listStories', {})).map((s) => [s.name, s.articleIds])).toEqual([
      ['Gaza ceasefire', []],
      ['Other', []],
    ]);
    // Adding what is already there, or removing what is not, records no step.
    await ok('addToStory', { id: story.id, articleIds: [ids[0]!] });
    await ok('addToStory', { id: story.id, articleIds: [ids[0]!] });
    await ok('removeFromStory', { id: story.id, articleIds: [ids[1]!] });
    expect((await ok('undo', {})).label).toBe('add an article to story “Gaza ceasefire”');
  });

  it('deletes a story undoably, and follows an article’s deletion and its undo', async () => {
    const { ok, ids } = await library();
    const story = await ok('createStory', { name: 'Elections', articleIds: [ids[0]!, ids[1]!] });
    await ok('deleteArticle', { id: ids[0]! });
    expect((await ok('listStories', {}))[0]!.articleIds).toEqual([ids[1]]);
    await ok('undo', {});
    expect((await ok('listStories', {}))[0]!.articleIds).toEqual([ids[0], ids[1]]);

    expect(await ok('deleteStory', { id: story.id })).toEqual({ id: story.id });
    expect(await ok('listStories', {})).toEqual([]);
    await ok('undo', {});
    expect(await ok('listStories', {})).toEqual([story]);
  });

  it('keeps stories and article tags on disk across a reopen', async () => {
    const { ok, core, dataDir, ids } = await library();
    const story = await ok('createStory', { name: 'Budget', articleIds: [ids[2]!] });
    const tagged = await ok('updateArticleMetadata', { id: ids[2]!, tags: [' energy ', 'EU', 'energy'] });
    expect(tagged.tags).toEqual(['energy', 'EU']);
    await core.close();

    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8'));
    expect(onDisk.stories).toEqual([{ ...story, articleIds: [ids[2]] }]);
    const reopened = await dispatchApp(dataDir);
    expect(await reopened.ok('listStories', {})).toEqual([story]);
    const summary = (await reopened.ok('listArticles', {})).find((article) => article.id === ids[2]);
    expect(summary?.tags).toEqual(['energy', 'EU']);
    expect((await reopened.ok('getArticle', { id: ids[2]! })).tags).toEqual(['energy', 'EU']);
    // Undo history survives too: the story's creation is still a step.
    const steps = [(await reopened.ok('undo', {})).label];
    expect(steps).toEqual(['create story “Budget”']);
  });
});
