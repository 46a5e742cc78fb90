/**
 * Articles as an analyst needs them: the reading view of every seed (with
 * screenshots), flagged passages with their explanations, the hidden
 * boilerplate and comments, the source panel, import by drag-and-drop and by
 * the menu, and delete with confirmation.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './harness/fixtures';

const seeds = [
  ['000', 'Ukraine Seeks Practical Talks With Trump on Security Support'],
  ['001', 'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia'],
  ['002', 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal'],
  ['003', 'Ukrainian President Volodymyr Zelenskyy made it clear this week that when it…'],
  ['004', 'President Donald Trump’s latest meeting with European and NATO leaders was…'],
] as const;
const fixture = (name: string) => path.resolve('tests/fixtures/import', name);

for (const [number, title] of seeds) {
  test(`the reading view of seed ${number}`, async ({ app }) => {
    await app.library.open(title);
    await expect(app.reader.title).toHaveText(title);
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await app.screenshot(`reader-seed-${number}`);
  });
}

test('damaged passages are marked, and focusing one explains why', async ({ app }) => {
  await app.library.open(seeds[1][1]);
  await expect(app.reader.flags).toHaveText([
    'easternម qued faper ter',
    'Ukraine?s',
    'online shopping',
    'stKEs',
  ]);
  await expect(app.reader.article.getByRole('note')).toContainText('damaged in 4 places');
  await expect(app.reader.tooltip).toBeHidden();
  await app.reader.flags.nth(1).focus();
  await expect(app.reader.tooltip).toBeVisible();
  await expect(app.reader.tooltip).toHaveText(/question mark stands where an apostrophe was lost/);
  await app.reader.flags.nth(2).hover();
  await expect(app.reader.tooltip).toHaveText(/reads like advertising or spam/);
  await app.reader.flags.nth(0).scrollIntoViewIfNeeded();
  await app.reader.flags.nth(0).focus();
  await expect(app.reader.tooltip).toHaveText(/Garbled text/);
  await app.screenshot('reader-flag-explanation');
});

test('hidden boilerplate and reader comments are offered behind disclosures', async ({ app }) => {
  await app.library.open(seeds[0][1]);
  await expect(app.reader.boilerplate.locator('summary')).toHaveText('8 lines of site boilerplate hidden');
  await expect(app.reader.body).not.toContainText('No time to read?');
  await expect(app.reader.boilerplate.locator('li').first()).toBeHidden();
  await app.reader.boilerplate.locator('summary').click();
  await expect(app.reader.boilerplate.locator('li')).toHaveCount(8);
  await expect(app.reader.boilerplate.locator('li').first()).toContainText('line 3');
  await expect(app.reader.boilerplate.locator('li').first()).toContainText('summary prompt');
  await expect(app.reader.boilerplate.locator('li').first()).toContainText('No time to read?');
  await app.screenshot('reader-boilerplate-revealed');

  await app.reader.backButton.click();
  await app.library.open(seeds[4][1]);
  await expect(app.reader.comments.locator('summary')).toHaveText(
    '2 reader comments (not part of the article)',
  );
  await expect(app.reader.body).not.toContainText('I agree with the European leaders');
  await app.reader.comments.locator('summary').click();
  await expect(app.reader.comments.locator('blockquote').first()).toHaveText(
    'I agree with the European leaders',
  );
});

test('the source panel edits title, outlet, author, date and URL, and keeps them', async ({ app }) => {
  await app.library.open(seeds[3][1]);
  await app.reader.openTab('Source');
  await expect(app.reader.sourcePanel).toContainText('The source had no headline');
  await app.reader.sourceField('Title').fill('Zelenskyy asks the U.S. for “everything”');
  await app.reader.sourceField('Outlet').fill('Kyiv Post');
  await app.reader.sourceField('Author').fill('Francesca Chambers');
  await app.reader.sourceField('Published').fill('2025-08-19');
  await app.reader.sourceField('URL').fill('https://example.org/zelenskyy-everything');
  await app.reader.sourcePanel.getByRole('button', { name: 'Save source' }).click();
  await expect(app.reader.sourcePanel.getByRole('status')).toHaveText('Saved');
  await expect(app.reader.title).toHaveText('Zelenskyy asks the U.S. for “everything”');
  await expect(app.reader.article.locator('.byline')).toHaveText(
    'Kyiv Post · Francesca Chambers · 19 Aug 2025',
  );
  await app.screenshot('reader-source-panel');

  await app.restart();
  await expect(app.library.item('Zelenskyy asks the U.S. for “everything”')).toContainText('Kyiv Post');
  await app.library.open('Zelenskyy asks the U.S. for “everything”');
  await app.reader.openTab('Source');
  await expect(app.reader.sourceField('URL')).toHaveValue('https://example.org/zelenskyy-everything');
  await expect(app.reader.sourceField('Published')).toHaveValue('2025-08-19');
});

test('a rejected source edit shows the error and keeps what was typed', async ({ app }) => {
  await app.library.open(seeds[0][1]);
  await app.reader.openTab('Source');
  await app.reader.sourceField('URL').evaluate((input: HTMLInputElement) => (input.type = 'text'));
  await app.reader.sourceField('URL').fill('javascript:alert(1)');
  await app.reader.sourcePanel.getByRole('button', { name: 'Save source' }).click();
  await expect(app.reader.sourcePanel.getByRole('alert')).toContainText('Not saved');
  await expect(app.reader.sourceField('URL')).toHaveValue('javascript:alert(1)');
});

test('dropping files imports them one by one, with progress and a result per file', async ({ app }) => {
  const html = new Uint8Array(await readFile(fixture('scripted-page.html')));
  const markdown = new Uint8Array(await readFile(fixture('briefing-notes.md')));
  const seedCopy = new Uint8Array(await readFile('seeds/002_fcb9d55784e1e080.txt'));
  await app.library.dropFiles([
    { name: 'allies.html', bytes: html, type: 'text/html' },
    { name: 'notes.md', bytes: markdown },
    { name: 'again.txt', bytes: seedCopy },
    { name: 'picture.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
    { name: 'empty.txt', bytes: new Uint8Array() },
  ]);
  const panel = app.library.importPanel;
  await expect(panel.getByRole('heading')).toHaveText('Import finished: 2 imported, 1 duplicate, 2 rejected');
  await expect(panel.locator('li[data-status="imported"]')).toHaveCount(2);
  await expect(panel.locator('li', { hasText: 'again.txt' })).toContainText(
    'already in the library as “Trump Pledges',
  );
  await expect(panel.locator('li', { hasText: 'picture.png' })).toContainText('not imported');
  await expect(panel.locator('li', { hasText: 'empty.txt' })).toContainText('the file is empty');
  await expect(app.library.items).toHaveCount(7);
  await expect(app.page.evaluate(() => document.title)).resolves.toBe('Briefing Reader');
  await app.screenshot('import-results');

  await app.library.open('Allies Weigh Security Guarantees for Ukraine');
  await expect(app.reader.headings).toHaveText(['What is on the table']);
  await expect(app.reader.body).not.toContainText('Injected paragraph');
  await expect(app.reader.article.locator('.byline')).toContainText('The Example Herald');
});

test('File › Import Articles… imports the files chosen in the dialog', async ({ app }) => {
  await app.importThroughMenu([
    fixture('briefing-notes.md'),
    fixture('scripted-page.html'),
    path.resolve('package.json'),
  ]);
  const panel = app.library.importPanel;
  await expect(panel.getByRole('heading')).toHaveText('Import finished: 2 imported, 0 duplicate, 1 rejected');
  await expect(panel.locator('li', { hasText: 'package.json' })).toContainText('not imported');
  await expect(app.library.item('Ceasefire Monitoring Options')).toBeVisible();
});

test('deleting an article asks first, says what goes with it, and Cancel keeps it', async ({ app }) => {
  await expect(app.library.items).toHaveCount(5);
  await app.library.item(seeds[2][1]).hover();
  await app.library
    .item(seeds[2][1])
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(app.library.deleteDialog).toContainText(`Delete “${seeds[2][1]}”?`);
  await expect(app.library.deleteDialog).toContainText('It has no highlights or notes.');
  await app.screenshot('delete-confirmation');
  await app.library.deleteDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.library.items).toHaveCount(5);

  await app.library.open(seeds[2][1]);
  await expect(app.reader.title).toHaveText(seeds[2][1]);
  await app.reader.select('a peace deal remains elusive');
  await app.page.keyboard.press('1');
  await app.reader.editor.getByLabel('Note (Markdown)').fill('Worth quoting.');
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await app.reader.backButton.click();
  await app.library.press('Home', 'j', 'j', 'Delete');
  await expect(app.library.deleteDialog).toContainText('Its 1 highlight and 1 note will be deleted with it.');
  await expect(app.library.deleteDialog).toContainText(seeds[2][1]);
  await app.library.deleteDialog.getByRole('button', { name: 'Delete article' }).click();
  await expect(app.library.items).toHaveCount(4);
  await expect(app.library.item(seeds[2][1])).toHaveCount(0);
  await app.restart();
  await expect(app.library.items).toHaveCount(4);
});
