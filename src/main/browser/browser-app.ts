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
import { dispatchWhenReady } from '../ipc/dispatch-when-ready';
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
  /** The core, once started (`ready`); reading it before then throws. */
  readonly core: AppCore;
  /** Resolves with the core once the store is open (the page may load, and ask, before that). */
  ready: Promise<AppCore>;
  server: BrowserServer;
  close(): Promise<void>;
}

/**
 * Serves the page as soon as the store's lock is held, and opens the rest of the store meanwhile:
 * the page's load (HTML, script, styles) overlaps the open, and its first request waits for the core
 * (`dispatchWhenReady`). A library held by another process is still refused before anything is served.
 */
export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  let lockTaken = () => {};
  const locked = new Promise<null>((resolve) => (lockTaken = () => resolve(null)));
  const starting = startAppCore({
    dataDir: path.join(options.userDataDir, 'store'),
    seedsDir: options.seedsDir,
    onStoreLockTaken: lockTaken,
  });
  // The core ends first when the open fails before the lock is held (held elsewhere, no permission).
  const early = await Promise.race([locked, starting]);
  if (early?.openError instanceof StoreLockedError) throw early.openError;
  const printer = options.printer ?? createChromiumPrinter();
  const services = {
    ...browserServices({ downloadsDir: options.downloadsDir, printer }),
    ...options.services,
  };
  /** Closes the core once started (a core that failed to start has nothing to close). */
  const closeCore = () => starting.then((started) => started.close()).catch(() => undefined);
  let core: AppCore | null = null;
  const ready = starting.then((started) => (core = started));
  ready.catch(() => undefined); // answered per request (dispatchWhenReady) and told by main.ts
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      dispatch: dispatchWhenReady(
        ready.then((started) => createDispatcher(createHandlers(started, services))),
      ),
      rendererDir: path.resolve(options.rendererDir),
    });
  } catch (error) {
    await printer.close();
    await closeCore();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    get core() {
      if (!core) throw new Error('The app core has not started yet (await `ready`).');
      return core;
    },
    ready,
    server,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await printer.close();
        await closeCore();
      })()),
  };
}
