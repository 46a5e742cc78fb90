/**
 * The reader restores a line that cleaning removed, or removes a body line,
 * through the IPC dispatcher on a real store: the article is structured again,
 * highlights follow their words (or become orphans when their words left the
 * body), the choice survives a restart, and bad requests get a clear error.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, type ApiMethod } from '../../src/shared/channels';
import type { ApiEnvelope } from '../../src/shared/api-error';
import type { ApiReply, ApiRequest } from '../../src/shared/contract';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function app(dir: string) {
  const core = await startAppCore({ dataDir: dir, seedsDir: path.resolve('seeds'), backups: false });
  cores.push(core);
  const dispatch = createDispatcher(createHandlers(core));
  const call = async <M extends ApiMethod>(method: M, request: ApiRequest<M>) =>
    (await dispatch(channels[method], request)) as ApiEnvelope<ApiReply<M>>;
  const ok = async <M extends ApiMethod>(method: M, request: ApiRequest<M>) => {
    const envelope = await call(method, request);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
    return envelope.value;
  };
  const articles = await ok('listArticles', {});
  const id = articles.find((article) => article.sourceFile === '000_8df5f48e4ac51fc5.txt')!.id;
  return { core, call, ok, id };
}

const bodyText = (article: ApiReply<'getArticle'>) =>
  article.blocks.map((block) => ('text' in block ? block.text : '')).join('\n\n');

type Ok = Awaited<ReturnType<typeof app>>['ok'];

/** Highlights the first `phrase` in the article's body; resolves to its start offset. */
async function highlightPhrase(ok: Ok, id: string, article: ApiReply<'getArticle'>, phrase: string) {
  const text = bodyText(article);
  const start = [...text.slice(0, text.indexOf(phrase))].length;
  await ok('createHighlight', {
    articleId: id,
    start,
    end: start + [...phrase].length,
    categoryId: 'evidence',
  });
  return start;
}

describe('restoring and removing lines', () => {
  it('puts a removed line back, moves highlights with their words, and keeps the choice after a restart', async () => {
    const dir = await makeTempDir();
    const { ok, id, core } = await app(dir);
    const before = await ok('getArticle', { id });
    const removed = before.removed.find(
      (line) => line.text === 'Mick Wallace’s NATO Debate and European Security Discussion',
    )!;
    expect(bodyText(before)).not.toContain(removed.text);

    const phrase = 'burden sharing within the alliance';
    await highlightPhrase(ok, id, before, phrase);

    const after = await ok('setLineChoice', { id, line: removed.line, choice: 'restore' });
    expect(bodyText(after)).toContain(removed.text);
    expect(after.removed.map((line) => line.line)).not.toContain(removed.line);
    expect(after.highlights).toHaveLength(1);
    expect(after.highlights[0]).toMatchObject({ exact: phrase, orphaned: false });

    await core.close();
    cores.splice(cores.indexOf(core), 1);
    const reopened = await app(dir);
    expect(bodyText(await reopened.ok('getArticle', { id }))).toContain(removed.text);
  });

  it('takes a body line out, keeps it among the removed lines, and orphans a highlight on it', async () => {
    const { ok, id } = await app(await makeTempDir());
    const before = await ok('getArticle', { id });
    const paragraph = before.blocks.find(
      (block) => block.kind === 'paragraph' && block.text.startsWith('Trump’s position'),
    )!;
    if (paragraph.kind !== 'paragraph') throw new Error('no paragraph');
    const text = bodyText(before);
    const start = [...text.slice(0, text.indexOf(paragraph.text))].length;
    await ok('createHighlight', { articleId: id, start, end: start + 20, categoryId: 'evidence' });

    const after = await ok('setLineChoice', { id, line: paragraph.lines[0]!, choice: 'remove' });
    expect(bodyText(after)).not.toContain(paragraph.text);
    expect(after.removed).toContainEqual(
      expect.objectContaining({
        line: paragraph.lines[0],
        text: paragraph.text,
        reason: 'removed by the reader',
      }),
    );
    expect(after.highlights[0]).toMatchObject({ orphaned: true });
  });

  it('removes a whole paragraph in one step that undo puts back and redo takes out again', async () => {
    const { ok, id } = await app(await makeTempDir());
    const before = await ok('getArticle', { id });
    const at = before.blocks.findIndex(
      (block) => block.kind === 'paragraph' && block.text.startsWith('Trump’s position'),
    );
    const [paragraph, next] = before.blocks.slice(at, at + 2);
    if (paragraph?.kind !== 'paragraph' || !next || next.kind !== 'paragraph')
      throw new Error('no paragraphs');
    const lines = [...paragraph.lines, ...next.lines];
    // A phrase in a paragraph before the two removed: its words stay in the body.
    const later = before.blocks.slice(0, at).findLast((block) => block.kind === 'paragraph')!;
    if (later.kind !== 'paragraph') throw new Error('no earlier paragraph');
    const phrase = later.text.split(' ').slice(0, 5).join(' ');
    const start = await highlightPhrase(ok, id, before, phrase);

    const [line, ...more] = lines;
    const removed = await ok('setLineChoice', { id, line: line!, lines: more, choice: 'remove' });
    expect(bodyText(removed)).not.toContain(paragraph.text);
    expect(bodyText(removed)).not.toContain(next.text);
    for (const each of lines) expect(removed.removed.map((entry) => entry.line)).toContain(each);
    // The highlight elsewhere keeps its words in the shorter body.
    const moved = removed.highlights[0]!;
    expect(moved).toMatchObject({ exact: phrase, orphaned: false });
    expect([...bodyText(removed)].slice(moved.start, moved.end).join('')).toBe(phrase);

    const undone = await ok('undo', {});
    expect(undone).toMatchObject({ done: true, label: `remove ${lines.length} lines from the article` });
    if (undone.change?.target !== 'article-view') throw new Error('not an article change');
    expect(bodyText(undone.change.article)).toBe(bodyText(before));
    expect(bodyText(await ok('getArticle', { id }))).toBe(bodyText(before));
    expect(undone.change.article.highlights[0]).toMatchObject({ exact: phrase, orphaned: false, start });

    const redone = await ok('redo', {});
    if (redone.change?.target !== 'article-view') throw new Error('not an article change');
    expect(bodyText(redone.change.article)).toBe(bodyText(removed));
  });

  it('refuses a line that is not removed (restore) or not in the body (remove)', async () => {
    const { call, id } = await app(await makeTempDir());
    const restore = await call('setLineChoice', { id, line: 1, choice: 'restore' });
    expect(restore).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not among the removed lines/) },
    });
    const remove = await call('setLineChoice', { id, line: 3, choice: 'remove' });
    expect(remove).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not in the article body/) },
    });
    const body = (await call('getArticle', { id })) as ApiEnvelope<ApiReply<'getArticle'>>;
    if (!body.ok) throw new Error('getArticle failed');
    const bodyLine = body.value.blocks[0]!.lines[0]!;
    // One line that is not in the body refuses the whole step: nothing is removed.
    const mixed = await call('setLineChoice', { id, line: bodyLine, lines: [3], choice: 'remove' });
    expect(mixed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Line 3 is not/) } });
    const after = (await call('getArticle', { id })) as ApiEnvelope<ApiReply<'getArticle'>>;
    expect(after.ok && after.value.blocks[0]!.lines).toEqual(body.value.blocks[0]!.lines);
  });
});
