/**
 * End-to-end configuration. Two projects run the same specs:
 * - chromium: the built renderer in Debian's Chromium, served by the browser-mode server (real HTTP, token, cookie);
 * - electron: the real app through `_electron`, only where ELECTRON_OVERRIDE_DIST_PATH names a binary.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';
import type { AppMode } from './tests/e2e/harness/fixtures';
import { electronExecutable, electronSkipReason } from './tests/e2e/harness/electron-launch';

const isMainProcess = process.env['TEST_WORKER_INDEX'] === undefined;
if (isMainProcess && !electronExecutable())
  console.log(`[e2e] electron project skipped: ${electronSkipReason}`);

export default defineConfig<{ mode: AppMode }>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // Waits for the UI, not speed targets (those are benchmarks): on a shared 2-core machine at load average 17,
  // the first HTML import (loading jsdom) alone measured 3.1 s, so Playwright's 5 s default flaked.
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: { mode: 'chromium' } },
    { name: 'electron', use: { mode: 'electron' } },
  ],
});
