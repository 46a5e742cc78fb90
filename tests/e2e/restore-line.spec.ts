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
