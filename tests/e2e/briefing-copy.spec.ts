/**
 * The composer: the briefing editor shows a note as rendered Markdown, numbers
 * its source list, and copies an item or a section as rich text and Markdown
 * with the citation written out (read back from the page's copy event),
 * and previews the export as it is edited; a
 * briefing starts from a template, and a briefing is saved as a new template.
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

  // The copy event lands after the click resolves: wait for the section's copy, not the item's.
  await keyJudgments.getByRole('button', { name: 'Copy: section “Key judgments”' }).click();
  await expect.poll(async () => (await copied())?.text).toMatch(/^## Key judgments\n\n> the United States/);
  await app.screenshot('briefing-copy');

  // The preview shows the export's rendering and follows edits.
  await app.page.getByText('Preview as exported (HTML, PDF)').click();
  const preview = app.page.getByRole('region', { name: 'Export preview' });
  await expect(preview.locator('blockquote.excerpt')).toHaveCount(1);
  await expect(preview.locator('.note strong')).toHaveText('core');
  await expect(preview.locator('sup.cite')).toHaveText('[1]');
  await keyJudgments.getByLabel('Commentary').fill('Fresh commentary.');
  await keyJudgments.getByLabel('Commentary').press('Tab');
  await expect(preview.locator('.commentary')).toHaveText('Fresh commentary.');
  await preview.scrollIntoViewIfNeeded();
  await app.screenshot('briefing-preview');
});

test('start a briefing from a template, and save one as a template of your own', async ({ app }) => {
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Briefings' })
    .click();
  const list = app.page.getByRole('navigation', { name: 'Briefings' });
  const editor = app.page.getByRole('article', { name: 'Briefing editor' });
  const sectionTitles = editor.getByLabel(/^Section \d+ title$/);
  const titles = () =>
    expect.poll(() =>
      sectionTitles.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    );
  await list.getByLabel('Template').selectOption('situation-report');
  await list.getByRole('button', { name: 'New briefing' }).click();
  await titles().toEqual(['Situation', 'Assessment', 'Outlook', 'Sources']);

  await sectionTitles.nth(3).fill('Annex');
  await sectionTitles.nth(3).press('Tab');
  await app.page.getByRole('button', { name: 'Save as template…' }).click();
  await app.page.getByLabel('Template name').fill('Weekly sitrep');
  await app.page.getByRole('button', { name: 'Save template' }).click();
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Saved as the template “Weekly sitrep”.' }),
  ).toBeVisible();

  await list
    .getByLabel('Template')
    .selectOption({ label: 'Weekly sitrep (yours) — Situation, Assessment, Outlook, Annex' });
  await list.getByRole('button', { name: 'New briefing' }).click();
  await titles().toEqual(['Situation', 'Assessment', 'Outlook', 'Annex']);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await app.screenshot('briefing-templates');
});
