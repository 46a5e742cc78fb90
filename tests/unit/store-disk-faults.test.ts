/**
 * Disk failures under a change, through the real dispatcher and store with
 * faults injected through the store's fs seam: the reply says what happened
 * and what was not saved (a typed `storage-failed`, never "failed
 * unexpectedly"); a change reported failed is not on disk, even after a later
 * write; one reported saved is. Also: a contract-valid request with an
 * explicit `undefined` field is served, not answered `internal`.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, type ApiMethod } from '../../src/shared/channels';
import type { ApiEnvelope } from '../../src/shared/api-error';
import type { ApiReply, ApiRequest } from '../../src/shared/contract';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { openLibraryStore } from '../../src/main/store/library-store';
import { replaceStoreFs, type StoreFs } from '../../src/main/store/store-fs';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const cores: AppCore[] = [];
let restoreFs: (() => void) | null = null;
afterEach(async () => {
  restoreFs?.();
  restoreFs = null;
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

/** Makes every temp-file open for writing whose target matches `target` fail with `code`. */
function failWrites(target: RegExp, code: string): void {
  restoreFs = replaceStoreFs((real) => ({
    open: (async (file: string, flags?: string) => {
      if (flags === 'w' && target.test(path.basename(String(file))))
        throw Object.assign(new Error(`${code}: simulated, open '${file}'`), { code, path: String(file) });
      return real.open(file, flags);
    }) as StoreFs['open'],
  }));
}

async function app() {
  const dir = await makeTempDir();
  const logged: unknown[] = [];
  const core = await startAppCore({ dataDir: dir, seedsDir: path.resolve('seeds'), backups: false });
  cores.push(core);
  const dispatch = createDispatcher(createHandlers(core), { logError: (error) => logged.push(error) });
  const call = async <M extends ApiMethod>(method: M, request: ApiRequest<M>) =>
    (await dispatch(channels[method], request)) as ApiEnvelope<ApiReply<M>>;
  const ok = async <M extends ApiMethod>(method: M, request: ApiRequest<M>) => {
    const envelope = await call(method, request);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
    return envelope.value;
  };
  const [article] = await ok('listArticles', {});
  return { dir, core, call, ok, logged, articleId: article!.id };
}

async function reopened(dir: string) {
  const store = await openLibraryStore({ dir, backups: false });
  try {
    return { annotations: store.annotations.bind(store), index: store.index() };
  } finally {
    await store.close();
  }
}

describe('a full disk', () => {
  it('fails a highlight with "The disk is full: the highlight was not saved", and it is never saved', async () => {
    const { dir, core, call, ok, articleId } = await app();
    failWrites(new RegExp(`^\\.${articleId}\\.json`), 'ENOSPC');
    const reply = await call('createHighlight', { articleId, start: 0, end: 5, categoryId: 'evidence' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(!reply.ok && reply.error.message).toMatch(/^The disk is full .*: the highlight was not saved\.$/);
    restoreFs!();
    restoreFs = null;

    // A later, successful write to the same file does not carry the failed change.
    await ok('setArticleNote', { articleId, text: 'saved after the disk was freed' });
    expect(core.store!.annotations(articleId).highlights).toEqual([]);
    await core.close();
    cores.length = 0;
    const after = await reopened(dir);
    expect(after.annotations(articleId).highlights).toEqual([]);
    expect(after.annotations(articleId).articleNote?.text).toBe('saved after the disk was freed');
  });

  it('under the history only still saves the note and says so truthfully', async () => {
    const { dir, core, ok, articleId } = await app();
    failWrites(/^\.operations\.json/, 'ENOSPC');
    expect(await ok('setArticleNote', { articleId, text: 'kept' })).toMatchObject({ note: { text: 'kept' } });
    restoreFs!();
    restoreFs = null;
    await core.close();
    cores.length = 0;
    expect((await reopened(dir)).annotations(articleId).articleNote?.text).toBe('kept');
  });
});

describe('a read-only disk and a refused permission', () => {
  it.each([
    ['EROFS', /^The library is on a read-only disk/],
    ['EACCES', /^Briefing Reader is not allowed to write/],
  ])('%s gives a clear message, not "failed unexpectedly"', async (code, message) => {
    const { call, articleId } = await app();
    failWrites(/\.json\./, code);
    const reply = await call('setArticleNote', { articleId, text: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(!reply.ok && reply.error.message).toMatch(message);
    expect(!reply.ok && reply.error.message).toMatch(/the note was not saved\.$/);
  });
});

describe('an explicit undefined field', () => {
  it.each([
    [
      'updateBriefing',
      (ids: { briefingId: string }) => ({ id: ids.briefingId, title: undefined, bluf: 'b' }),
    ],
    ['updateSettings', () => ({ theme: undefined })],
    [
      'updateArticleMetadata',
      (ids: { articleId: string }) => ({ id: ids.articleId, source: { url: undefined } }),
    ],
  ] as const)('in %s is served, not answered "internal"', async (method, request) => {
    const { ok, call, articleId } = await app();
    const briefing = await ok('createBriefing', { title: 'Kept title' });
    const reply = await call(method, request({ articleId, briefingId: briefing.id }) as never);
    expect(reply).toMatchObject({ ok: true });
    if (method === 'updateBriefing')
      expect(reply).toMatchObject({ value: { title: 'Kept title', bluf: 'b' } });
  });

  it('is treated as absent, not answered "internal"', async () => {
    const { ok, call, articleId } = await app();
    const created = await ok('createHighlight', { articleId, start: 0, end: 5, categoryId: 'evidence' });
    await ok('updateHighlight', { articleId, highlightId: created.highlight.id, note: 'first note' });
    const reply = await call('updateHighlight', {
      articleId,
      highlightId: created.highlight.id,
      note: undefined,
      tags: ['kept'],
    });
    expect(reply).toMatchObject({ ok: true, value: { highlight: { note: 'first note', tags: ['kept'] } } });
  });
});
