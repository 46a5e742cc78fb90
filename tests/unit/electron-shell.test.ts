/**
 * The Electron shell's wiring, checked without an Electron binary: `electron` is
 * replaced by a recording stand-in (the real module is never loaded), and the
 * shell modules are run against it to see the settings they apply.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

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
    app: {
      on: (event: string, listener: Listener) => recorded.appEvents.set(event, listener),
      isPackaged: false,
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
    expect(window!.loaded[0]).toMatch(/renderer\/index\.html$/);
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

  it('denies every new window, opening only https links in the system browser', async () => {
    const { open } = await lockedDownContents();
    for (const url of [
      'https://example.org/a',
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(recorded.openedExternally).toEqual(['https://example.org/a']);
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
    flushStoreOnQuit({
      store: null,
      services: null,
      status: { state: 'failed', storePath: '', reason: '' },
      close,
    });

    const firstQuit = { preventDefault: vi.fn() };
    recorded.appEvents.get('before-quit')!(firstQuit);
    expect(firstQuit.preventDefault).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledOnce();
    expect(recorded.quits).toHaveLength(0);

    finishClose();
    await vi.waitFor(() => expect(recorded.quits).toHaveLength(1));
    const secondQuit = { preventDefault: vi.fn() };
    recorded.appEvents.get('before-quit')!(secondQuit);
    expect(secondQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('tells the user when the last writes failed, and still quits', async () => {
    const { flushStoreOnQuit } = await import('../../src/main/shell/quit');
    flushStoreOnQuit({
      store: null,
      services: null,
      status: { state: 'failed', storePath: '', reason: '' },
      close: () => Promise.reject(new Error('disk full')),
    });
    recorded.appEvents.get('before-quit')!({ preventDefault: () => {} });
    await vi.waitFor(() => expect(recorded.quits).toHaveLength(1));
    expect(recorded.errorBoxes).toEqual(['Some changes could not be saved']);
  });
});
