/**
 * PDF export in browser mode: the briefing's HTML printed by a Chromium-based
 * browser found on the machine (CHROMIUM_PATH, else the usual install places of
 * Chromium, Chrome and Edge), driven headless by playwright-core, with the same
 * page size, margins and page-number footer as Electron's printToPDF. No
 * JavaScript runs and no request leaves the page. Where no such browser exists,
 * the PDF button says why.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { AppFailure } from '../../shared/api-error';
import type { PrintToPdf } from '../briefings/export-briefing';
import { playwrightPdfOptions } from '../briefings/pdf-options';

type Env = Record<string, string | undefined>;

export function chromiumCandidates(platform: NodeJS.Platform, env: Env): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

export function findChromium(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return exists(chosen) ? chosen : null;
  return chromiumCandidates(platform, env).find(exists) ?? null;
}

export interface ChromiumPrinter {
  print: PrintToPdf;
  /** Null when PDF export can work, else the reason in words. */
  unavailableReason(): Promise<string | null>;
  close(): Promise<void>;
}

export function createChromiumPrinter(executable: string | null = findChromium()): ChromiumPrinter {
  let browser: Promise<Browser> | null = null;
  const missing = `PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found${process.env['CHROMIUM_PATH'] ? ` at CHROMIUM_PATH (${process.env['CHROMIUM_PATH']})` : ''}. Install one, or set CHROMIUM_PATH to its program, and start again.`;

  const launch = async (): Promise<Browser> => {
    const { chromium } = await import('playwright-core');
    const asRoot = process.getuid?.() === 0;
    return chromium.launch({
      executablePath: executable!,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        ...(asRoot ? ['--no-sandbox'] : []),
      ],
    });
  };

  return {
    unavailableReason: async () => (executable ? null : missing),
    print: async (html, pageSize) => {
      if (!executable) throw new AppFailure('export-failed', missing);
      browser ??= launch();
      let running: Browser;
      try {
        running = await browser;
      } catch (error) {
        browser = null;
        throw new AppFailure(
          'export-failed',
          `PDF export could not start ${executable}: ${(error as Error).message.split('\n')[0]}`,
        );
      }
      const context = await running.newContext({ javaScriptEnabled: false });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf(playwrightPdfOptions(pageSize));
      } finally {
        await context.close();
      }
    },
    close: async () => {
      const pending = browser;
      browser = null;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}
