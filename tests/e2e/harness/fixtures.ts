/**
 * The test fixtures every spec uses: a fresh data folder per test, and a
 * `launch` that starts the app in the project's mode (browser mode: the real
 * local server with the renderer in Chromium, or the real Electron app) and
 * returns page objects.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { serveApp } from './served-app';
import {
  electronExecutable,
  electronSkipReason,
  launchElectronApp,
  recordedExternalLinks,
  recordedOpenedFiles,
  sendMenuCommand,
  stubOpenDialog,
  stubSaveDialog,
} from './electron-launch';
import { events } from '../../../src/shared/channels';
import { BriefingApp } from '../pages/briefing-app';

export type AppMode = 'chromium' | 'electron';

interface Fixtures {
  mode: AppMode;
  /** The per-test profile folder: the app's user-data folder. */
  profileDir: string;
  /** Starts the app on `profileDir`; call after preparing any files a test needs there. */
  launch: () => Promise<BriefingApp>;
  /** The app, launched with the bundled seeds on an empty profile. */
  app: BriefingApp;
}

export function storeDirOf(profileDir: string): string {
  return path.join(profileDir, 'store');
}

export const test = base.extend<Fixtures>({
  mode: ['chromium', { option: true }],

  // Playwright reads a fixture's dependencies from its first parameter: `{}` means "none".
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefing-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  launch: async ({ mode, browser, profileDir }, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    await use(async () => {
      if (mode === 'electron') {
        const executable = electronExecutable();
        test.skip(executable === null, electronSkipReason);
        let { electronApp, page } = await launchElectronApp(executable!, profileDir);
        cleanups.push(() => electronApp.close());
        return new BriefingApp(
          page,
          async (whileClosed) => {
            ({ electronApp, page } = await relaunchElectron(executable!, profileDir, cleanups, whileClosed));
            return page;
          },
          {
            menuImport: async (paths) => {
              await stubOpenDialog(electronApp, paths);
              await sendMenuCommand(electronApp, events.onMenuCommand, 'import-articles');
            },
            externalLinks: () => recordedExternalLinks(electronApp),
            chooseSavePaths: (paths) => stubSaveDialog(electronApp, paths),
            openedFiles: () => recordedOpenedFiles(electronApp),
          },
        );
      }
      const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
      cleanups.push(() => context.close());
      const page: Page = await context.newPage();
      const served = await serveApp(page, profileDir);
      cleanups.push(() => served.close());
      return new BriefingApp(
        page,
        async (whileClosed) => {
          await served.restart(whileClosed);
          return page;
        },
        {
          menuImport: async (paths) => {
            // Browser mode's File › Import is Ctrl/Cmd+O opening the page's file picker.
            const chooser = page.waitForEvent('filechooser');
            await page.keyboard.press('ControlOrMeta+O');
            await (await chooser).setFiles(paths);
          },
          externalLinks: async () => [...served.openedExternally],
          chooseSavePaths: async (paths) => void served.exportPaths.push(...paths),
          openedFiles: async () => ({
            opened: [...served.openedFiles],
            shown: [...served.shownFiles],
          }),
        },
      );
    });
    for (const cleanup of cleanups.reverse()) await cleanup();
  },

  app: async ({ launch }, use) => {
    await use(await launch());
  },
});

async function relaunchElectron(
  executable: string,
  profileDir: string,
  cleanups: (() => Promise<void>)[],
  whileClosed?: () => Promise<void>,
) {
  const closeCurrent = cleanups.pop();
  await closeCurrent?.();
  await whileClosed?.();
  const launched = await launchElectronApp(executable, profileDir);
  cleanups.push(() => launched.electronApp.close());
  return launched;
}

export { expect } from '@playwright/test';
