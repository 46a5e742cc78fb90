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
    const text = bodyText(before);
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    await ok('createHighlight', {
      articleId: id,
      start,
      end: start + [...phrase].length,
      categoryId: 'evidence',
    });

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
  });
});
