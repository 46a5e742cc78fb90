/**
 * The filter chips, selects and tag pills, drawn by the one shared stylesheet
 * (styles/controls.css), in light and dark: the reader's highlight list with a
 * category shown alone and a tag filter, the library-wide highlights' filters and
 * its rows, and the library's story bar. Screenshots of each part for the eye.
 */
import { test, expect } from './harness/fixtures';
import type { BriefingApp } from './pages/briefing-app';

const longSeed = 'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia';

async function shoot(app: BriefingApp, part: string, theme: 'light' | 'dark', name: string) {
  await app.page
    .locator(part)
    .first()
    .screenshot({ path: `test-results/screens/${test.info().project.name}-controls-${name}-${theme}.png` });
}

for (const theme of ['light', 'dark'] as const) {
  test(`chips, selects and tags look the same everywhere (${theme})`, async ({ app }) => {
    const { page } = app;
    await app.themeOption(theme === 'light' ? 'Light' : 'Dark').click();
    await page.getByRole('button', { name: 'New story…' }).click();
    await page.getByLabel('New story name').fill('Guarantees');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: /^All articles/ }).click();
    await expect(page.getByRole('button', { name: /^Guarantees/ })).toBeVisible();
    await expect(app.library.item(longSeed)).toBeVisible();
    await shoot(app, '.stories', theme, 'story-bar');

    await app.library.open(longSeed);
    await app.reader.highlight('Humanitarian agencies have said', 1);
    await app.reader.highlight('no ceasefire deal was reached', 2);
    const tags = app.reader.editor.getByLabel('Add a tag');
    await tags.fill('alaska');
    await tags.press('Enter');
    await expect(app.reader.highlightList).toContainText('alaska');
    const filters = app.reader.panel.getByRole('group', { name: /^Filter Highlights in this article/ });
    await filters.getByRole('button', { name: /^Key judgment/ }).click();
    await expect(app.reader.highlightList.getByRole('listitem')).toHaveCount(1);
    await filters.getByRole('button', { name: /^All/ }).click();
    await expect(app.reader.highlightList.getByRole('listitem')).toHaveCount(2);
    await page.mouse.move(0, 0);
    await shoot(app, '[role="tabpanel"][aria-label="Highlights"]', theme, 'reader-list');

    await app.header.view('Highlights').click();
    await expect(app.highlights.rows).toHaveCount(2);
    await page.mouse.move(0, 0);
    await shoot(app, '[aria-label="All highlights"]', theme, 'all-rows');
    await app.highlights.showOnly('Key judgment');
    await page.mouse.move(0, 0);
    await shoot(app, '[aria-label="Filter All highlights"]', theme, 'all-filters');
  });
}
