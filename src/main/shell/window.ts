/**
 * Creates the main window with the hardened web preferences, shows it only
 * once it has painted, and loads the renderer (dev server or built files).
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererHtml = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

/** The page the app itself serves: IPC from any other URL is refused. */
export function isAppPage(url: string): boolean {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer && url.startsWith(devServer)) return true;
  return url.split('#')[0] === pathToFileURL(rendererHtml).href;
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

  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(rendererHtml);
  return window;
}
