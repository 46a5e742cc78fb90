/**
 * Search and find, as an analyst uses them: a phrase written in a highlight's
 * note is found with Ctrl/Cmd+K (counts announced, the matched words marked),
 * Enter opens the article at that highlight; a phrase in an article's text opens
 * at the passage, marked; Ctrl/Cmd+F finds in the article with a count,
 * Enter / Shift+Enter step through the matches, and Esc closes only the bar.
 */
import { test, expect } from './harness/fixtures';

const seed = 'Ukraine Seeks Practical Talks With Trump on Security Support';
const passage = 'long-term security guarantees';

test('a phrase in a note is found and opens the article at the highlight; find in article', async ({
  app,
}) => {
  const { page } = app;
  await app.library.open(seed);
  await app.reader.select(passage);
  await page.keyboard.press('1');
  await app.reader.editor
    .getByLabel('Note (Markdown)')
    .fill('Kyiv wants binding security guarantees, not words.');
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await app.reader.backButton.click();

  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Search' });
  const field = palette.getByRole('combobox', { name: 'Search articles, highlights and notes' });
  await expect(field).toBeFocused();
  await field.fill('"binding security guarantees" in:notes');
  await expect(palette.getByRole('status')).toHaveText('0 articles, 0 highlights, 1 notes');
  const options = palette.getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(options.first().locator('mark')).toHaveText(['binding security guarantees']);
  await app.screenshot('search-palette-note');
  await field.press('Enter');

  await expect(palette).toBeHidden();
  await expect(app.reader.title).toHaveText(seed);
  const mark = app.reader.highlightMarks.first();
  await expect(mark).toHaveText(passage);
  await expect(mark).toBeInViewport();
  await expect(app.reader.editor.getByLabel('Note (Markdown)')).toHaveValue(
    'Kyiv wants binding security guarantees, not words.',
  );

  await app.reader.title.click();
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('search', { name: 'Find in article' });
  const findField = find.getByRole('searchbox', { name: 'Find in article' });
  await expect(findField).toBeFocused();
  await findField.fill('UKRAINE');
  const count = find.getByRole('status');
  await expect(count).toHaveText(/^1 of \d+$/);
  const total = Number((await count.textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(1);
  expect(await page.evaluate(() => CSS.highlights.get('find-match')?.size)).toBe(total);
  await findField.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await findField.press('Shift+Enter');
  await findField.press('Shift+Enter');
  await expect(count).toHaveText(`${total} of ${total}`);
  await app.screenshot('find-in-article');
  await findField.press('Escape');
  await expect(find).toBeHidden();
  await expect(app.reader.title).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.has('find-match'))).toBe(false);
});

test('a phrase in an article’s text opens the article at the passage, marked', async ({ app }) => {
  const { page } = app;
  await expect(app.library.items.first()).toBeVisible();
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Search' });
  await palette.getByRole('combobox').fill('"assess the credibility" in:articles');
  const option = palette.getByRole('option').first();
  await expect(option).toContainText(seed);
  await expect(option.locator('mark')).toHaveText(['assess the credibility']);
  await page.keyboard.press('Enter');
  await expect(app.reader.title).toHaveText(seed);
  const block = app.reader.body.locator('[data-block]').filter({ hasText: 'assess the credibility' });
  await expect(block).toBeInViewport();
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('search-passage')?.size ?? 0))
    .toBeGreaterThan(0);
  await app.screenshot('search-opened-at-passage');
});
