/**
 * Prints HTML to PDF with Chromium through Playwright as the app prints it
 * with Electron: from a temporary file (not a `data:` URL or `setContent`,
 * which large briefings outgrow), with the app's print options
 * (src/main/briefings/pdf-options.ts). Used by the end-to-end harness, the
 * export tests and the export benchmark.
 */
import type { BrowserContext } from '@playwright/test';
import type { PageSize } from '../src/main/briefings/export-formats';
import { playwrightPdfOptions } from '../src/main/briefings/pdf-options';
import { printFromTempFile } from '../src/main/briefings/pdf-printing';

export async function printWithPlaywright(
  context: BrowserContext,
  html: string,
  pageSize: PageSize,
): Promise<Uint8Array> {
  return printFromTempFile(html, async (fileUrl) => {
    const page = await context.newPage();
    try {
      await page.goto(fileUrl, { waitUntil: 'load' });
      return await page.pdf(playwrightPdfOptions(pageSize));
    } finally {
      await page.close();
    }
  });
}
