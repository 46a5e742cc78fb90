/**
 * The openExternal method, through the dispatcher as the renderer calls it:
 * only https addresses reach the system; http, mailto and every other scheme
 * are refused with a typed error, so a page that skipped its confirmation
 * still cannot open an unencrypted page or a mail program.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers, noServices } from '../../src/main/ipc/handlers';
import { channels } from '../../src/shared/channels';

let core: AppCore | null = null;
let dataDir = '';
afterEach(async () => {
  await core?.close();
  core = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('openExternal', () => {
  it('opens https only and refuses http, mailto and other schemes with invalid-request', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'open-external-'));
    core = await startAppCore({ dataDir, seedsDir: path.resolve('seeds'), backups: false });
    const opened: string[] = [];
    const dispatch = createDispatcher(
      createHandlers(core, { ...noServices, openExternal: async (url) => void opened.push(url) }),
      { logError: () => {} },
    );
    const open = (url: string) => dispatch(channels.openExternal, { url });

    expect(await open('https://example.org/statement')).toEqual({ ok: true, value: { opened: true } });
    for (const url of [
      'http://example.org/first-round',
      'mailto:desk@example.org',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(await open(url)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: 'Only https links can be opened.' },
      });
    }
    expect(opened).toEqual(['https://example.org/statement']);
  });
});
