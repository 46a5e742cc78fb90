/**
 * Browser mode assembled: the same app core (store, seeding, lock, recovery),
 * the same handlers and dispatcher as the Electron main process, behind the
 * local server. `close()` stops the server and then flushes and releases the
 * store, as quitting the app does. A library held by another process is
 * refused before anything is served.
 */
import path from 'node:path';
import { startAppCore, type AppCore } from '../app-core';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers, type HandlerServices } from '../ipc/handlers';
import { StoreLockedError } from '../store/store-lock';
import { browserServices } from './browser-services';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { createChromiumPrinter, type ChromiumPrinter } from './chromium-printer';

export interface BrowserAppOptions {
  userDataDir: string;
  seedsDir: string;
  rendererDir: string;
  downloadsDir: string;
  printer?: ChromiumPrinter;
  /** Replaces some services (the tests record opened links and files instead of opening them). */
  services?: Partial<HandlerServices>;
}

export interface BrowserApp {
  core: AppCore;
  server: BrowserServer;
  close(): Promise<void>;
}

export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  const core = await startAppCore({
    dataDir: path.join(options.userDataDir, 'store'),
    seedsDir: options.seedsDir,
  });
  if (core.openError instanceof StoreLockedError) throw core.openError;
  const printer = options.printer ?? createChromiumPrinter();
  const services = {
    ...browserServices({ downloadsDir: options.downloadsDir, printer }),
    ...options.services,
  };
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      dispatch: createDispatcher(createHandlers(core, services)),
      rendererDir: path.resolve(options.rendererDir),
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    core,
    server,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await printer.close();
        await core.close();
      })()),
  };
}
