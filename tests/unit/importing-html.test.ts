/**
 * The HTML path, one case per bug the Dragnet measurement found: style sheets
 * that crashed jsdom's CSS parser, text Readability keeps that the conversion
 * dropped (tables, <dl>, bare <div> text, <br>), ordered-list numbering that was
 * quadratic, metadata that was not a name or carried the site's suffix, and a
 * failing file that stopped the whole batch (in the app's import and in
 * `briefing inspect`).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { htmlToLines, withoutStyleSheets } from '../../src/main/importing/html-to-lines';
import { cleanAuthor, cleanTitle } from '../../src/main/importing/page-metadata';
import { importArticles } from '../../src/main/importing/import-articles';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const paragraph =
  'Officials from thirty countries met in Brussels on Tuesday to discuss what support they could offer to Ukraine over the coming winter, and how it would be paid for by the allies.';
const page = (head: string, body: string) =>
  `<html><head>${head}</head><body><article><h1>Talks Resume</h1><p>${paragraph}</p>${body}<p>${paragraph}</p></article></body></html>`;

describe('style sheets never reach the CSS parser', () => {
  it.each([
    ['border:inherit then border-color', '<style>a{border:inherit;border-color:#ccc}</style>'],
    ['un-compiled calc()', '<style>p{width:calc(100% - $gutter)}</style>'],
    ['a style attribute too', ''],
  ])('%s', async (_name, head) => {
    const body = '<p style="border:inherit;border-color:red">Styled paragraph stays.</p>';
    const article = await htmlToLines(page(head, body));
    expect(article?.lines).toContain(paragraph);
  });

  it.each([
    ['<style>x</style>rest', 'rest'],
    ['a<STYLE type="text/css">x</STYLE>b', 'ab'],
    ['<styles>kept</styles>', '<styles>kept</styles>'],
    ['<style>never closed', ''],
  ])('withoutStyleSheets(%j) is %j', (html, expected) => {
    expect(withoutStyleSheets(html)).toBe(expected);
  });
});

describe('the text Readability keeps is kept', () => {
  it.each([
    [
      'a table, row by row',
      '<table><tr><th>Country</th><th>Pledge</th></tr><tr><td>Poland</td><td>4 %</td></tr></table>',
      ['Country – Pledge', 'Poland – 4 %'],
    ],
    [
      'a definition list',
      '<dl><dt>Article 5</dt><dd>The mutual-defence clause.</dd></dl>',
      ['Article 5', 'The mutual-defence clause.'],
    ],
    [
      'bare text in a div',
      '<div>Bare text inside a div element, with no paragraph around it.</div>',
      ['Bare text inside a div element, with no paragraph around it.'],
    ],
    ['<br> as a line break', '<p>Tampa, FL<br>June 5</p>', ['Tampa, FL', 'June 5']],
  ])('%s', async (_name, body, expected) => {
    const lines = (await htmlToLines(page('', body)))!.lines.split('\n\n');
    for (const line of expected) expect(lines).toContain(line);
    expect(lines.join(' ')).not.toContain('FLJune');
  });

  it('numbers a 2,000-item ordered list linearly', async () => {
    const items = Array.from({ length: 2000 }, (_, n) => `<li>Item number ${n + 1} of the list.</li>`).join(
      '',
    );
    const started = performance.now();
    const lines = (await htmlToLines(page('', `<ol>${items}</ol>`)))!.lines.split('\n\n');
    expect(lines).toContain('1. Item number 1 of the list.');
    expect(lines).toContain('2000. Item number 2000 of the list.');
    // A generous bound: the quadratic numbering took about 45 s for 1,000 items.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('metadata is sanity-checked', () => {
  it.each([
    ['By Jane Analyst', 'Jane Analyst'],
    ['by Jane Analyst | Published: October 28, 2012', 'Jane Analyst'],
    ['October 28, 2012', null],
    ['2012-10-28', null],
    ['By', null],
    ['The Example Herald', null],
    ['https://example.com/jane', null],
  ])('author %j is %j', (byline, expected) => {
    expect(cleanAuthor(byline, 'The Example Herald')).toBe(expected);
  });

  it.each([
    ['Talks Resume | The Example Herald', 'Talks Resume'],
    ['Talks Resume - Jane Analyst', 'Talks Resume'],
    ['The Example Herald: Talks Resume', 'Talks Resume'],
    ['Analysis: Talks Resume', 'Analysis: Talks Resume'],
  ])('title %j is %j', (title, expected) => {
    expect(cleanTitle(title, 'The Example Herald', 'Jane Analyst')).toBe(expected);
  });

  it('prefers JSON-LD over what the page text suggests', async () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Talks Resume in Geneva',
      author: { '@type': 'Person', name: 'Jane Analyst' },
      datePublished: '2012-10-28T10:00:00Z',
      publisher: { '@type': 'Organization', name: 'The Example Herald' },
    });
    const article = await htmlToLines(
      page(
        `<title>Talks Resume in Geneva | The Example Herald</title><script type="application/ld+json">${ld}</script>`,
        '',
      ),
    );
    expect(article).toMatchObject({
      title: 'Talks Resume in Geneva',
      byline: 'Jane Analyst',
      siteName: 'The Example Herald',
      publishedTime: '2012-10-28T10:00:00Z',
    });
  });
});

describe('one failing file never stops a batch', () => {
  it('in the app’s import: each file gets its own result', async () => {
    // Conversion runs in the import worker, so the failure is a real one there: a PDF whose
    // bytes pdf.js cannot parse, between two good files.
    const store = await open({ dir: await makeTempDir(), backups: false });
    const bytes = (text: string) => new TextEncoder().encode(text);
    const results = await importArticles(
      store,
      [
        { name: 'a.txt', bytes: bytes(`First Story\n\n${paragraph}\n`) },
        {
          name: 'bad.pdf',
          bytes: bytes('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF'),
        },
        { name: 'c.txt', bytes: bytes(`Second Story\n\n${paragraph} Again.\n`) },
      ],
      new Date('2026-11-20T12:00:00.000Z'),
    );
    expect(results.map((result) => result.status)).toEqual(['imported', 'rejected', 'imported']);
    expect(results[1]).toMatchObject({ reason: expect.stringMatching(/\w{4,}/) });
  });

  it('in briefing inspect with many files: one report per file, in order', async () => {
    const dir = await makeTempDir();
    const files = ['one.txt', 'empty.txt', 'two.html'].map((name) => path.join(dir, name));
    await writeFile(files[0]!, `First Story\n\n${paragraph}\n`);
    await writeFile(files[1]!, '');
    await writeFile(files[2]!, page('<style>a{border:inherit;border-color:#ccc}</style>', ''));
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['bin/briefing.mjs', 'inspect', ...files]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const reports = JSON.parse(stdout) as { status: string }[];
    expect(reports.map((report) => report.status)).toEqual(['ok', 'rejected', 'ok']);
  }, 60_000); // a child process compiling the core: seconds on a loaded machine
});
