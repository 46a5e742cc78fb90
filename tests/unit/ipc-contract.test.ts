/**
 * Contract tests: every channel rejects malformed requests with a typed error and
 * no crash, and the dispatcher turns every failure into an envelope.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, channels, events, type ApiMethod } from '../../src/shared/channels';
import { apiErrorCodes } from '../../src/shared/api-error';
import { limits } from '../../src/shared/limits';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers';
import { buildApi } from '../../src/shared/build-api';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const seedsDir = path.resolve('seeds');
const oversizedId = 'a'.repeat(limits.idLength + 1);

/** Malformed requests that every method must refuse. */
const malformedForAll: unknown[] = ['a string', 42, true, ['an', 'array'], { unexpectedField: 1 }];

/** Malformed requests particular to each method; the Record type makes a new method add its own. */
const malformedByMethod: Record<ApiMethod, unknown[]> = {
  getStatus: [],
  listArticles: [{ limit: 10 }],
  getArticle: [{}, { id: 5 }, { id: null }, { id: '' }, { id: oversizedId }, { id: 'a', extra: true }],
  getSettings: [],
  updateSettings: [
    { theme: 'purple' },
    { theme: 1 },
    { theme: 'x'.repeat(100_000) },
    { fontSize: 12 },
    { library: { sort: 'colour' } },
  ],
  updateArticleMetadata: [
    {},
    { id: 'a-1', title: '' },
    { id: 'a-1', title: 'x'.repeat(limits.titleLength + 1) },
    { id: 'a-1', title: 42 },
    { id: 'a-1', source: { url: 'javascript:alert(1)' } },
    { id: 'a-1', source: { url: 'file:///etc/passwd' } },
    { id: 'a-1', source: { publishedAt: 'last Tuesday' } },
    { id: 'a-1', source: { outlet: 'x'.repeat(limits.metadataLength + 1) } },
    { id: 'a-1', source: { colour: 'red' } },
    { id: 'a-1', tags: ['ok', ''] },
    { id: 'a-1', tags: ['two\nlines'] },
    { id: 'a-1', tags: Array.from({ length: limits.tagsPerArticle + 1 }, (_, n) => `t${n}`) },
  ],
  deleteArticle: [{}, { id: 7 }, { id: oversizedId }],
  setLineChoice: [
    {},
    { id: 'a-1', line: 0, choice: 'restore' },
    { id: 'a-1', line: 2.5, choice: 'remove' },
    { id: 'a-1', line: 3, choice: 'delete' },
    { id: 'a-1', line: 3, choice: 'restore', extra: true },
  ],
  importFiles: [
    {},
    { files: [] },
    { files: [{ name: 'a.txt', bytes: 'not bytes' }] },
    { files: [{ name: '', bytes: new Uint8Array([65]) }] },
    { files: [{ name: 'big.txt', bytes: new Uint8Array(limits.importBytes + 1) }] },
    {
      files: Array.from({ length: limits.filesPerImport + 1 }, (_, n) => ({
        name: `${n}.txt`,
        bytes: new Uint8Array([65]),
      })),
    },
  ],
  pickImportFiles: [{ path: '/etc' }],
  createHighlight: [
    {},
    { articleId: 'a-1', start: 5, end: 5, categoryId: 'evidence' },
    { articleId: 'a-1', start: 9, end: 3, categoryId: 'evidence' },
    { articleId: 'a-1', start: -1, end: 3, categoryId: 'evidence' },
    { articleId: 'a-1', start: 1.5, end: 3, categoryId: 'evidence' },
    { articleId: 'a-1', start: 0, end: limits.maxOffset + 1, categoryId: 'evidence' },
    { articleId: 'a-1', start: 0, end: 3 },
    { articleId: 'a-1', start: '0', end: 3, categoryId: 'evidence' },
  ],
  updateHighlight: [
    { articleId: 'a-1' },
    { articleId: 'a-1', highlightId: 'h', note: 'x'.repeat(limits.noteLength + 1) },
    { articleId: 'a-1', highlightId: 'h', tags: ['ok', ''] },
    { articleId: 'a-1', highlightId: 'h', tags: ['x'.repeat(limits.tagLength + 1)] },
    { articleId: 'a-1', highlightId: 'h', tags: ['two\nlines'] },
    {
      articleId: 'a-1',
      highlightId: 'h',
      tags: Array.from({ length: limits.tagsPerHighlight + 1 }, (_, n) => `t${n}`),
    },
    { articleId: 'a-1', highlightId: 'h', reattach: { start: 4, end: 2 } },
    { articleId: 'a-1', highlightId: 'h', colour: 'red' },
  ],
  deleteHighlight: [{ articleId: 'a-1' }, { highlightId: 'h' }, { articleId: 'a-1', highlightId: 7 }],
  setArticleNote: [
    { articleId: 'a-1' },
    { articleId: 'a-1', text: 5 },
    { articleId: 'a-1', text: 'x'.repeat(limits.noteLength + 1) },
  ],
  listHighlights: [
    { articleId: 'a-1' },
    {
      categoryId: null,
      tag: null,
      storyId: null,
      text: '',
      offset: 0,
      limit: limits.highlightRowsPerPage + 1,
    },
    { categoryId: null, tag: null, storyId: null, text: '', offset: -1, limit: 10 },
    {
      categoryId: null,
      tag: null,
      storyId: null,
      text: 'x'.repeat(limits.highlightFilterLength + 1),
      offset: 0,
      limit: 10,
    },
  ],
  listTags: [{ prefix: 'n' }],
  undo: [{ steps: 2 }],
  redo: [{ steps: 2 }],
  openExternal: [{}, { url: 5 }, { url: 'x'.repeat(limits.urlLength + 1) }],
  listBriefings: [{ sort: 'date' }],
  createBriefing: [{ title: 5 }, { title: 'x'.repeat(limits.titleLength + 1) }, { template: '' }],
  getBriefing: [{}, { id: 3 }, { id: oversizedId }],
  updateBriefing: [
    { id: 'b-1', date: 'yesterday' },
    { id: 'b-1', title: '' },
    { id: 'b-1', bluf: 'x'.repeat(limits.noteLength + 1) },
    { id: 'b-1', colour: 'red' },
  ],
  setBriefingSections: [
    { id: 'b-1' },
    { id: 'b-1', sections: [{ id: 's', title: 'T', categoryId: null }] },
    {
      id: 'b-1',
      sections: [
        { id: 's', title: 'T', categoryId: null, items: [{ id: 'i', articleId: 'a-1', highlightId: 'h' }] },
      ],
    },
  ],
  addToBriefing: [{ briefingId: 'b-1' }, { briefingId: 'b-1', articleId: 'a-1', highlightId: 7 }],
  deleteBriefing: [{}, { id: 9 }],
  exportBriefing: [{ id: 'b-1' }, { id: 'b-1', format: 'rtf' }, { id: 'b-1', format: 'pdf', pageSize: 'A3' }],
  previewBriefing: [{}, { id: 5 }, { id: 'b-1', format: 'html' }],
  listBriefingMemberships: [{ id: 'b-1' }],
  clipBriefingPart: [
    { id: 'b-1' },
    { id: 'b-1', highlightId: 'h', sectionId: 's' },
    { id: 'b-1', sectionId: '' },
  ],
  listBriefingTemplates: [{ extra: 1 }],
  saveBriefingTemplate: [{ id: 'b-1' }, { id: 'b-1', name: 5 }],
  openExportedFile: [{}, { path: 5 }],
  showExportedFile: [{}, { path: 'x'.repeat(5000) }],
  getExportTarget: [{ folder: '/tmp' }],
  setExportFolder: [{}, { folder: '' }, { folder: 5 }, { folder: 'x'.repeat(5000) }],
  articleUsage: [{}, { id: 7 }, { id: oversizedId }],
  setReadingPosition: [
    { articleId: 'a-1', offset: 0 },
    { articleId: 'a-1', offset: -1, progress: 0.5 },
    { articleId: 'a-1', offset: 3, progress: 1.5 },
    { articleId: 'a-1', offset: 3, progress: 0.5, read: true },
  ],
  setArticleRead: [{ articleId: 'a-1' }, { articleId: 'a-1', read: 'yes' }],
  listStories: [{ id: 's-1' }],
  createStory: [
    {},
    { name: '' },
    { name: '   ' },
    { name: 'x'.repeat(limits.storyNameLength + 1) },
    { name: 'S', articleIds: [5] },
  ],
  renameStory: [{ id: 's-1' }, { id: 's-1', name: '' }, { id: oversizedId, name: 'S' }],
  deleteStory: [{}, { id: 5 }],
  addToStory: [
    { id: 's-1' },
    { id: 's-1', articleIds: [] },
    { id: 's-1', articleIds: [oversizedId] },
    { id: 's-1', articleIds: Array.from({ length: limits.articlesPerStoryChange + 1 }, (_, n) => `a-${n}`) },
  ],
  removeFromStory: [{ id: 's-1' }, { id: 's-1', articleIds: [''] }],
  search: [{}, { query: 7 }, { query: 'x'.repeat(20_001) }, { query: 'a', limit: 5 }],
  analyzeStory: [{}, { storyId: '' }, { storyId: 's-1', extra: 1 }],
  setEntityChoices: [
    { storyId: 's-1' },
    { storyId: 's-1', choices: { merges: [['only one']], splits: [], renames: {} } },
    { storyId: 's-1', choices: { merges: [], splits: [''], renames: {} } },
    { storyId: 's-1', choices: { merges: [], splits: [], renames: { Trump: '' } } },
  ],
  suggestStories: [{}, { articleIds: [] }, { articleIds: [3] }],
  addSourcesCompared: [
    {},
    { briefingId: 'b-1' },
    { briefingId: '', storyId: 's-1' },
    { briefingId: 'b-1', storyId: 's-1', extra: 1 },
  ],
  importPickedFile: [{}, { token: '' }, { token: 'x'.repeat(limits.idLength + 1) }, { token: 5 }],
  importFromAddress: [
    {},
    { url: '' },
    { url: 'x'.repeat(limits.urlLength + 1) },
    { url: 5 },
    { url: 'https://a.test/', extra: 1 },
  ],
  importClipboard: [{ html: 5 }, { text: 'x'.repeat(limits.importBytes + 1) }, { text: 'a', other: true }],
  importSystemClipboard: [{ requestId: '' }, { requestId: 5 }, { other: 1 }],
  cancelImport: [{}, { requestId: '' }, { requestId: 'x'.repeat(65) }],
  listArticlePage: [
    {},
    { view: null, offset: 0 },
    { view: null, offset: -1, limit: 10 },
    { view: null, offset: 0, limit: 0 },
    { view: null, offset: 0, limit: limits.articleRowsPerPage + 1 },
    { view: { sort: 'colour' }, offset: 0, limit: 10 },
    { view: null, offset: 0, limit: 10, extra: true },
  ],
  startWindow: [
    {},
    { firstPageRows: 0 },
    { firstPageRows: 1.5 },
    { firstPageRows: limits.articleRowsPerPage + 1 },
    { firstPageRows: 30, extra: true },
  ],
};

