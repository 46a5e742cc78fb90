/**
 * The Electron shell's wiring, checked without an Electron binary: `electron` is
 * replaced by a recording stand-in (the real module is never loaded), and the
 * shell modules are run against it to see the settings they apply.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../src/main/app-core';

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; events: Map<string, Listener>; loaded: string[] }[],
  appEvents: new Map<string, Listener>(),
  ipcHandlers: new Map<string, Listener>(),
  openedExternally: [] as string[],
  permissionHandler: null as Listener | null,
  singleInstanceLock: true,
  quits: [] as number[],
  errorBoxes: [] as string[],
  isPackaged: false,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly events = new Map<string, Listener>();
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      recorded.windows.push({ options, events: this.events, loaded: this.loaded });
    }
    once(event: string, listener: Listener) {
      this.events.set(event, listener);
    }
    show() {}
    loadFile(file: string) {
      this.loaded.push(file);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    static getAllWindows() {
      return [];
    }
  }
  return {
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    shell: { openExternal: (url: string) => (recorded.openedExternally.push(url), Promise.resolve()) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (recorded.permissionHandler = handler),
        setPermissionCheckHandler: () => {},
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => recorded.protocolHandlers.set(scheme, handler),
    },
    app: {
      on: (event: string, listener: Listener) => recorded.appEvents.set(event, listener),
      get isPackaged() {
        return recorded.isPackaged;
      },
      getAppPath: () => '/app',
      getPath: () => '/user-data',
      setPath: () => {},
      quit: () => recorded.quits.push(Date.now()),
    },
    dialog: { showErrorBox: (title: string) => recorded.errorBoxes.push(title) },
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipcHandlers.set(channel, listener) },
  };
});

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.appEvents.clear();
  recorded.ipcHandlers.clear();
  recorded.openedExternally.length = 0;
  recorded.quits.length = 0;
  recorded.errorBoxes.length = 0;
  recorded.isPackaged = false;
  recorded.privilegedSchemes.length = 0;
  recorded.protocolHandlers.clear();
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('the main window', () => {
  it('is created hidden with isolation, sandbox and no node integration, and shown on ready-to-show', async () => {
    const { createMainWindow } = await import('../../src/main/shell/window');
    createMainWindow();
    const [window] = recorded.windows;
    expect(window!.options['show']).toBe(false);
    expect(window!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((window!.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload\/index\.cjs$/,
    );
    expect(window!.events.has('ready-to-show')).toBe(true);
    expect(window!.loaded).toEqual(['app://renderer/index.html']);
  });

  it('loads the dev server named by ELECTRON_RENDERER_URL only when the app is not packaged', async () => {
    const { createMainWindow } = await import('../../src/main/shell/window');
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    createMainWindow();
    recorded.isPackaged = true;
    createMainWindow();
    expect(recorded.windows.map((window) => window.loaded[0])).toEqual([
      'http://localhost:5173/',
      'app://renderer/index.html',
    ]);
  });
});

describe('which page may call the IPC methods (isAppPage)', () => {
  it('is the app:// page, compared by origin exactly, never by prefix', async () => {
    const { isAppPage } = await import('../../src/main/shell/window');
    expect(isAppPage('app://renderer/index.html')).toBe(true);
    expect(isAppPage('app://renderer/index.html#/article/a-1')).toBe(true);
    for (const url of [
      'app://renderer.evil/index.html',
      'app://rendererx/index.html',
      'app://user@renderer/index.html',
      'app://renderer:8080/index.html',
      'file:///app/out/renderer/index.html',
      'https://renderer/index.html',
      'not a url',
      '',
    ])
      expect(isAppPage(url), url).toBe(false);
  });

  it('is the dev server by exact origin in development only, and never in a packaged app', async () => {
    const { isAppPage } = await import('../../src/main/shell/window');
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    expect(isAppPage('http://localhost:5173/')).toBe(true);
    expect(isAppPage('http://localhost:51730/')).toBe(false);
    expect(isAppPage('http://localhost:5173.evil.example/')).toBe(false);
    expect(isAppPage('http://localhost:5173@evil.example/')).toBe(false);
    recorded.isPackaged = true;
    expect(isAppPage('http://localhost:5173/')).toBe(false);
    expect(isAppPage('app://renderer/index.html')).toBe(true);
  });
});

describe('the app:// scheme', () => {
  it('is registered as privileged (standard, secure) before ready, and handled with protocol.handle', async () => {
    const { registerAppScheme, serveRenderer } = await import('../../src/main/shell/app-protocol');
    registerAppScheme();
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    serveRenderer('/nowhere');
    expect([...recorded.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('serves the renderer’s files and nothing outside them', async () => {
    const { serveRenderer } = await import('../../src/main/shell/app-protocol');
    const root = await mkdtemp(path.join(tmpdir(), 'briefing-app-scheme-'));
    try {
      const rendererDir = path.join(root, 'renderer');
      await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
      await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
      await writeFile(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
      await writeFile(path.join(root, 'secret.txt'), 'secret');
      serveRenderer(rendererDir);
      const fetchApp = async (url: string) =>
        (await recorded.protocolHandlers.get('app')!({ url })) as Response;

      const page = await fetchApp('app://renderer/index.html');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>app</title>');
      expect((await fetchApp('app://renderer/assets/index.js')).headers.get('content-type')).toMatch(
        /javascript/,
      );
      for (const url of [
        'app://renderer/../secret.txt',
        'app://renderer/%2e%2e/secret.txt',
        'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        'app://renderer/..%5csecret.txt',
        'app://renderer/',
        'app://renderer/missing.js',
        'app://other/index.html',
        'app://renderer/index.html%00.js',
      ]) {
        const response = await fetchApp(url);
        expect(response.status, url).toBe(404);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('opening links in the browser', () => {
  it('hands the browser the normalised href, not the raw string, and refuses anything but https', async () => {
    const { openInBrowser } = await import('../../src/main/shell/dialogs');
    await openInBrowser('HTTPS://Example.ORG/a b?q=<x>#frag');
    expect(recorded.openedExternally).toEqual(['https://example.org/a%20b?q=%3Cx%3E#frag']);
    await expect(openInBrowser('file:///etc/passwd')).rejects.toThrow(/Refused/);
    await expect(openInBrowser('https://user:pw@example.org/')).rejects.toThrow(/Refused/);
    await expect(openInBrowser('javascript:alert(1)')).rejects.toThrow(/Refused/);
    await expect(openInBrowser('data:text/html,<b>x</b>')).rejects.toThrow(/Refused/);
    await expect(openInBrowser('mailto:')).rejects.toThrow(/Refused/);
    // Articles keep http and mailto links to read and copy, but the app opens neither.
    await expect(openInBrowser('http://example.org/plain')).rejects.toThrow(/Refused/);
    await expect(openInBrowser('mailto:desk@example.org')).rejects.toThrow(/Refused/);
    expect(recorded.openedExternally).toEqual(['https://example.org/a%20b?q=%3Cx%3E#frag']);
  });
});

describe('security defaults', () => {
  async function lockedDownContents() {
    const { applySecurityDefaults } = await import('../../src/main/shell/security');
    applySecurityDefaults();
    const events = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    const contents = {
      on: (event: string, listener: Listener) => events.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    };
    recorded.appEvents.get('web-contents-created')!({}, contents);
    return { events, open: (url: string) => openHandler({ url }) };
  }

  it('prevents every navigation, redirect and webview', async () => {
    const { events } = await lockedDownContents();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      events.get(name)!(event, 'https://example.org/');
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
  });

  it('denies every new window and opens nothing in the browser without the page asking first', async () => {
    const { open } = await lockedDownContents();
    for (const url of [
      'https://example.org/a',
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    // A middle-click on a link reaches this handler; it must not bypass the page's confirmation.
    expect(recorded.openedExternally).toEqual([]);
  });

  it('refuses every permission request', async () => {
    await lockedDownContents();
    const callback = vi.fn();
    recorded.permissionHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('IPC registration', () => {
  it('registers every contract channel and answers only the app’s own page', async () => {
    const { registerIpc } = await import('../../src/main/shell/ipc');
    const { apiMethods, channels } = await import('../../src/shared/channels');
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
    registerIpc(dispatch, (url) => url === 'file:///app/out/renderer/index.html');
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(
      apiMethods.map((method) => channels[method]).sort(),
    );

    const handler = recorded.ipcHandlers.get(channels.listArticles)!;
    expect(await handler({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, {})).toEqual({
      ok: true,
      value: 'dispatched',
    });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(dispatch).toHaveBeenCalledOnce();
  });
});

describe('quitting', () => {
  it('holds the quit until the store has flushed and released its lock, then quits', async () => {
    const { flushStoreOnQuit } = await import('../../src/main/shell/quit');
    let finishClose!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    flushStoreOnQuit(
      Promise.resolve({
        store: null,
        services: null,
        status: { state: 'failed', storePath: '', reason: '' },
        close,
      }),
    );

    const firstQuit = { preventDefault: vi.fn() };
    recorded.appEvents.get('before-quit')!(firstQuit);
    expect(firstQuit.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(recorded.quits).toHaveLength(0);

    finishClose();
    await vi.waitFor(() => expect(recorded.quits).toHaveLength(1));
    const secondQuit = { preventDefault: vi.fn() };
    recorded.appEvents.get('before-quit')!(secondQuit);
    expect(secondQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('tells the user when the last writes failed, and still quits', async () => {
    const { flushStoreOnQuit } = await import('../../src/main/shell/quit');
    flushStoreOnQuit(
      Promise.resolve({
        store: null,
        services: null,
        status: { state: 'failed', storePath: '', reason: '' },
        close: () => Promise.reject(new Error('disk full')),
      }),
    );
    recorded.appEvents.get('before-quit')!({ preventDefault: () => {} });
    await vi.waitFor(() => expect(recorded.quits).toHaveLength(1));
    expect(recorded.errorBoxes).toEqual(['Some changes could not be saved']);
  });

  it('a quit while the store is still opening waits for the open, then closes what it opened', async () => {
    const { flushStoreOnQuit } = await import('../../src/main/shell/quit');
    let opened!: (core: AppCore) => void;
    const close = vi.fn(() => Promise.resolve());
    flushStoreOnQuit(new Promise<AppCore>((resolve) => (opened = resolve)));
    const quit = { preventDefault: vi.fn() };
    recorded.appEvents.get('before-quit')!(quit);
    expect(quit.preventDefault).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(recorded.quits).toHaveLength(0);
    opened({ store: null, services: null, status: { state: 'failed', storePath: '', reason: '' }, close });
    await vi.waitFor(() => expect(recorded.quits).toHaveLength(1));
    expect(close).toHaveBeenCalledOnce();
    expect(recorded.errorBoxes).toEqual([]);
  });

  it('a core that failed to start quits without a second message', async () => {
    const { flushStoreOnQuit } = await import('../../src/main/shell/quit');
    const failed = Promise.reject(new Error('no such folder'));
    flushStoreOnQuit(failed);
    recorded.appEvents.get('before-quit')!({ preventDefault: () => {} });
    await vi.waitFor(() => expect(recorded.quits).toHaveLength(1));
    expect(recorded.errorBoxes).toEqual([]);
  });
});
