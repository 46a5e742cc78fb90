/**
 * Where exports go, through the dispatcher on a real store: the app's save
 * dialog (the folder it starts in), and browser mode's export folder (the
 * Downloads folder until another is chosen, refused when it is not a writable
 * folder), with an export landing there under a free name; plus the byte
 * arrays of browser mode's wire surviving the trip.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../src/shared/api-error';
import { channels, type ApiMethod } from '../../src/shared/channels';
import type { ApiReply, ApiRequest } from '../../src/shared/contract';
import { encodeBytes, reviveBytes } from '../../src/shared/wire-bytes';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { browserServices } from '../../src/main/browser/browser-services';
import { createChromiumPrinter } from '../../src/main/browser/chromium-printer';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers, noServices, type HandlerServices } from '../../src/main/ipc/handlers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function app(services: (dir: string) => HandlerServices) {
  const dir = await makeTempDir();
  const core = await startAppCore({
    dataDir: path.join(dir, 'store'),
    seedsDir: path.resolve('seeds'),
    backups: false,
  });
  cores.push(core);
  const dispatch = createDispatcher(createHandlers(core, services(dir)));
  const call = async <M extends ApiMethod>(method: M, request: ApiRequest<M>) =>
    (await dispatch(channels[method], request)) as ApiEnvelope<ApiReply<M>>;
  return { dir, call };
}

describe('the app (save dialog)', () => {
  it('reports a dialog starting in the chosen folder, and PDF available', async () => {
    const { dir, call } = await app(() => noServices);
    expect(await call('getExportTarget', {})).toEqual({
      ok: true,
      value: { kind: 'dialog', folder: null, pdfUnavailable: null },
    });
    expect(await call('setExportFolder', { folder: dir })).toMatchObject({
      ok: true,
      value: { folder: dir },
    });
  });
});

describe('browser mode (export folder)', () => {
  const folderServices = (dir: string) =>
    browserServices({ downloadsDir: path.join(dir, 'Downloads'), printer: createChromiumPrinter(null) });

  it('starts at the Downloads folder and says why PDF is unavailable without Chromium', async () => {
    const { dir, call } = await app(folderServices);
    const target = await call('getExportTarget', {});
    expect(target).toMatchObject({
      ok: true,
      value: { kind: 'folder', folder: path.join(dir, 'Downloads') },
    });
    expect(target.ok && target.value.pdfUnavailable).toMatch(/PDF export needs Chromium/);
  });

  it('refuses a folder that is missing, a file, or not a full path, and changes nothing', async () => {
    const { dir, call } = await app(folderServices);
    await writeFile(path.join(dir, 'a-file'), 'x');
    for (const [folder, reason] of [
      [path.join(dir, 'missing'), 'does not exist'],
      [path.join(dir, 'a-file'), 'is a file, not a folder'],
      ['relative/folder', 'is not a full path'],
    ]) {
      const reply = await call('setExportFolder', { folder: folder! });
      expect(reply.ok ? null : reply.error.message, folder).toContain(reason);
    }
    expect(await call('getExportTarget', {})).toMatchObject({
      value: { folder: path.join(dir, 'Downloads') },
    });
  });

  it('writes exports into the chosen folder, under a free name when one is taken', async () => {
    const { dir, call } = await app(folderServices);
    const chosen = path.join(dir, 'out');
    await mkdir(chosen);
    await call('setExportFolder', { folder: chosen });
    const created = await call('createBriefing', { title: 'Weekly' });
    const id = created.ok ? created.value.id : '';
    for (let n = 0; n < 2; n += 1) await call('exportBriefing', { id, format: 'html' });
    await call('exportBriefing', { id, format: 'md' });
    await call('exportBriefing', { id, format: 'md' });
    expect((await readdir(chosen)).sort()).toEqual(['Weekly (2).html', 'Weekly.html', 'Weekly.md']);
  });
});

describe('byte arrays on the wire', () => {
  it('survive JSON as tagged base64, nested anywhere, at any size', () => {
    const bytes = new Uint8Array(200_000).map((_, n) => (n * 7) % 256);
    const request = { files: [{ name: 'a.txt', bytes }], note: { __bytes: 'not alone', other: 1 } };
    const revived = reviveBytes(JSON.parse(JSON.stringify(encodeBytes(request)))) as typeof request;
    expect(revived.files[0]!.bytes).toEqual(bytes);
    expect(revived.note).toEqual({ __bytes: 'not alone', other: 1 });
  });
});