const started: AppCore[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((core) => core.close()));
});

async function startCore(dataDir: string): Promise<AppCore> {
  const core = await startAppCore({ dataDir, seedsDir, backups: false });
  started.push(core);
  return core;
}

async function readyCore(): Promise<AppCore> {
  return startCore(await makeTempDir());
}

describe('request validation', () => {
  for (const method of apiMethods) {
    const cases = [...malformedForAll, ...malformedByMethod[method]];
    it.each(cases.map((payload) => [JSON.stringify(payload).slice(0, 40), payload]))(
      `${method} refuses %s with invalid-request`,
      async (_label, payload) => {
        const logError = vi.fn();
        const dispatch = createDispatcher(createHandlers(await readyCore()), { logError });
        const envelope = await dispatch(channels[method], payload);
        expect(envelope.ok).toBe(false);
        if (!envelope.ok) {
          expect(envelope.error.code).toBe('invalid-request');
          expect(envelope.error.message).toContain(method);
          expect(envelope.error.issues?.length).toBeGreaterThan(0);
        }
        expect(logError).not.toHaveBeenCalled();
      },
    );
  }

  it('refuses a channel outside the contract', async () => {
    const dispatch = createDispatcher(createHandlers(await readyCore()));
    const envelope = await dispatch('fs:readFile', { path: '/etc/passwd' });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Unknown channel "fs:readFile".' },
    });
  });

  it('still answers well-formed requests after a run of malformed ones', async () => {
    const dispatch = createDispatcher(createHandlers(await readyCore()));
    for (const payload of malformedForAll) await dispatch(channels.getArticle, payload);
    const envelope = await dispatch(channels.listArticles, {});
    expect(envelope.ok && Array.isArray(envelope.value) && envelope.value.length).toBe(5);
  });
});

