/**
 * Runs the built renderer in Chromium with `window.api` wired, through
 * Playwright's `exposeBinding`, to the same app core and dispatcher the Electron
 * main process uses, on a real lowdb file in the test's own folder.
 *
 * The renderer is served from `out/renderer` by request interception on a
 * private origin, so no port is opened and the page's CSP applies as built.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { channels, events } from '../../../src/shared/channels';
import { startAppCore } from '../../../src/main/app-core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher';
import { createHandlers, type HandlerServices } from '../../../src/main/ipc/handlers';
import { printWithPlaywright } from '../../../scripts/print-pdf';

export const rendererDir = path.resolve('out/renderer');
export const seedsDir = path.resolve('seeds');
const appOrigin = 'http://briefing-reader.test';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The page-side half of the bridge: builds `window.api` from the contract's
 * channel and event lists, as the preload does. Byte arrays, which Electron's
 * IPC carries natively, cross the binding as tagged base64 and are revived on
 * the Node side (`reviveBytes`).
 */
function bridgeScript(channelMap: Record<string, string>, eventMap: Record<string, string>): string {
  return `(() => {
    const channels = ${JSON.stringify(channelMap)};
    const events = ${JSON.stringify(eventMap)};
    const listeners = {};
    const encode = (value) => {
      if (value instanceof Uint8Array) {
        let binary = '';
        for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
        return { __bytes: btoa(binary) };
      }
      if (Array.isArray(value)) return value.map(encode);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
      return value;
    };
    const api = {};
    for (const [method, channel] of Object.entries(channels)) {
      api[method] = (request = {}) => window.__briefingInvoke(channel, encode(request));
    }
    for (const [name, channel] of Object.entries(events)) {
      api[name] = (listener) => {
        (listeners[channel] ??= []).push(listener);
        return () => { listeners[channel] = listeners[channel].filter((l) => l !== listener); };
      };
    }
    Object.defineProperty(window, '__briefingEmit', {
      value: (channel, payload) => (listeners[channel] ?? []).forEach((listener) => listener(payload)),
    });
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  })();`;
}

function reviveBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveBytes);
  if (value && typeof value === 'object') {
    const tagged = (value as { __bytes?: unknown }).__bytes;
    if (typeof tagged === 'string') return new Uint8Array(Buffer.from(tagged, 'base64'));
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, reviveBytes(inner)]));
  }
  return value;
}

export interface ChromiumApp {
  /**
   * Closes the app core and starts a new one on the same data folder, as quitting and relaunching
   * would; `whileClosed` runs in between (to damage or inspect files).
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** Closes the app core, as quitting would (flushes and releases the store lock). */
  close(): Promise<void>;
  /** What the open-file dialog will "choose" next time the app asks. */
  setPickedFiles(paths: string[]): void;
  /** The links the app asked the system browser to open. */
  openedExternally: string[];
  /** Paths the save dialog will "choose", in turn (empty: the user cancels). */
  exportPaths: string[];
  /** Files the app asked to open, or to show in their folder. */
  openedFiles: string[];
  shownFiles: string[];
}

export async function launchRendererInChromium(page: Page, storeDir: string): Promise<ChromiumApp> {
  let pickedFiles: string[] = [];
  const openedExternally: string[] = [];
  const exportPaths: string[] = [];
  const openedFiles: string[] = [];
  const shownFiles: string[] = [];
  const services: HandlerServices = {
    pickFiles: async () => pickedFiles.splice(0),
    openExternal: async (url: string) => void openedExternally.push(url),
    pickExportPath: async () => exportPaths.shift() ?? null,
    printToPdf: (html, pageSize) => printWithPlaywright(page.context(), html, pageSize),
    openPath: async (file) => void openedFiles.push(file),
    showInFolder: async (file) => void shownFiles.push(file),
  };
  let core = await startAppCore({ dataDir: storeDir, seedsDir });
  let dispatch: Dispatch = createDispatcher(createHandlers(core, services));

  await page.exposeBinding('__briefingInvoke', (_source, channel: string, payload: unknown) =>
    dispatch(channel, reviveBytes(payload)),
  );
  await page.addInitScript(bridgeScript(channels, events));
  await page.route(`${appOrigin}/**`, async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = path.join(rendererDir, path.normalize(relative));
    if (!file.startsWith(rendererDir)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.goto(`${appOrigin}/index.html`);

  return {
    restart: async (whileClosed) => {
      await core.close();
      await whileClosed?.();
      core = await startAppCore({ dataDir: storeDir, seedsDir });
      dispatch = createDispatcher(createHandlers(core, services));
      await page.reload();
    },
    close: () => core.close(),
    setPickedFiles: (paths) => {
      pickedFiles = [...paths];
    },
    openedExternally,
    exportPaths,
    openedFiles,
    shownFiles,
  };
}
