/**
 * Creates the main window with the hardened web preferences, shows it only
 * once it has painted, and loads the renderer: from `app://renderer/` (see
 * `app-protocol.ts`), or in development only (never in a packaged app) from
 * the dev server named by `ELECTRON_RENDERER_URL`.
 */
import { app, BrowserWindow, nativeTheme } from 'electron';
import { fileURLToPath } from 'node:url';
import { appHost, appPageUrl, appScheme } from './app-protocol';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
/** The built renderer's folder, served on `app://renderer/`. */
export const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

/** The dev server's URL, honoured only when the app is not packaged. */
function devServerUrl(): URL | null {
  const value = process.env['ELECTRON_RENDERER_URL'];
  if (!value || app.isPackaged) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The page the app itself serves: IPC from any other URL is refused. Origins are compared exactly. */
export function isAppPage(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const devServer = devServerUrl();
  if (devServer) return url.protocol === devServer.protocol && url.host === devServer.host;
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.port === '';
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Briefing Reader',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#fbfaf7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  void window.loadURL(devServerUrl()?.href ?? appPageUrl);
  return window;
}
