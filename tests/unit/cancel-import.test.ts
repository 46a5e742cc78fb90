/**
 * Cancelling an address import through the IPC handlers, against a real HTTP
 * server on 127.0.0.1: a cancel aborts a fetch on its way, and a cancel that
 * overtakes its request (both are sent at once by the renderer's queue) still
 * cancels it when the request arrives, instead of being lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourceImportHandlers } from '../../src/main/ipc/source-import-handlers';
import { startLocalWebServer, type LocalWebServer } from './local-web-server';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
let server: LocalWebServer;
beforeAll(async () => {
  server = await startLocalWebServer();
});
afterAll(() => server.close());

async function handlersOverLocalStore() {
  const store = await open({ dir: await makeTempDir(), backups: false });
  await store.updateIndex((index) => {
    index.settings.allowLocalAddresses = true;
  });
  return createSourceImportHandlers(
    () => store,
    () => new Date('2026-11-27T12:00:00.000Z'),
  );
}

describe('cancelling an address import', () => {
  it('aborts a slow fetch that is on its way', async () => {
    const handlers = await handlersOverLocalStore();
    const reply = handlers.importFromAddress({ url: server.url('/slow'), requestId: 'r-slow' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await handlers.cancelImport({ requestId: 'r-slow' })).toEqual({ cancelled: true });
    expect(await reply).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/cancel/) });
  });

  it('cancels a request whose cancel arrived first', async () => {
    const handlers = await handlersOverLocalStore();
    expect(await handlers.cancelImport({ requestId: 'r-early' })).toEqual({ cancelled: false });
    const reply = await handlers.importFromAddress({ url: server.url('/slow'), requestId: 'r-early' });
    expect(reply).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/cancel/) });
  });
});
