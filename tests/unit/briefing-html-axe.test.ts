/**
 * The HTML export of the rich briefing (briefing-exports-fixture.ts) checked by
 * axe-core, the accessibility engine the review used, run inside real
 * Chromium on the exported document: no violation of WCAG 2 A/AA or best
 * practice rules is allowed.
 */
import { createRequire } from 'node:module';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium';
import { renderBriefing } from '../../src/main/briefings/export-briefing';
import { richBriefing } from './briefing-exports-fixture';
import { tempDirs } from './temp-dir';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const makeTempDir = tempDirs();
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe('the HTML export under axe-core', () => {
  it('has no accessibility violations', async () => {
    const rich = await richBriefing(await makeTempDir());
    try {
      const html = String(await renderBriefing(rich.store, rich.briefing, { format: 'html' }));
      // The export's own CSP forbids scripts; only the test's axe is let in.
      const page = await browser.newPage({ bypassCSP: true });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.addScriptTag({ path: axeScript });
        const result = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<unknown> } }
          ).axe;
          return axe.run(document, {
            runOnly: {
              type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
            },
          });
        });
        const { violations, passes, incomplete } = result as {
          violations: AxeViolation[];
          passes: unknown[];
          incomplete: { id: string }[];
        };
        const summary = violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
        console.log(
          `axe-core: ${passes.length} rules passed, ${violations.length} violated, needs review: ${incomplete.map((i) => i.id).join(', ') || 'none'}`,
        );
        expect(summary).toEqual([]);
        expect(passes.length).toBeGreaterThan(10);
      } finally {
        await page.close();
      }
    } finally {
      await rich.core.close();
    }
  }, 60_000);
});
