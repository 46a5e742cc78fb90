/** Opening an article shows its paragraphs; the keyboard moves, opens and returns; the theme switch works. */
import { readFile } from 'node:fs/promises';
import { test, expect } from './harness/fixtures';

const longSeedTitle =
  'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia';

test('opening an article shows its structure: dek, paragraphs, headings, lists and breaks', async ({
  app,
}) => {
  await app.library.open(longSeedTitle);
  await expect(app.reader.title).toHaveText(longSeedTitle);
  const raw = await readFile('seeds/001_65831639b4f4e14b.txt', 'utf8');
  const lines = raw.split('\n').map((line) => line.trim());
  await expect(app.reader.dek).toHaveText(lines[1]!);
  await expect(app.reader.paragraphs.first()).toHaveText(lines[2]!);
  await expect(app.reader.headings).toHaveCount(7);
  await expect(app.reader.headings.first()).toHaveText('War Fatigue Confronts the Diplomatic Urgency');
  await expect(app.reader.lists).toHaveCount(4);
  await expect(app.reader.body.locator('ol > li')).toHaveCount(3);
  await expect(app.reader.breaks).toHaveCount(4);
  await app.screenshot('reader');
});

test('an article without a headline keeps its lede and shows a derived title', async ({ app }) => {
  await app.library.item('Ukrainian President Volodymyr Zelenskyy made').click();
  await expect(app.reader.article.getByText('this title was made from its opening sentence')).toBeVisible();
  await expect(app.reader.paragraphs.first()).toContainText(
    'Ukrainian President Volodymyr Zelenskyy made it clear',
  );
  await app.screenshot('reader-derived-title');
});

test('keyboard: arrows and j/k move, Enter opens, Escape returns', async ({ app }) => {
  const titles = await app.library.titles();
  await expect(app.library.selected).toContainText(titles[0]!);
  await app.library.press('ArrowDown', 'j');
  await expect(app.library.selected).toContainText(titles[2]!);
  await app.library.press('k');
  await expect(app.library.selected).toContainText(titles[1]!);
  await app.library.press('End');
  await expect(app.library.selected).toContainText(titles.at(-1)!);
  await app.library.press('ArrowDown');
  await expect(app.library.selected).toContainText(titles.at(-1)!);
  await app.library.press('Home', 'j', 'Enter');
  await expect(app.reader.title).toHaveText(titles[1]!);
  await app.library.press('Escape');
  await expect(app.library.heading).toBeVisible();
  await expect(app.library.selected).toContainText(titles[1]!);
});

test('the theme follows the OS and can be switched, and the choice survives a restart', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'light' });
  const light = await app.canvasColor();
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const dark = await app.canvasColor();
  expect(dark).not.toEqual(light);
  await app.screenshot('library-dark');

  await app.themeOption('Light').click();
  await expect(app.themeOption('Light')).toHaveAttribute('aria-checked', 'true');
  expect(await app.canvasColor()).toEqual(light);

  await app.restart();
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.themeOption('Light')).toHaveAttribute('aria-checked', 'true');
  expect(await app.canvasColor()).toEqual(light);

  await app.themeOption('Dark').click();
  await app.library.open(longSeedTitle);
  expect(await app.canvasColor()).toEqual(dark);
  await app.screenshot('reader-dark');
});
