/**
 * Composing a briefing from highlights in two articles (with B in the reader
 * and from the library-wide view), rearranging it by keyboard and by drag and
 * drop, and exporting every format; the files are checked with real tools and
 * left under test-results/exports/ for anyone to open. An export to a place
 * that cannot be written shows the error and leaves no file.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import { Parser } from 'commonmark';
import { test, expect } from './harness/fixtures';
import { annotationCollectionSchema } from '../fixtures/web-annotation-must.schema';

const run = promisify(execFile);
const exportsDir = path.resolve('test-results/exports');
const longSeed = 'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia';
const summitSeed = 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal';

test('compose a briefing from two articles, rearrange it, and export every format', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const outDir = path.join(exportsDir, testInfo.project.name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  // Highlights in two articles; B adds the selected highlight to the briefing (creating it).
  await app.library.open(summitSeed);
  await app.reader.select('the United States would help guarantee Ukraine’s security');
  await app.page.keyboard.press('1');
  await app.reader.editor.getByLabel('Note (Markdown)').fill('The core pledge.');
  await app.page.keyboard.press('Escape');
  await app.reader.highlightMarks.first().click();
  await app.page.keyboard.press('b');
  await expect(app.page.getByRole('status').filter({ hasText: 'Added to the briefing' })).toBeVisible();
  await app.reader.select('a peace deal remains elusive');
  await app.page.keyboard.press('3');
  await expect(app.reader.editor.locator('blockquote')).toHaveText('a peace deal remains elusive');
  await app.page.keyboard.press('b');
  await expect(app.page.getByRole('status').filter({ hasText: 'Added to the briefing' })).toBeVisible();
  await app.reader.backButton.click();
  await app.library.open(longSeed);
  await app.reader.select('Humanitarian agencies have said tens of thousands of civilians have been killed');
  await app.page.keyboard.press('2');
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Highlights' })
    .click();
  await app.page.getByRole('button', { name: /^Add “Humanitarian agencies/ }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Added to the briefing' })).toBeVisible();

  // The briefing: header, BLUF, items in their category sections, sources numbered.
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Briefings' })
    .click();
  const editor = app.page.getByRole('article', { name: 'Briefing editor' });
  await editor.getByLabel('Briefing title').fill('Security guarantees: where things stand');
  await editor.getByLabel('Briefing title').press('Tab');
  await editor.getByLabel('Author').fill('Policy desk');
  await editor.getByLabel('Author').press('Tab');
  await editor.getByLabel('Audience / handling').fill('Internal — not for distribution');
  await editor.getByLabel('Audience / handling').press('Tab');
  await editor
    .getByLabel('Bottom line up front')
    .fill('Washington has pledged help, but a peace deal remains elusive.');
  await editor.getByLabel('Bottom line up front').press('Tab');
  await expect(app.page.getByRole('navigation', { name: 'Briefings' })).toContainText(
    'Security guarantees: where things stand',
  );
  const section = (name: string) => editor.getByRole('region', { name, exact: true });
  await expect(section('Key judgments').locator('blockquote')).toHaveText([
    'the United States would help guarantee Ukraine’s security [1]',
  ]);
  await expect(section('Counterpoints').locator('blockquote')).toHaveText([
    'a peace deal remains elusive [1]',
  ]);
  await expect(section('Evidence').locator('blockquote')).toHaveText([
    'Humanitarian agencies have said tens of thousands of civilians have been killed [2]',
  ]);
  await expect(editor.getByRole('region', { name: 'Sources' })).toContainText(
    '(the source text is damaged in places)',
  );

  // Commentary; keyboard reorder (Alt+↑ moves the counterpoint up into Evidence); drag and drop back.
  await section('Key judgments').getByLabel('Commentary').fill('The clearest statement of intent so far.');
  await section('Key judgments').getByLabel('Commentary').press('Tab');
  await section('Counterpoints').getByRole('listitem').first().focus();
  await app.page.keyboard.press('Alt+ArrowUp');
  await expect(section('Evidence').locator('blockquote')).toHaveCount(2);
  await expect(section('Evidence').locator('blockquote').last()).toHaveText(
    'a peace deal remains elusive [1]',
  );
  await section('Evidence').getByRole('listitem').last().dragTo(section('Counterpoints'));
  await expect(section('Counterpoints').locator('blockquote')).toHaveText([
    'a peace deal remains elusive [1]',
  ]);
  await section('Evidence')
    .getByRole('listitem')
    .first()
    .getByLabel('Move to section')
    .selectOption({ label: 'Open questions' });
  await expect(section('Open questions').locator('blockquote')).toHaveCount(1);
  await section('Open questions')
    .getByRole('listitem')
    .first()
    .getByLabel('Move to section')
    .selectOption({ label: 'Evidence' });
  await expect(section('Evidence').locator('blockquote')).toHaveCount(1);
  await app.screenshot('briefing-editor');

  // Export every format.
  const files = {
    md: 'briefing.md',
    html: 'briefing.html',
    pdf: 'briefing.pdf',
    docx: 'briefing.docx',
    json: 'briefing.jsonld',
  };
  const buttons = { md: 'Markdown', html: 'HTML', pdf: 'PDF', docx: 'Word', json: 'W3C annotations' };
  for (const format of Object.keys(files) as (keyof typeof files)[]) {
    const target = path.join(outDir, files[format]);
    await app.chooseSavePaths([target]);
    await editor
      .getByRole('group', { name: 'Export' })
      .getByRole('button', { name: buttons[format], exact: true })
      .click();
    await expect(editor.getByRole('status').filter({ hasText: 'Saved to' })).toContainText(target, {
      timeout: 30_000,
    });
    expect((await stat(target)).size).toBeGreaterThan(200);
  }
  await editor.getByRole('button', { name: 'Show in folder' }).click();
  await editor.getByRole('button', { name: 'Open', exact: true }).click();
  await expect
    .poll(() => app.openedFiles())
    .toEqual({ opened: [path.join(outDir, files.json)], shown: [path.join(outDir, files.json)] });

  // Markdown: CommonMark with front matter, block ids and citations.
  const markdown = await readFile(path.join(outDir, files.md), 'utf8');
  expect(markdown).toMatch(/^---\ntitle: "Security guarantees: where things stand"\nauthor: "Policy desk"/);
  const tree = new Parser().parse(markdown);
  const headings: string[] = [];
  const walker = tree.walker();
  let event;
  while ((event = walker.next()))
    if (event.entering && event.node.type === 'heading') headings.push(event.node.firstChild?.literal ?? '');
  expect(headings).toEqual([
    'Security guarantees: where things stand',
    'Bottom line up front',
    'Key judgments',
    'Evidence',
    'Counterpoints',
    'Sources',
  ]);
  expect(markdown.match(/\[\d\] \^hl-[0-9a-f-]+$/gm)).toHaveLength(3);

  // HTML: no script, every excerpt.
  const html = await readFile(path.join(outDir, files.html), 'utf8');
  expect(html).not.toMatch(/<script/i);
  for (const excerpt of [
    'the United States would help guarantee',
    'Humanitarian agencies',
    'a peace deal remains elusive',
  ])
    expect(html).toContain(excerpt);

  // PDF: printed by Chromium, with page numbers; read back with pdftotext.
  const pdfText = (await run('pdftotext', ['-layout', path.join(outDir, files.pdf), '-'])).stdout.replace(
    /\s+/g,
    ' ',
  );
  for (const phrase of [
    'Security guarantees: where things stand',
    'Key judgments',
    'Evidence',
    'Counterpoints',
    'Sources',
    'The clearest statement of intent so far.',
  ]) {
    expect(pdfText).toContain(phrase);
  }
  expect(pdfText).toMatch(/\b1 ?\/ ?\d+\b/);
  await run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    path.join(outDir, files.pdf),
    path.join(outDir, 'briefing-page'),
  ]);

  // DOCX: converted by LibreOffice, text read back in order with the footnotes.
  const profile = path.join(outDir, '.lo-profile');
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(outDir, 'docx-as-pdf'),
      path.join(outDir, files.docx),
    ],
    { timeout: 120_000 },
  );
  await rm(profile, { recursive: true, force: true });
  const { stdout: docxText } = await run('pdftotext', [
    path.join(outDir, 'docx-as-pdf', 'briefing.pdf'),
    '-',
  ]);
  const flat = docxText.replace(/\s+/g, ' ');
  expect(flat.indexOf('Key judgments')).toBeLessThan(flat.indexOf('Evidence'));
  expect(flat.indexOf('Evidence')).toBeLessThan(flat.indexOf('Counterpoints'));
  expect(flat).toMatch(/\[1\] “Trump Pledges U\.S\. Support/);

  // W3C annotations: valid against the MUSTs.
  const collection = JSON.parse(await readFile(path.join(outDir, files.json), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(annotationCollectionSchema);
  expect(validate(collection), JSON.stringify(validate.errors)).toBe(true);
  expect(collection.total).toBe(3);
});

test('an export to a place that cannot be written shows why and leaves no file', async ({
  app,
  profileDir,
}) => {
  await app.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Briefings' })
    .click();
  await app.page.getByRole('button', { name: 'New briefing' }).click();
  const editor = app.page.getByRole('article', { name: 'Briefing editor' });
  const target = path.join(profileDir, 'missing-folder', 'briefing.html');
  await app.chooseSavePaths([target]);
  await editor
    .getByRole('group', { name: 'Export' })
    .getByRole('button', { name: 'HTML', exact: true })
    .click();
  await expect(editor.getByRole('alert')).toContainText('the folder does not exist. No file was written.');
  await expect(readdir(path.dirname(target))).rejects.toThrow();
  await app.chooseSavePaths([]);
  await editor
    .getByRole('group', { name: 'Export' })
    .getByRole('button', { name: 'Markdown', exact: true })
    .click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved to' })).toHaveCount(0);
});
