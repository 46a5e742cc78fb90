/**
 * The library's sort and filters, stories and reading state, in the real UI
 * over the real store: sort by title, filter to the damaged article (counts
 * follow), create a story and file an article in it from its Story… menu, all
 * of it remembered across a restart; and an article reopens where the reader
 * stopped, with its progress shown.
 */
import { test, expect } from './harness/fixtures';

const longSeedTitle =
  'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia';

test('sorts and filters the library, files an article in a story, and remembers it all', async ({ app }) => {
  const { library, page } = app;
  await expect(library.items).toHaveCount(5);
  await page.getByLabel('Sort', { exact: true }).selectOption('title');
  await page.getByRole('button', { name: 'Descending; sort ascending' }).click();
  const titles = await library.titles();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));

  await expect(page.getByLabel('Damage').locator('option[value="with"]')).toHaveText('Damaged (1)');
  await page.getByLabel('Damage').selectOption('with');
  await expect(library.items).toHaveCount(1);
  await expect(library.items.first()).toContainText(longSeedTitle);
  await expect(page.getByText('Showing 1 of 5 articles')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(library.items).toHaveCount(5);

  await page.getByRole('button', { name: 'New story…' }).click();
  await page.getByLabel('New story name').fill('US guarantees for Ukraine');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'This story is empty' })).toBeVisible();
  await page.getByRole('button', { name: /^All articles/ }).click();

  await library.item(longSeedTitle).hover();
  await library
    .item(longSeedTitle)
    .getByRole('button', { name: /to a story$/ })
    .click();
  await page
    .getByRole('dialog', { name: /^Stories for/ })
    .getByLabel('US guarantees for Ukraine')
    .check();
  await page.getByRole('button', { name: 'Done' }).click();
  const storyChip = page.getByRole('button', { name: /^US guarantees for Ukraine/ });
  await expect(storyChip).toContainText('1');
  await storyChip.click();
  await expect(library.items).toHaveCount(1);
  await app.screenshot('library-story');

  await app.restart();
  await expect(library.heading).toBeVisible();
  await expect(app.library.items).toHaveCount(1);
  await expect(app.page.getByRole('button', { name: /^US guarantees for Ukraine/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(app.page.getByLabel('Sort', { exact: true })).toHaveValue('title');
});

test('an article reopens where the reader stopped, with its progress', async ({ app }) => {
  await app.library.open(longSeedTitle);
  await expect(app.reader.title).toHaveText(longSeedTitle);
  const heading = app.reader.headings.nth(2);
  await heading.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 64));
  const stoppedAt = await heading.evaluate((element) => element.getBoundingClientRect().top);
  await expect(async () => {
    const now = Number(
      await app.page.getByRole('progressbar', { name: 'Read so far' }).getAttribute('aria-valuenow'),
    );
    expect(now).toBeGreaterThan(30);
  }).toPass();
  const headingText = await heading.innerText();
  await app.page.keyboard.press('Escape');
  await expect(app.library.heading).toBeVisible();
  await expect(app.library.item(longSeedTitle).locator('.progress')).toBeVisible();

  await app.restart();
  await app.library.open(longSeedTitle);
  const reopened = app.reader.headings.filter({ hasText: headingText });
  await expect(async () => {
    const top = await reopened.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(top - stoppedAt)).toBeLessThan(120);
  }).toPass();
  await app.screenshot('reader-reopened');

  await app.page.getByRole('button', { name: 'Mark as read' }).click();
  await expect(app.page.getByRole('button', { name: /^Read ✓/ })).toBeVisible();
  await app.page.keyboard.press('Escape');
  await app.page.getByLabel('Reading').selectOption('read');
  await expect(app.library.items).toHaveCount(1);
});
