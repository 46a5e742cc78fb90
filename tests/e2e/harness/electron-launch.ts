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
  return { electronApp, page };
}
