/**
 * The test fixtures every spec uses: a fresh data folder per test, and a
 * `launch` that starts the app in the project's mode (the renderer in Chromium
 * with the bridged core, or the real Electron app) and returns page objects.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { launchRendererInChromium } from './chromium-bridge';
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
      const chromiumApp = await launchRendererInChromium(page, storeDirOf(profileDir));
      cleanups.push(() => chromiumApp.close());
      return new BriefingApp(
        page,
        async (whileClosed) => {
          await chromiumApp.restart(whileClosed);
          return page;
        },
        {
          menuImport: async (paths) => {
            chromiumApp.setPickedFiles(paths);
            await page.evaluate(
              ([channel, command]) =>
                (window as unknown as { __briefingEmit: (c: string, p: string) => void }).__briefingEmit(
                  channel!,
                  command!,
                ),
              [events.onMenuCommand, 'import-articles'],
            );
          },
          externalLinks: async () => [...chromiumApp.openedExternally],
          chooseSavePaths: async (paths) => void chromiumApp.exportPaths.push(...paths),
          openedFiles: async () => ({
            opened: [...chromiumApp.openedFiles],
            shown: [...chromiumApp.shownFiles],
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
