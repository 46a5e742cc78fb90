/**
 * Every change replies with what it changed, so the renderer patches instead of
 * reloading: highlight and note changes carry the article's new summary and the
 * new state of what they touched; undo and redo say which target changed and
 * its state. Also: history steps are serialised (two undos in flight undo two
 * steps), a missing article text fails with one code from every method that
 * reads it, and adding a highlight a briefing already has is not an error.
 */
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

async function app(dataDir?: string) {
  const dir = dataDir ?? (await makeTempDir());
  const { core, call, ok } = await dispatchApp(dir);
  const articleId = (await ok('listArticles', {})).find(
    (article) => article.sourceFile === '002_fcb9d55784e1e080.txt',
  )!.id;
  const text = await core.store!.readArticle(articleId).then(
    (article) => article.cleaned.text,
    () => '',
  );
  const rangeOf = (phrase: string) => {
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    return { start, end: start + [...phrase].length };
  };
  return { dir, core, call, ok, articleId, rangeOf };
}

describe('mutation replies', () => {
  it('carry the changed highlight and the article summary, never the article', async () => {
    const { ok, articleId, rangeOf } = await app();
    const created = await ok('createHighlight', {
      articleId,
      ...rangeOf('a peace deal remains elusive'),
      categoryId: 'evidence',
    });
    expect(created.change).toMatchObject({
      articleId,
      summary: { id: articleId, highlightCount: 1, noteCount: 0 },
      highlights: [{ id: created.highlight.id, exact: 'a peace deal remains elusive' }],
      removedHighlightIds: [],
    });
    expect(created.change).not.toHaveProperty('articleNote');
    expect(created.change).not.toHaveProperty('blocks');

    const noted = await ok('updateHighlight', {
      articleId,
      highlightId: created.highlight.id,
      note: 'Why it matters',
    });
    expect(noted.change.summary).toMatchObject({ highlightCount: 1, noteCount: 1 });
    expect(noted.change.highlights[0]!.note).toBe('Why it matters');

    const note = await ok('setArticleNote', { articleId, text: 'The article in one line.' });
    expect(note.change).toMatchObject({
      articleNote: { text: 'The article in one line.' },
      summary: { noteCount: 2 },
      highlights: [],
    });

    const deleted = await ok('deleteHighlight', { articleId, highlightId: created.highlight.id });
    expect(deleted.change).toMatchObject({
      removedHighlightIds: [created.highlight.id],
      highlights: [],
      summary: { highlightCount: 0, noteCount: 1 },
    });
    expect(JSON.stringify(deleted).length).toBeLessThan(1500);
  });

  it('undo and redo report which target changed and its new state', async () => {
    const { ok, articleId, rangeOf } = await app();
    const created = await ok('createHighlight', {
      articleId,
      ...rangeOf('a peace deal remains elusive'),
      categoryId: 'evidence',
    });
    const undone = await ok('undo', {});
    expect(undone).toMatchObject({
      done: true,
      articleId,
      change: {
        target: 'annotations',
        change: { removedHighlightIds: [created.highlight.id], summary: { highlightCount: 0 } },
      },
    });
    const redone = await ok('redo', {});
    expect(redone.change).toMatchObject({
      target: 'annotations',
      change: { highlights: [{ id: created.highlight.id }], summary: { highlightCount: 1 } },
    });

    const briefing = await ok('createBriefing', { title: 'Before' });
    await ok('updateBriefing', { id: briefing.id, title: 'After' });
    expect((await ok('undo', {})).change).toMatchObject({
      target: 'briefing',
      briefingId: briefing.id,
      briefing: { title: 'Before' },
    });
    expect((await ok('undo', {})).change).toEqual({
      target: 'briefing',
      briefingId: briefing.id,
      briefing: null,
    });
  });

  it('two undo requests in flight undo two steps, in order, never one step twice', async () => {
    const { ok, articleId, rangeOf, core } = await app();
    const ids: string[] = [];
    for (const phrase of ['a peace', 'deal remains', 'elusive'])
      ids.push(
        (await ok('createHighlight', { articleId, ...rangeOf(phrase), categoryId: 'quote' })).highlight.id,
      );
    const [first, second] = await Promise.all([ok('undo', {}), ok('undo', {})]);
    expect(first.change).toMatchObject({ change: { removedHighlightIds: [ids[2]] } });
    expect(second.change).toMatchObject({ change: { removedHighlightIds: [ids[1]] } });
    expect(core.store!.annotations(articleId).highlights.map((h) => h.id)).toEqual([ids[0]]);
    expect(core.store!.operations().undo).toHaveLength(1);
    expect(core.store!.operations().redo).toHaveLength(2);

    const [again, more] = await Promise.all([ok('redo', {}), ok('redo', {})]);
    expect([again.done, more.done]).toEqual([true, true]);
    expect(core.store!.annotations(articleId).highlights.map((h) => h.id)).toEqual(ids);
  });

  it('adding a highlight the briefing already holds changes nothing and is not an error', async () => {
    const { ok, articleId, rangeOf } = await app();
    const { highlight } = await ok('createHighlight', {
      articleId,
      ...rangeOf('a peace deal remains elusive'),
      categoryId: 'evidence',
    });
    const briefing = await ok('createBriefing', {});
    const once = await ok('addToBriefing', { briefingId: briefing.id, articleId, highlightId: highlight.id });
    const twice = await ok('addToBriefing', {
      briefingId: briefing.id,
      articleId,
      highlightId: highlight.id,
    });
    expect([once.added, twice.added]).toEqual([true, false]);
    expect(twice.briefing.sections.flatMap((section) => section.items)).toHaveLength(1);
  });
});

describe('a missing article text', () => {
  it('fails with the same code from every method that reads it', async () => {
    const dir = await makeTempDir();
    const first = await app(dir);
    const { highlight } = await first.ok('createHighlight', {
      articleId: first.articleId,
      ...first.rangeOf('a peace deal remains elusive'),
      categoryId: 'evidence',
    });
    await first.core.close();
    await rm(storeLayout(dir).articleFile(first.articleId));
    // The import's own copy would restore it on open (see store-recovery): take that away too.
    await rm(storeLayout(dir).articleBackupFile(first.articleId), { force: true });
    const { call, articleId } = await app(dir);
    const replies = [
      await call('getArticle', { id: articleId }),
      await call('createHighlight', { articleId, start: 0, end: 4, categoryId: 'evidence' }),
      await call('updateHighlight', { articleId, highlightId: highlight.id, reattach: { start: 0, end: 4 } }),
    ];
    for (const reply of replies) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });
      if (!reply.ok) expect(reply.error.message).toMatch(/missing/);
    }
  });
});
