/**
 * "Sources compared" in a briefing, through the IPC dispatcher on real store
 * files: the seeds' story added as a section (compact coverage matrix, who
 * said what, sources numbered in the briefing's one list), kept when the
 * editor saves its sections, kept whole when an article is deleted, undone
 * like any briefing change; and every export opened by the tool a reader
 * would use (pandoc for Markdown, jsdom for HTML, poppler for the PDF
 * Chromium prints, LibreOffice and pandoc for Word), rendered to PNG under
 * test-results/exports/ to be looked at.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium';
import { printWithPlaywright } from '../../scripts/print-pdf';
import { exportBriefing } from '../../src/main/briefings/export-briefing';
import { sectionInputs } from '../../src/renderer/src/lib/briefing-sections';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const run = promisify(execFile);
const makeTempDir = tempDirs();
const shots = path.resolve('test-results/exports');
const soffice = process.env['SOFFICE'] ?? '/usr/bin/soffice';

async function briefingWithComparison() {
  const dir = await makeTempDir();
  const app = await dispatchApp(path.join(dir, 'store'));
  const articles = await app.ok('listArticles', {});
  const ids = articles.map((article) => article.id);
  const story = await app.ok('createStory', { name: 'US guarantees for Ukraine', articleIds: ids });
  const { highlight } = await app.ok('createHighlight', {
    articleId: ids[2]!,
    start: 0,
    end: 40,
    categoryId: 'evidence',
  });
  const briefing = await app.ok('createBriefing', { title: 'Guarantees' });
  await app.ok('addToBriefing', { briefingId: briefing.id, articleId: ids[2]!, highlightId: highlight.id });
  const view = await app.ok('addSourcesCompared', { briefingId: briefing.id, storyId: story.id });
  return { ...app, dir, ids, story, briefing: view };
}

const pageText = (text: string) => text.replace(/\s+/g, ' ');

describe('Sources compared in a briefing', () => {
  it('is a snapshot section: numbered with the items’ sources, kept by the editor and after a deletion, undoable', async () => {
    const { ok, ids, briefing } = await briefingWithComparison();
    const section = briefing.sections.at(-1)!;
    expect(section.title).toBe('Sources compared: US guarantees for Ukraine');
    const comparison = section.comparison!;
    // The item's source was cited first, so it is [1]; the story's other sources follow.
    expect(briefing.sources[0]!.articleId).toBe(ids[2]);
    // Columns follow the source list.
    expect(comparison.sourceNumbers).toEqual([1, 2, 3, 4, 5]);
    expect(briefing.sources).toHaveLength(5);
    expect(comparison.entities.length).toBeGreaterThan(3);
    expect(comparison.entities.length).toBeLessThanOrEqual(12);
    expect(comparison.entities.map((entity) => entity.label).join(' ')).toMatch(/Zelensk/);
    expect(comparison.entities.every((entity) => entity.counts.length === 5)).toBe(true);
    expect(comparison.quotes.length).toBeGreaterThan(2);
    expect(comparison.quotes.some((quote) => quote.speaker && /Trump|Zelensk/.test(quote.speaker))).toBe(
      true,
    );

    // The editor saves sections as it sends them (without snapshots); the comparison stays with its section.
    const renamed = await ok('setBriefingSections', {
      id: briefing.id,
      sections: sectionInputs(briefing).map((each) =>
        each.id === section.id ? { ...each, title: 'What each outlet says' } : each,
      ),
    });
    expect(renamed.sections.at(-1)!.comparison).toEqual(comparison);

    // An article deleted later: the comparison still shows it, cited as it was.
    const deletedTitle = (await ok('listArticles', {})).find((article) => article.id === ids[4])!.title;
    await ok('deleteArticle', { id: ids[4]! });
    const after = await ok('getBriefing', { id: briefing.id });
    expect(after.sections.at(-1)!.comparison).toEqual(comparison);
    expect(after.sources.map((source) => source.citation).join('\n')).toContain(deletedTitle);

    // Undo: the deletion, the rename, then the section itself.
    await ok('undo', {});
    await ok('undo', {});
    expect((await ok('getBriefing', { id: briefing.id })).sections.at(-1)!.title).toBe(section.title);
    const undone = await ok('undo', {});
    expect(undone.change).toMatchObject({ target: 'briefing' });
    const without = await ok('getBriefing', { id: briefing.id });
    expect(without.sections.some((each) => each.comparison)).toBe(false);
    await ok('redo', {});
    expect((await ok('getBriefing', { id: briefing.id })).sections.at(-1)!.comparison).toEqual(comparison);
  }, 120_000);

  it('exports in every format with the briefing’s numbered citations, opened by real tools', async () => {
    const { core, dir, briefing } = await briefingWithComparison();
    await mkdir(shots, { recursive: true });
    const store = core.store!;
    const stored = store.briefings().briefings.find((each) => each.id === briefing.id)!;
    const comparison = briefing.sections.at(-1)!.comparison!;
    const topEntity = comparison.entities[0]!.label;
    const firstSpeaker = comparison.quotes.find((quote) => quote.speaker)!.speaker!;

    // Markdown, read by pandoc as GitHub-flavoured Markdown: two real tables.
    const md = path.join(dir, 'briefing.md');
    await exportBriefing(store, stored, { format: 'md', target: md });
    const { stdout: fromMd } = await run('pandoc', ['-f', 'gfm', '-t', 'html5', md]);
    const mdDoc = new JSDOM(fromMd).window.document;
    const mdTables = [...mdDoc.querySelectorAll('table')];
    expect(mdTables).toHaveLength(2);
    const mdHead = [...mdTables[0]!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(mdHead).toHaveLength(6);
    for (const number of [1, 2, 3, 4, 5]) expect(mdHead.join(' ')).toContain(`[${number}]`);
    expect(mdTables[0]!.textContent).toContain(topEntity);
    expect(mdTables[1]!.textContent).toContain(firstSpeaker);
    expect(mdTables[1]!.querySelector('tbody td:last-child')!.textContent).toMatch(/^(\[\d\] ?)+$/);
    expect(mdDoc.body.textContent).toContain('Sources');

    // HTML, read by jsdom: citation links resolve to the numbered source list.
    const html = await readFile(
      (await exportBriefing(store, stored, { format: 'html', target: path.join(dir, 'b.html') })).path,
      'utf8',
    );
    const htmlDoc = new JSDOM(html).window.document;
    const matrix = htmlDoc.querySelector('table.matrix')!;
    expect(matrix.querySelector('caption')!.textContent).toBe('Coverage: mentions per source');
    const links = [...matrix.querySelectorAll('thead a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(comparison.sourceNumbers.map((n) => `#source-${n}`));
    for (const link of links) expect(htmlDoc.querySelector(link!)).not.toBeNull();
    expect(htmlDoc.querySelectorAll('table.quotes tbody tr').length).toBe(comparison.quotes.length);

    // PDF, printed by Chromium as the app prints it, read by poppler.
    const browser = await chromium.launch(chromiumLaunchOptions);
    const pdf = path.join(dir, 'briefing.pdf');
    try {
      const context = await browser.newContext();
      await exportBriefing(store, stored, {
        format: 'pdf',
        target: pdf,
        printToPdf: (page, size) => printWithPlaywright(context, page, size),
      });
    } finally {
      await browser.close();
    }
    const { stdout: pdfText } = await run('pdftotext', [pdf, '-']);
    expect(pageText(pdfText)).toContain('Coverage: mentions per source');
    expect(pageText(pdfText)).toContain('Who said what');
    expect(pageText(pdfText)).toContain(topEntity);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(shots, 'compared-pdf')]);

    // Word, converted by LibreOffice and read by pandoc: tables, and `[n]` cross-references.
    const docx = path.join(dir, 'briefing.docx');
    await exportBriefing(store, stored, { format: 'docx', target: docx });
    const { stdout: docxJson } = await run('pandoc', ['-f', 'docx', '-t', 'html5', docx]);
    const docxDoc = new JSDOM(docxJson).window.document;
    const docxTables = [...docxDoc.querySelectorAll('table')];
    expect(docxTables).toHaveLength(2);
    expect(docxTables[0]!.textContent).toContain(topEntity);
    expect(docxTables[0]!.querySelector('tr')!.textContent).toMatch(/\[1\][\s\S]*\[5\]|\[5\][\s\S]*\[1\]/);
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    await run(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 120_000,
    });
    const { stdout: officeText } = await run('pdftotext', ['-layout', path.join(dir, 'briefing.pdf'), '-']);
    expect(pageText(officeText)).toContain('Who said what');
    expect(pageText(officeText)).toContain(firstSpeaker);
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '3',
      path.join(dir, 'briefing.pdf'),
      path.join(shots, 'compared-docx'),
    ]);
  }, 300_000);

  it('copies the whole section: the compact matrix, who said what and the sources they cite', async () => {
    const { ok, briefing } = await briefingWithComparison();
    const section = briefing.sections.at(-1)!;
    const { html, markdown } = await ok('clipBriefingPart', { id: briefing.id, sectionId: section.id });
    const macron = section.comparison!.quotes.find((quote) => quote.speaker === 'Emmanuel Macron')!;

    // Markdown: the heading, both pipe tables (columns headed by source number), then the sources written out.
    expect(markdown).toMatch(/^## Sources compared: US guarantees for Ukraine\n\nHow 5 sources cover/);
    const head = markdown.split('\n').find((line) => line.startsWith('| Named |'))!;
    expect(head.match(/\[\d\]/g)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    expect(markdown).toContain('| Speaker | Quote | Reported by |');
    expect(markdown).toContain(`| Emmanuel Macron | “${macron.text.slice(0, 40)}`);
    expect(markdown).toMatch(/\*\*Sources\*\*\n\n1\. [^\n]+\n2\. [^\n]+\n3\. [^\n]+\n4\. [^\n]+\n5\. /);

    // Rich text: the same tables as the HTML export, each [n] linking to its source in the clip's own list.
    const dom = new JSDOM(html).window.document;
    expect(dom.querySelector('h2')!.textContent).toBe('Sources compared: US guarantees for Ukraine');
    const [matrix, quotes] = [...dom.querySelectorAll('table')];
    expect(matrix!.querySelector('caption')!.textContent).toBe('Coverage: mentions per source');
    expect(matrix!.querySelectorAll('thead th')).toHaveLength(6);
    expect(quotes!.textContent).toContain('Emmanuel Macron');
    const sources = [...dom.querySelectorAll('ol > li')];
    expect(sources.map((li) => li.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    for (const link of dom.querySelectorAll('table a[href^="#"]'))
      expect(dom.getElementById(link.getAttribute('href')!.slice(1))).not.toBeNull();
    // The item in the briefing's first section is still copied as before.
    const first = await ok('clipBriefingPart', { id: briefing.id, sectionId: briefing.sections[0]!.id });
    expect(first.markdown).not.toContain('| Named |');
  }, 60_000);
});
