/**
 * Reading with a pen in hand, driven by mouse and keyboard: highlighting with
 * the toolbar and with 1–5, paragraph mode (j/k/H), overlapping highlights,
 * notes and tags that survive a restart, undo and redo, orphans re-attached,
 * a note that carries HTML running nothing, links opened only after asking,
 * the library-wide highlights view, and renamed categories.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, storeDirOf } from './harness/fixtures';
import type { BriefingApp } from './pages/briefing-app';

const longSeed = 'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia';
const summitSeed = 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal';

async function openLong(app: BriefingApp) {
  await app.library.open(longSeed);
  await expect(app.reader.title).toHaveText(longSeed);
}

test('select text and highlight it with the toolbar, and with a number key', async ({ app }) => {
  await openLong(app);
  await app.reader.select('Humanitarian agencies have said');
  await expect(app.reader.toolbar).toBeVisible();
  await app.screenshot('highlight-toolbar');
  await app.reader.toolbar.getByRole('button', { name: /Evidence/ }).click();
  await expect(app.reader.highlightMarks).toHaveText(['Humanitarian agencies have said']);
  await expect(app.reader.editor.getByRole('radio', { name: /Evidence/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );

  await app.reader.select('Powerful language');
  await app.page.keyboard.press('4');
  await expect(app.reader.highlightMarks).toHaveCount(2);
  await expect(app.reader.editor.getByRole('radio', { name: /Question/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(app.reader.highlightList.getByRole('button')).toHaveCount(2);
  await expect(app.page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await app.screenshot('highlights');
});

test('a selection of only white space is refused, and one across several blocks works', async ({ app }) => {
  await openLong(app);
  await app.reader.select(' ', 3);
  await expect(app.reader.toolbar).toHaveCount(0);
  await app.page.keyboard.press('1');
  await expect(app.reader.article.getByRole('alert')).toContainText('holds only white space');
  await expect(app.reader.highlightMarks).toHaveCount(0);

  await app.reader.select('Diplomatic UrgencyThe economy and the society');
  await app.page.keyboard.press('2');
  await expect(app.reader.highlightMarks).toHaveText(['Diplomatic Urgency', 'The economy and the society']);
  await expect(app.reader.editor.locator('blockquote')).toHaveText(
    'Diplomatic Urgency\n\nThe economy and the society',
  );
});

test('paragraph mode: j and k move the focus, H highlights the paragraph', async ({ app }) => {
  await openLong(app);
  const focused = app.reader.body.locator('.focused');
  await app.page.keyboard.press('j');
  await expect(focused).toHaveText(/^In 2025, the war in Ukraine/);
  await app.page.keyboard.press('j');
  await expect(focused).toHaveText(/^This new round of diplomacy/);
  await app.page.keyboard.press('k');
  await expect(focused).toHaveText(/^In 2025, the war in Ukraine/);
  await app.page.keyboard.press('H');
  await expect(app.reader.highlightMarks).toHaveText([
    /^In 2025, the war in Ukraine reaches the decisive stage\..*Moscow\.$/,
  ]);
  await app.screenshot('paragraph-mode');
});

test('overlapping highlights stay independent and the overlap is visible', async ({ app }) => {
  await openLong(app);
  await app.reader.select('security guarantees to Ukraine without her full membership');
  await app.page.keyboard.press('1');
  await expect(app.reader.highlightMarks).toHaveCount(1);
  await app.reader.select('without her full');
  await app.page.keyboard.press('3');
  await expect(app.reader.body.locator('.hl.overlap')).toHaveText('without her full');
  await app.reader.body.locator('.hl.overlap').scrollIntoViewIfNeeded();
  await app.screenshot('overlapping-highlights');

  await app.reader.highlightList.getByRole('button', { name: /^security guarantees/ }).click();
  await app.reader.editor.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(app.reader.highlightMarks).toHaveText(['without her full']);
  await expect(app.reader.body.locator('.hl.overlap')).toHaveCount(0);
});

test('a note and tags on a highlight, and the article note, are saved and are there after a restart', async ({
  app,
}) => {
  await openLong(app);
  await app.reader.select('no ceasefire deal was reached');
  await app.page.keyboard.press('1');
  const note = app.reader.editor.getByLabel('Note (Markdown)');
  await note.fill('Alaska summit **failed**: see [the readout](https://example.org/readout).');
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const tags = app.reader.editor.getByLabel('Add a tag');
  await tags.fill('alaska');
  await tags.press('Enter');
  await tags.fill('<b>ceasefire</b>');
  await tags.press('Enter');
  await expect(app.reader.editor.getByRole('list', { name: 'Tags' })).toContainText('<b>ceasefire</b>');
  await app.reader.openTab('Article note');
  await app.reader.panel
    .getByLabel('Your note on this article (Markdown)')
    .fill('Lead piece for the Friday briefing.');
  await app.reader.panel.getByLabel('Your note on this article (Markdown)').blur();
  await expect(
    app.reader.panel.getByRole('tabpanel', { name: 'Article note' }).getByRole('status'),
  ).toHaveText('Saved');

  await app.restart();
  await openLong(app);
  await expect(app.reader.highlightMarks).toHaveText(['no ceasefire deal was reached']);
  await expect(app.reader.highlightList).toContainText('Note');
  await expect(app.reader.highlightList).toContainText('alaska');
  await app.reader.highlightMarks.first().click();
  await expect(app.reader.editor.getByLabel('Note (Markdown)')).toHaveValue(
    'Alaska summit **failed**: see [the readout](https://example.org/readout).',
  );
  await app.reader.openTab('Article note');
  await expect(app.reader.panel.getByLabel('Your note on this article (Markdown)')).toHaveValue(
    'Lead piece for the Friday briefing.',
  );
  await app.reader.openTab('Highlights');
  await app.screenshot('highlight-editor');
});

test('undo and redo with the keyboard, also after a restart', async ({ app }) => {
  await openLong(app);
  await app.reader.select('the human toll is overwhelmingly high');
  await app.page.keyboard.press('2');
  await expect(app.reader.highlightMarks).toHaveCount(1);
  await app.reader.editor.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(app.reader.highlightMarks).toHaveCount(0);

  await app.restart();
  await openLong(app);
  await app.page.keyboard.press('Control+z');
  await expect(app.page.getByRole('status').filter({ hasText: 'Undid: delete' })).toBeVisible();
  await expect(app.reader.highlightMarks).toHaveText(['the human toll is overwhelmingly high']);
  await app.page.keyboard.press('Control+z');
  await expect(app.reader.highlightMarks).toHaveCount(0);
  await app.page.keyboard.press('Control+Shift+z');
  await expect(app.reader.highlightMarks).toHaveCount(1);
});

test('an orphaned highlight is listed with its quote and note, and can be re-attached', async ({
  app,
  profileDir,
}) => {
  test.setTimeout(60_000);
  await openLong(app);
  await app.reader.select('War Fatigue Confronts the Diplomatic Urgency');
  await app.page.keyboard.press('4');
  await app.reader.editor.getByLabel('Note (Markdown)').fill('Is fatigue measurable?');
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await app.restart(async () => {
    const articles = path.join(storeDirOf(profileDir), 'articles');
    const index = JSON.parse(await readFile(path.join(storeDirOf(profileDir), 'library.json'), 'utf8'));
    const id = index.articles.find((a: { title: string }) => a.title === longSeed).id;
    const file = path.join(articles, `${id}.json`);
    const article = JSON.parse(await readFile(file, 'utf8'));
    article.rawText = article.rawText.replace(
      'War Fatigue Confronts the Diplomatic Urgency',
      'Exhaustion Meets Urgency in Kyiv',
    );
    article.cleaned.rulesVersion = 0;
    await writeFile(file, JSON.stringify(article));
  });
  // The changed text is cleaned again as the article opens, in the low-priority conversion process: on a
  // loaded machine that alone took over 10 s.
  await app.library.open(longSeed);
  await expect(app.reader.title).toHaveText(longSeed, { timeout: 30_000 });
  await expect(app.reader.highlightMarks).toHaveCount(0);
  await expect(app.reader.orphans).toContainText('War Fatigue Confronts the Diplomatic Urgency');
  await expect(app.reader.orphans).toContainText('Is fatigue measurable?');
  await app.screenshot('orphaned-highlight');

  await app.reader.orphans.getByRole('button', { name: 'Re-attach…' }).click();
  await app.reader.select('Exhaustion Meets Urgency in Kyiv');
  await app.reader.toolbar.getByRole('button', { name: 'Re-attach here' }).click();
  await expect(app.reader.highlightMarks).toHaveText(['Exhaustion Meets Urgency in Kyiv']);
  await expect(app.reader.orphans).toHaveCount(0);
  await expect(app.reader.editor.getByLabel('Note (Markdown)')).toHaveValue('Is fatigue measurable?');
});

test('a note carrying HTML and script runs nothing and loads nothing; links open only after confirmation', async ({
  app,
}) => {
  const requests: string[] = [];
  app.page.on('request', (request) => requests.push(request.url()));
  await openLong(app);
  await app.reader.select('Alaska');
  await app.page.keyboard.press('5');
  const hostile = [
    '<img src=x onerror="window.__xss = 1">',
    '<script>window.__xss = 2</script>',
    '<a href="javascript:window.__xss=3">click me</a>',
    '![remote](https://tracker.example/pixel.png)',
    '[a safe link](https://example.org/briefing)',
  ].join('\n\n');
  await app.reader.editor.getByLabel('Note (Markdown)').fill(hostile);
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await app.reader.editor.getByRole('button', { name: 'Preview' }).click();
  const preview = app.reader.editor.locator('.markdown');
  await expect(preview.getByRole('link', { name: 'a safe link' })).toBeVisible();
  await expect(preview.locator('img, script, iframe')).toHaveCount(0);
  await preview.getByText('click me').click();
  await expect(app.reader.editor.getByRole('alert')).toContainText('Only https links can be opened');
  expect(await app.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(requests.filter((url) => url.includes('tracker.example') || url.endsWith('/x'))).toEqual([]);

  await preview.getByRole('link', { name: 'a safe link' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(dialog).toContainText('https://example.org/briefing');
  await app.screenshot('link-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.externalLinks()).toEqual([]);
  // A middle-click asks exactly like a click, and opens no window of its own.
  await preview.getByRole('link', { name: 'a safe link' }).click({ button: 'middle' });
  await expect(dialog).toContainText('https://example.org/briefing');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.externalLinks()).toEqual([]);
  expect(app.page.context().pages()).toHaveLength(1);
  await preview.getByRole('link', { name: 'a safe link' }).click();
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect.poll(() => app.externalLinks()).toEqual(['https://example.org/briefing']);
});

test('a 100,000-character note saves and renders', async ({ app }) => {
  await openLong(app);
  await app.reader.select('Alaska');
  await app.page.keyboard.press('1');
  const longNote = `## Long analysis\n\n${'Ceasefire terms were discussed at length. '.repeat(2400)}`.slice(
    0,
    100_000,
  );
  await app.reader.editor.getByLabel('Note (Markdown)').fill(longNote);
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({
    timeout: 15_000,
  });
  await app.reader.editor.getByRole('button', { name: 'Preview' }).click();
  await expect(app.reader.editor.locator('.markdown h2')).toHaveText('Long analysis');
  const rendered = await app.reader.editor.locator('.markdown').innerText();
  expect(rendered.length).toBeGreaterThan(95_000);
});

test('the library-wide view lists highlights from every article, filters them, and opens one in place', async ({
  app,
}) => {
  await openLong(app);
  await app.reader.select('Humanitarian agencies have said');
  await app.page.keyboard.press('2');
  await app.reader.backButton.click();
  await app.library.open(summitSeed);
  await app.reader.select('a major step forward');
  await app.page.keyboard.press('1');
  await app.reader.editor.getByLabel('Add a tag').fill('guarantees');
  await app.reader.editor.getByLabel('Add a tag').press('Enter');

  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Highlights' })
    .click();
  const all = app.page.getByRole('list', { name: 'All highlights' });
  await expect(all.locator('.row')).toHaveCount(2);
  await app.screenshot('all-highlights');
  await app.page
    .getByRole('group', { name: 'Filter All highlights' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  await expect(all.locator('.row')).toHaveCount(1);
  await app.page
    .getByRole('group', { name: 'Filter All highlights' })
    .getByRole('button', { name: 'Evidence' })
    .click();
  await app.page.getByLabel('Filter by tag').selectOption('guarantees');
  await expect(all.locator('.row')).toHaveText([/a major step forward/]);
  await all.locator('.row').first().click();
  await expect(app.reader.title).toHaveText(summitSeed);
  await expect(app.reader.editor.locator('blockquote')).toHaveText('a major step forward');
});

test('categories can be renamed and recoloured', async ({ app }) => {
  await openLong(app);
  await app.reader.panel.getByText('Edit categories').click();
  await app.reader.panel.getByLabel('Name of category 1').fill('Bottom line');
  await app.reader.panel.getByLabel('Colour of category 1').fill('#ff6699');
  await app.reader.panel.getByRole('button', { name: 'Save categories' }).click();
  await expect(
    app.reader.panel.getByRole('form', { name: 'Edit categories' }).getByRole('status'),
  ).toHaveText('Saved');
  await app.reader.select('Alaska');
  await expect(app.reader.toolbar.getByRole('button', { name: /Bottom line/ })).toBeVisible();
  await app.page.keyboard.press('1');
  await expect(app.reader.highlightMarks.first()).toHaveAttribute('style', /#ff6699/);
  await app.restart();
  await openLong(app);
  await expect(
    app.reader.highlightList
      .getByRole('group')
      .or(app.reader.panel.getByRole('group', { name: /Filter/ }))
      .getByRole('button', { name: 'Bottom line' }),
  ).toBeVisible();
});

test('a note that cannot be saved shows why and keeps every character typed', async ({ app }) => {
  await app.library.open(longSeed);
  await expect(app.reader.title).toHaveText(longSeed);
  await app.reader.select('Alaska');
  await app.page.keyboard.press('1');
  const tooLong = 'x'.repeat(200_001);
  const note = app.reader.editor.getByLabel('Note (Markdown)');
  await note.fill(tooLong);
  await note.blur();
  await expect(app.reader.editor.getByRole('alert')).toContainText('Not saved');
  await expect(app.reader.editor.getByRole('alert')).toContainText('Your text is kept here');
  await expect(app.page.getByRole('status').filter({ hasText: /^Not saved/ })).toBeVisible();
  expect((await note.inputValue()).length).toBe(200_001);

  await expect(app.reader.editor.getByRole('button', { name: 'Retry' })).toBeVisible();

  await note.fill('A shorter note.');
  await expect(app.reader.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(app.reader.editor.getByRole('alert')).toHaveCount(0);
  await expect(app.page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
});