describe('typed failures', () => {
  it('reports an unknown article id as not-found', async () => {
    const dispatch = createDispatcher(createHandlers(await readyCore()));
    const envelope = await dispatch(channels.getArticle, { id: 'a-0000000000000000' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reports store-unavailable from every store-backed method when the store failed to open', async () => {
    const core: AppCore = {
      store: null,
      services: null,
      status: { state: 'failed', storePath: '/x/store', reason: 'It was written by a newer version.' },
      close: async () => {},
    };
    const dispatch = createDispatcher(createHandlers(core));
    expect(await dispatch(channels.getStatus, {})).toEqual({ ok: true, value: core.status });
    // The window's start answers the status alone, so the page can say why.
    expect(await dispatch(channels.startWindow, { firstPageRows: 30 })).toEqual({
      ok: true,
      value: { status: core.status, settings: null, stories: [], firstPage: null },
    });
    for (const method of ['listArticles', 'getSettings'] as const) {
      expect(await dispatch(channels[method], {})).toMatchObject({
        ok: false,
        error: { code: 'store-unavailable' },
      });
    }
  });

  it('hides an unexpected handler error behind internal and logs it', async () => {
    const handlers = createHandlers(await readyCore());
    const broken: Handlers = {
      ...handlers,
      listArticles: () => {
        throw new TypeError('secret detail');
      },
    };
    const logError = vi.fn();
    const envelope = await createDispatcher(broken, { logError })(channels.listArticles, {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('secret detail');
    expect(logError).toHaveBeenCalledOnce();
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const handlers = createHandlers(await readyCore());
    const lying = { ...handlers, getSettings: () => ({ theme: 'neon' }) } as unknown as Handlers;
    const logError = vi.fn();
    const envelope = await createDispatcher(lying, { logError })(channels.getSettings, {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('uses only the declared error codes', async () => {
    const dispatch = createDispatcher(createHandlers(await readyCore()), { logError: () => {} });
    const envelopes = await Promise.all([
      dispatch('nope', {}),
      dispatch(channels.getArticle, { id: 'missing' }),
      dispatch(channels.updateSettings, { theme: 'x' }),
    ]);
    for (const envelope of envelopes) {
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(apiErrorCodes).toContain(envelope.error.code);
    }
  });
});

describe('the preload api', () => {
  it('has exactly one function per contract method, each sending on its own channel', async () => {
    const sent: [string, unknown][] = [];
    const api = buildApi(
      async (channel, request) => {
        sent.push([channel, request]);
        return { ok: true, value: null };
      },
      () => () => {},
    );
    expect(Object.keys(api).sort()).toEqual([...apiMethods, ...Object.keys(events)].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.getArticle({ id: 'a-1' });
    await api.listArticles({});
    expect(sent).toEqual([
      [channels.getArticle, { id: 'a-1' }],
      [channels.listArticles, {}],
    ]);
  });

  it('updates settings through the contract and keeps them on disk', async () => {
    const dataDir = await makeTempDir();
    const first = await startCore(dataDir);
    const dispatch = createDispatcher(createHandlers(first));
    expect(await dispatch(channels.updateSettings, { theme: 'dark' })).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
    await first.close();
    const reopened = createDispatcher(createHandlers(await startCore(dataDir)));
    expect(await reopened(channels.getSettings, {})).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});
