/**
 * Deleting an article is undone with Ctrl+Z like any other change: the article
 * comes back with its highlights and note, stays back after a restart, and a
 * deletion can also be undone after the app was restarted.
 */
import { test, expect } from './harness/fixtures';

const title = 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal';

test('Ctrl+Z brings a deleted article back with its highlights, and it stays after a restart', async ({
  app,
}) => {
  await app.library.open(title);
  await app.reader.highlight('a peace deal remains elusive', 1);
  await app.reader.editor.getByLabel('Note (Markdown)').fill('Worth quoting.');
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await app.reader.backButton.click();

  const order = await app.library.titles();
  await app.library.delete(title);
  await expect(app.library.items).toHaveCount(4);
  await app.library.press('Control+z');
  await expect(app.library.item(title)).toHaveCount(1);
  expect(await app.library.titles()).toEqual(order);
  await expect(app.page.getByText(/Undid: delete article/)).toBeVisible();
  await app.screenshot('undo-delete-restored');

  await app.library.open(title);
  await expect(app.reader.highlightMarks.first()).toHaveText('a peace deal remains elusive');
  await app.restart();
  await expect(app.library.items).toHaveCount(5);
  await app.library.open(title);
  await expect(app.reader.highlightMarks.first()).toHaveText('a peace deal remains elusive');
  await app.reader.highlightMarks.first().click();
  await expect(app.reader.editor.getByLabel('Note (Markdown)')).toHaveValue('Worth quoting.');
});

test('a deletion can be undone after a restart, and redone', async ({ app }) => {
  await app.library.open(title);
  await app.reader.highlight('a peace deal remains elusive', 2);
  await app.reader.backButton.click();
  await app.library.delete(title);
  await app.restart();
  await expect(app.library.items).toHaveCount(4);

  await app.library.press('Control+z');
  await expect(app.library.item(title)).toHaveCount(1);
  await app.library.open(title);
  await expect(app.reader.highlightMarks).toHaveCount(1);
  await app.reader.backButton.click();

  await app.library.press('Control+Shift+z');
  await expect(app.library.item(title)).toHaveCount(0);
  await expect(app.library.items).toHaveCount(4);
});
