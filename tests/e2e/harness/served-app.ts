/**
 * Runs the app for the `chromium` project exactly as browser mode serves it to
 * users: the browser-mode server (real HTTP on 127.0.0.1, the per-launch token
 * swapped for the session cookie, the same dispatcher and core) on the test's
 * own profile folder, and the built renderer in Debian's Chromium talking to it
 * through the HTTP transport.
 *
 * Only the world outside the app is stood in for: the save "dialog" answers
 * with the paths a spec chose (in browser mode the export folder decides, see
 * browser-mode.spec.ts), and links, files and folders the app asks the OS to
 * open are recorded instead of opened.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startBrowserApp, type BrowserApp } from '../../../src/main/browser/browser-app';
import type { HandlerServices } from '../../../src/main/ipc/handlers';

export const rendererDir = path.resolve('out/renderer');
export const seedsDir = path.resolve('seeds');

export interface ServedApp {
  /** The running server (its address, port and token). */
  current(): BrowserApp;
  /**
   * Stops the server (flushing the store) and starts a new one on the same profile, as quitting
   * and relaunching would; `whileClosed` runs in between. The page opens the new address.
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** Stops the server, as quitting would (flushes and releases the store lock). */
  close(): Promise<void>;
  /** The links the app asked the system browser to open. */
  openedExternally: string[];
  /** Paths the save step will use, in turn (empty: the user cancels). */
  exportPaths: string[];
  /** Files the app asked to open, or to show in their folder. */
  openedFiles: string[];
  shownFiles: string[];
}

export async function serveApp(page: Page, profileDir: string): Promise<ServedApp> {
  const openedExternally: string[] = [];
  const exportPaths: string[] = [];
  const openedFiles: string[] = [];
  const shownFiles: string[] = [];
  const services: Partial<HandlerServices> = {
    openExternal: async (url) => void openedExternally.push(url),
    pickExportPath: async () => exportPaths.shift() ?? null,
    openPath: async (file) => void openedFiles.push(file),
    showInFolder: async (file) => void shownFiles.push(file),
  };
  const start = () =>
    startBrowserApp({
      userDataDir: profileDir,
      seedsDir,
      rendererDir,
      downloadsDir: path.join(profileDir, 'Downloads'),
      services,
    });
  let app = await start();
  await page.goto(app.server.url);

  return {
    current: () => app,
    restart: async (whileClosed) => {
      await app.close();
      await whileClosed?.();
      app = await start();
      await page.goto(app.server.url);
    },
    close: () => app.close(),
    openedExternally,
    exportPaths,
    openedFiles,
    shownFiles,
  };
}
