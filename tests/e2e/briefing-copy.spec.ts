/**
 * The briefing editor shows a note as rendered Markdown, numbers its source
 * list, and copies an item or a section as rich text and Markdown with the
 * citation written out (read back from the page's copy event).
 */
import { test, expect } from './harness/fixtures';

const summitSeed = 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal';

test('copy a briefing item and a section as rich text and Markdown', async ({ app }) => {
  await app.library.open(summitSeed);
  await app.reader.select('the United States would help guarantee Ukraine’s security');
  await app.page.keyboard.press('1');
  await app.reader.editor.getByLabel('Note (Markdown)').fill('The **core** pledge:\n\n- one\n- two');
  await app.page.keyboard.press('Escape');
  await app.reader.highlightMarks.first().click();
  await app.page.keyboard.press('b');
  await expect(app.page.getByRole('status').filter({ hasText: 'Added to the briefing' })).toBeVisible();
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Briefings' })
    .click();
  const editor = app.page.getByRole('article', { name: 'Briefing editor' });
  const keyJudgments = editor.getByRole('region', { name: 'Key judgments', exact: true });
  await expect(keyJudgments.locator('.note strong')).toHaveText('core');
  await expect(editor.getByRole('region', { name: 'Sources' }).getByRole('listitem')).toHaveText([
    /^\[1\] .*Trump Pledges U\.S\. Support/,
  ]);

  await app.page.evaluate(() => {
    window.addEventListener('copy', (event) => {
      (window as unknown as { copied: unknown }).copied = {
        html: event.clipboardData?.getData('text/html'),
        text: event.clipboardData?.getData('text/plain'),
      };
    });
  });
  const copied = () =>
    app.page.evaluate(() => (window as unknown as { copied?: { html: string; text: string } }).copied);
  await keyJudgments.getByRole('button', { name: 'Copy: item' }).click();
  await expect(keyJudgments.getByRole('status')).toHaveText('Copied as rich text and Markdown');
  const item = (await copied())!;
  expect(item.html).toMatch(
    /^<blockquote dir="auto"><p>the United States would help guarantee Ukraine’s security<\/p><p>— <cite>/,
  );
  expect(item.html).toContain('<strong>core</strong>');
  expect(item.text).toMatch(
    /^> the United States would help guarantee Ukraine’s security\n>\n> — .*“Trump Pledges/,
  );
  expect(item.text).toContain('The **core** pledge:\n\n- one\n- two');

  await keyJudgments.getByRole('button', { name: 'Copy: section “Key judgments”' }).click();
  const section = (await copied())!;
  expect(section.text).toMatch(/^## Key judgments\n\n> the United States/);
  await app.screenshot('briefing-copy');
});
