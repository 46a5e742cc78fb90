/**
 * Briefings through the IPC dispatcher on a real store: the skeleton, adding
 * highlights (placed by category), rearranging, sources numbered in order,
 * damaged sources marked, undo, export through the save dialog and the
 * command line's list and export.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, type ApiMethod } from '../../src/shared/channels';
import type { ApiEnvelope } from '../../src/shared/api-error';
import type { ApiReply, ApiRequest } from '../../src/shared/contract';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers, noServices } from '../../src/main/ipc/handlers';
import { sectionInputs } from '../../src/renderer/src/lib/briefing-sections';
import { tempDirs } from './temp-dir';

const run = promisify(execFile);
const makeTempDir = tempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function app() {
  const dir = await makeTempDir();
  const storeDir = path.join(dir, 'store');
  const core = await startAppCore({ dataDir: storeDir, seedsDir: path.resolve('seeds'), backups: false });
  cores.push(core);
  const exportPaths: string[] = [];
  const dispatch = createDispatcher(
    createHandlers(core, { ...noServices, pickExportPath: async () => exportPaths.shift() ?? null }),
  );
  async function ok<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiReply<M>> {
    const envelope = (await dispatch(channels[method], request)) as ApiEnvelope<ApiReply<M>>;
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value;
  }
  const articles = await ok('listArticles', {});
  const idOf = (file: string) => articles.find((a) => a.sourceFile === file)!.id;
  const highlight = async (file: string, phrase: string, categoryId: string) => {
    const view = await ok('getArticle', { id: idOf(file) });
    const text = view.blocks
      .flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.text) : 'text' in b ? [b.text] : []))
      .join('\n\n');
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    return {
      articleId: idOf(file),
      highlight: (
        await ok('createHighlight', {
          articleId: idOf(file),
          start,
          end: start + [...phrase].length,
          categoryId,
        })
      ).highlight,
    };
  };
  return { dir, storeDir, core, ok, highlight, exportPaths };
}

describe('composing', () => {
  it('starts from a skeleton, places highlights by category, numbers sources in order and marks damaged ones', async () => {
    const { ok, highlight } = await app();
    const briefing = await ok('createBriefing', { title: 'Where the guarantees stand' });
    expect(briefing.sections.map((s) => s.title)).toEqual([
      'Key judgments',
      'Evidence',
      'Counterpoints',
      'Open questions',
      'Quotes',
    ]);
    const a = await highlight('002_fcb9d55784e1e080.txt', 'a peace deal remains elusive', 'counterpoint');
    const b = await highlight('001_65831639b4f4e14b.txt', 'Humanitarian agencies have said', 'evidence');
    await ok('addToBriefing', {
      briefingId: briefing.id,
      articleId: a.articleId,
      highlightId: a.highlight.id,
    });
    const { briefing: added } = await ok('addToBriefing', {
      briefingId: briefing.id,
      articleId: b.articleId,
      highlightId: b.highlight.id,
    });
    expect(added.sections[2]!.items[0]).toMatchObject({
      excerpt: 'a peace deal remains elusive',
      sourceNumber: 2,
    });
    expect(added.sections[1]!.items[0]).toMatchObject({
      excerpt: 'Humanitarian agencies have said',
      sourceNumber: 1,
      damagedSource: true,
    });
    expect(added.sources.map((s) => [s.number, s.damaged])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('says which briefings hold each highlight, and forgets a briefing once deleted', async () => {
    const { ok, highlight } = await app();
    const morning = await ok('createBriefing', { title: 'Morning' });
    const evening = await ok('createBriefing', { title: 'Evening' });
    const a = await highlight('002_fcb9d55784e1e080.txt', 'a peace deal remains elusive', 'counterpoint');
    const b = await highlight('001_65831639b4f4e14b.txt', 'Humanitarian agencies have said', 'evidence');
    expect(await ok('listBriefingMemberships', {})).toEqual({});
    for (const target of [morning, evening])
      await ok('addToBriefing', {
        briefingId: target.id,
        articleId: a.articleId,
        highlightId: a.highlight.id,
      });
    await ok('addToBriefing', {
      briefingId: evening.id,
      articleId: b.articleId,
      highlightId: b.highlight.id,
    });
    expect(await ok('listBriefingMemberships', {})).toEqual({
      [a.highlight.id]: [morning.id, evening.id],
      [b.highlight.id]: [evening.id],
    });
    await ok('deleteBriefing', { id: evening.id });
    expect(await ok('listBriefingMemberships', {})).toEqual({ [a.highlight.id]: [morning.id] });
  });

  it('rearranges sections and items, keeps commentary, and undoes a change', async () => {
    const { ok, highlight } = await app();
    const briefing = await ok('createBriefing', {});
    const a = await highlight('002_fcb9d55784e1e080.txt', 'a peace deal remains elusive', 'key-judgment');
    let { briefing: view } = await ok('addToBriefing', {
      briefingId: briefing.id,
      articleId: a.articleId,
      highlightId: a.highlight.id,
    });
    const sections = sectionInputs(view);
    const [first, second] = sections;
    second!.items.push({ ...first!.items[0]!, commentary: 'Moved here, with a comment.' });
    first!.items = [];
    second!.title = 'What we know';
    view = await ok('setBriefingSections', {
      id: briefing.id,
      sections: [second!, first!, ...sections.slice(2)],
    });
    expect(view.sections[0]).toMatchObject({
      title: 'What we know',
      items: [{ commentary: 'Moved here, with a comment.' }],
    });
    await ok('undo', {});
    expect((await ok('getBriefing', { id: briefing.id })).sections[0]!.title).toBe('Key judgments');
  });
});

describe('exporting', () => {
  it('writes where the save dialog says, remembers the folder, and reports a cancel', async () => {
    const { ok, dir, exportPaths, core } = await app();
    const briefing = await ok('createBriefing', { title: 'Short note' });
    expect(await ok('exportBriefing', { id: briefing.id, format: 'md' })).toEqual({ status: 'cancelled' });
    exportPaths.push(path.join(dir, 'note.md'));
    const saved = await ok('exportBriefing', { id: briefing.id, format: 'md' });
    expect(saved).toMatchObject({ status: 'saved', path: path.join(dir, 'note.md') });
    expect(await readFile(path.join(dir, 'note.md'), 'utf8')).toContain('# Short note');
    expect(core.store!.briefings().lastExportFolder).toBe(dir);
  });

  it('refuses to open a file it did not export', async () => {
    const { core } = await app();
    const dispatch = createDispatcher(createHandlers(core));
    expect(await dispatch(channels.openExportedFile, { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

// Each case starts the command (tsx compiling the core) as child processes: seconds each on a loaded machine.
describe('the command line', { timeout: 60_000 }, () => {
  it('lists briefings and exports one by title', async () => {
    const { ok, highlight, storeDir, dir, core } = await app();
    const briefing = await ok('createBriefing', { title: 'CLI briefing' });
    const a = await highlight('002_fcb9d55784e1e080.txt', 'a peace deal remains elusive', 'key-judgment');
    await ok('addToBriefing', {
      briefingId: briefing.id,
      articleId: a.articleId,
      highlightId: a.highlight.id,
    });
    await core.close();

    const list = await run(process.execPath, ['bin/briefing.mjs', 'list', '--db', storeDir]);
    expect(list.stdout).toContain(`${briefing.id}\t`);
    expect(list.stdout).toContain('1 items\tCLI briefing');
    const out = path.join(dir, 'cli.html');
    const exported = await run(process.execPath, [
      'bin/briefing.mjs',
      'export',
      '--db',
      storeDir,
      '--briefing',
      'CLI briefing',
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(exported.stdout).toContain(`Wrote ${out}`);
    expect(await readFile(out, 'utf8')).toContain('a peace deal remains elusive');

    const refused = await run(process.execPath, [
      'bin/briefing.mjs',
      'export',
      '--db',
      storeDir,
      '--briefing',
      'CLI briefing',
      '--format',
      'pdf',
      '--out',
      out,
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('PDF needs the app') });
  });

  it('reads a store the app holds open without writing it or touching its lock', async () => {
    const { storeDir } = await app();
    const lock = await readFile(path.join(storeDir, 'store.lock'), 'utf8');
    const listed = await run(process.execPath, ['bin/briefing.mjs', 'list', '--db', storeDir]);
    expect(listed.stdout).toBe('No briefings.\n');
    expect(await readFile(path.join(storeDir, 'store.lock'), 'utf8')).toBe(lock);
  });
});
