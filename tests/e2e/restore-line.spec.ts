/** A line cleaning removed is put back into the article from the hidden boilerplate list, in the real app. */
import { test, expect } from './harness/fixtures';

test('restoring a removed line puts it into the article and out of the hidden list', async ({ app }) => {
  await app.library.open('Ukraine Seeks Practical Talks With Trump on Security Support');
  const linked = 'Mick Wallace’s NATO Debate and European Security Discussion';
  await expect(app.reader.body).not.toContainText(linked);
  await app.reader.boilerplate.locator('summary').click();
  const row = app.reader.boilerplate.locator('li', { hasText: linked });
  await app.screenshot('reader-removed-lines');
  await row.getByRole('button', { name: /Restore line/ }).click();
  await expect(app.reader.body).toContainText(linked);
  await expect(app.reader.boilerplate.locator('li', { hasText: linked })).toHaveCount(0);
  await app.screenshot('reader-line-restored');
});

test('a body paragraph is taken out from the toolbar or with X, highlights follow, and undo or Restore puts it back', async ({
  app,
}) => {
  // Five re-cleanings of the article (each a durable write) and four highlights: slow on a loaded machine.
  test.setTimeout(180_000);
  await app.library.open('Ukraine Seeks Practical Talks With Trump on Security Support');
  const paragraph = app.reader.paragraphs.filter({ hasText: 'Trump’s position raises questions' });
  await app.reader.highlight('burden sharing within the alliance', 1);
  await app.reader.highlight('match American levels of support', 2);
  await expect(app.reader.highlightMarks).toHaveCount(2);

  // By mouse: select words in the paragraph, "Remove" in the selection toolbar.
  await app.reader.select('implications for Ukraine');
  await expect(app.reader.toolbar.getByRole('button', { name: /Remove/ })).toBeVisible();
  await app.screenshot('reader-toolbar-remove');
  await app.reader.toolbar.getByRole('button', { name: /Remove/ }).click();
  await expect(paragraph).toHaveCount(0);
  // The highlight in the removed paragraph is an orphan, shown as today; the other still marks its words.
  await expect(app.reader.orphans).toContainText('burden sharing within the alliance');
  await expect(app.reader.highlightMarks).toHaveCount(1);
  await expect(app.reader.highlightMarks.first()).toHaveText('match American levels of support');
  await app.reader.boilerplate.locator('summary').click();
  await expect(
    app.reader.boilerplate.locator('li', { hasText: 'Trump’s position raises questions' }),
  ).toHaveCount(1);
  await app.screenshot('reader-paragraph-removed');

  // Undo puts it back and re-anchors the highlight on it.
  await app.page.keyboard.press('Control+z');
  await expect(paragraph).toHaveCount(1);
  await expect(app.reader.orphans).toHaveCount(0);
  await expect(app.reader.highlightMarks).toHaveCount(2);

  // By keyboard: move the paragraph focus onto it with j, take it out with X.
  const blocks = await app.reader.body.locator('[data-block]:not(hr)').allTextContents();
  const index = blocks.findIndex((text) => text.startsWith('Trump’s position raises questions'));
  for (let step = 0; step <= index; step += 1) await app.page.keyboard.press('j');
  await expect(paragraph).toHaveClass(/focused/);
  await app.page.keyboard.press('x');
  await expect(paragraph).toHaveCount(0);
  await expect(app.reader.orphans).toContainText('burden sharing within the alliance');

  // Restore from the hidden lines puts it back too.
  const row = app.reader.boilerplate.locator('li', { hasText: 'Trump’s position raises questions' });
  await row.getByRole('button', { name: /Restore line/ }).click();
  await expect(paragraph).toHaveCount(1);
  await expect(app.reader.orphans).toHaveCount(0);
  await expect(app.reader.highlightMarks).toHaveCount(2);
});
