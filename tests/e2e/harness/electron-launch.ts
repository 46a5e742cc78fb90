/**
 * Launches the real Electron app through Playwright's `_electron`, when an
 * Electron binary is available (ELECTRON_OVERRIDE_DIST_PATH names its folder).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';

export function electronExecutable(): string | null {
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!dist) return null;
  const name =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  const executable = path.join(dist, name);
  return existsSync(executable) ? executable : null;
}

export const electronSkipReason =
  'no Electron binary: set ELECTRON_OVERRIDE_DIST_PATH to a folder holding one to run these specs against the real app';

export async function launchElectronApp(
  executablePath: string,
  userDataDir: string,
): Promise<{ electronApp: ElectronApplication; page: Page }> {
  const electronApp = await _electron.launch({
    executablePath,
    args: ['.'],
    cwd: process.cwd(),
    env: { ...process.env, BRIEFING_USER_DATA_DIR: userDataDir },
  });
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  // Record links instead of opening a browser during tests.
  await electronApp.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { __openedLinks?: string[] }).__openedLinks = opened;
    shell.openExternal = async (url: string) => void opened.push(url);
    const files = { opened: [] as string[], shown: [] as string[] };
    (globalThis as { __openedFiles?: typeof files }).__openedFiles = files;
    shell.openPath = async (file: string) => (files.opened.push(file), '');
    shell.showItemInFolder = (file: string) => void files.shown.push(file);
  });
  return { electronApp, page };
}

/** Makes the real app's open-file dialog answer with `paths` the next time it is shown. */
export async function stubOpenDialog(electronApp: ElectronApplication, paths: string[]): Promise<void> {
  await electronApp.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({
      canceled: false,
      filePaths: chosen,
    })) as typeof dialog.showOpenDialog;
  }, paths);
}

/** Sends a menu command to the page, as clicking the menu item does. */
export async function sendMenuCommand(
  electronApp: ElectronApplication,
  channel: string,
  command: string,
): Promise<void> {
  await electronApp.evaluate(
    ({ BrowserWindow }, [eventChannel, payload]) =>
      BrowserWindow.getAllWindows()[0]?.webContents.send(eventChannel!, payload),
    [channel, command],
  );
}

export async function recordedExternalLinks(electronApp: ElectronApplication): Promise<string[]> {
  return electronApp.evaluate(() => [...((globalThis as { __openedLinks?: string[] }).__openedLinks ?? [])]);
}

/** Makes the real app's save dialog answer with `paths`, in turn. */
export async function stubSaveDialog(electronApp: ElectronApplication, paths: string[]): Promise<void> {
  await electronApp.evaluate(({ dialog }, chosen) => {
    const queue = [...chosen];
    dialog.showSaveDialog = (async () => {
      const filePath = queue.shift();
      return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
  }, paths);
}

export async function recordedOpenedFiles(
  electronApp: ElectronApplication,
): Promise<{ opened: string[]; shown: string[] }> {
  return electronApp.evaluate(() => {
    const files = (globalThis as { __openedFiles?: { opened: string[]; shown: string[] } }).__openedFiles;
    return { opened: [...(files?.opened ?? [])], shown: [...(files?.shown ?? [])] };
  });
}
