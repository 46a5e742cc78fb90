/**
 * A briefing item whose article was deleted keeps its excerpt and citation in
 * every export, not only on screen: the rich briefing (briefing-exports-fixture.ts)
 * after its Geneva article is deleted, exported in each format and opened by a
 * reader's tool (pandoc, jsdom, mammoth, poppler's pdftotext, JSON.parse); and
 * an item kept before snapshots held the source's parts (its citation as text
 * only) exported the same way.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium';
import { printWithPlaywright } from '../../scripts/print-pdf';
import { exportBriefing, renderBriefing } from '../../src/main/briefings/export-briefing';
import type { Briefing } from '../../src/main/store/schemas/briefings-file';
import { richBriefing, type RichBriefing } from './briefing-exports-fixture';
import { tempDirs } from './temp-dir';

const run = promisify(execFile);
const makeTempDir = tempDirs();
const opened: RichBriefing[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((rich) => rich.core.close()));
});
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
});

/** The rich briefing with its Geneva article deleted (three of its four items quote it). */
async function keptFixture() {
  const dir = await makeTempDir();
  const rich = await richBriefing(dir);
  opened.push(rich);
  await rich.core.services!.articles.remove(rich.genevaId);
  const briefing = rich.store.briefings().briefings.find((candidate) => candidate.id === rich.briefing.id)!;
  return { ...rich, briefing, dir };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('exports of a briefing whose article was deleted', () => {
  it('keep every item kept from the deleted article, with its citation, in Markdown, HTML, JSON, Word and PDF', async () => {
    const { store, briefing, dir } = await keptFixture();
    expect(briefing.sections.flatMap((s) => s.items).filter((item) => item.snapshot)).toHaveLength(3);

    const md = path.join(dir, 'kept.md');
    await exportBriefing(store, briefing, { format: 'md', target: md });
    const { stdout: mdText } = await run('pandoc', ['-f', 'gfm', '-t', 'plain', '--wrap=none', md]);
    const { stdout: mdHtml } = await run('pandoc', ['-f', 'gfm', '-t', 'html5', md]);
    const mdDoc = new JSDOM(mdHtml).window.document;
    expect(flat(mdText)).toContain('Negotiators met on Monday in Geneva.');
    expect(flat(mdText)).toContain('Le ministre a déclaré');
    // Four excerpts and the quote inside the first note, as before the deletion.
    expect(mdDoc.querySelectorAll('blockquote')).toHaveLength(5);
    expect(flat(mdText)).toContain('A. Writer, Geneva Post, “Talks resume in Geneva”, 2026-11-18');
    const hrefs = [...mdDoc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://example.org/talks_2026/geneva?a=1&b=2');
    expect(await readFile(md, 'utf8')).toMatch(/outlet: "?Geneva Post"?/);

    const html = new JSDOM(String(await renderBriefing(store, briefing, { format: 'html' }))).window.document;
    expect(html.querySelectorAll('blockquote')).toHaveLength(5);
    expect(html.body.textContent).toContain('Negotiators met on Monday in Geneva.');
    const sources = [...html.querySelectorAll('ol li[id]')].map((li) => flat(li.textContent ?? ''));
    expect(sources.some((source) => source.includes('A. Writer, Geneva Post'))).toBe(true);
    // The note the kept highlight had is rendered too (its heading and list).
    expect(html.body.textContent).toContain('Why it matters');

    const json = JSON.parse(String(await renderBriefing(store, briefing, { format: 'json' })));
    expect(json.total).toBe(4);
    const annotations = json.first.items as { target: { selector: { type: string; exact?: string }[] } }[];
    const exacts = annotations.map(
      (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact,
    );
    expect(exacts.some((exact) => exact!.startsWith('Negotiators met'))).toBe(true);
    // The kept highlight keeps its position in the (deleted) text, as it had it.
    for (const annotation of annotations)
      expect(annotation.target.selector.map((s) => s.type)).toContain('TextPositionSelector');

    const docx = path.join(dir, 'kept.docx');
    await exportBriefing(store, briefing, { format: 'docx', target: docx });
    const { value: docxText } = await mammoth.extractRawText({ path: docx });
    expect(flat(docxText)).toContain('Negotiators met on Monday in Geneva.');
    expect(flat(docxText)).toContain('Le ministre a déclaré');
    expect(flat(docxText)).toContain('A. Writer, Geneva Post, “Talks resume in Geneva”');

    const pdf = path.join(dir, 'kept.pdf');
    const context = await browser.newContext();
    await exportBriefing(store, briefing, {
      format: 'pdf',
      target: pdf,
      printToPdf: (page, pageSize) => printWithPlaywright(context, page, pageSize),
    });
    await context.close();
    const { stdout: pdfText } = await run('pdftotext', [pdf, '-']);
    expect(flat(pdfText)).toContain('Negotiators met on Monday in Geneva.');
    expect(flat(pdfText)).toContain('A. Writer, Geneva Post');
  }, 120_000);

  it('exports an item kept before snapshots held the source’s parts from its citation text, its URL still a link', async () => {
    const { store, briefing } = await keptFixture();
    // As a file written before: the snapshot holds the excerpt, note, citation text and category only.
    const legacy: Briefing = structuredClone(briefing);
    for (const item of legacy.sections.flatMap((section) => section.items))
      if (item.snapshot)
        item.snapshot = {
          excerpt: item.snapshot.excerpt,
          note: item.snapshot.note,
          citation: item.snapshot.citation,
          categoryId: item.snapshot.categoryId,
        };

    const html = new JSDOM(String(await renderBriefing(store, legacy, { format: 'html' }))).window.document;
    expect(html.querySelectorAll('blockquote')).toHaveLength(5);
    const geneva = [...html.querySelectorAll('ol li[id]')].find((li) =>
      li.textContent?.includes('Geneva Post'),
    )!;
    expect(flat(geneva.textContent!)).toContain(
      'A. Writer, Geneva Post, “Talks resume in Geneva”, 2026-11-18, https://example.org/talks_2026/geneva?a=1&b=2',
    );
    expect(geneva.querySelector('a')?.getAttribute('href')).toBe(
      'https://example.org/talks_2026/geneva?a=1&b=2',
    );

    const md = String(await renderBriefing(store, legacy, { format: 'md' }));
    expect(md).toContain('Negotiators met on Monday in Geneva.');
    const json = JSON.parse(String(await renderBriefing(store, legacy, { format: 'json' })));
    const kept = (json.first.items as { target: { selector: { type: string; exact?: string }[] } }[]).find(
      (a) => a.target.selector.some((s) => s.exact?.startsWith('Negotiators met')),
    )!;
    // Its position in the text was not kept: the annotation says only what it knows.
    expect(kept.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    const { value: docxText } = await mammoth.extractRawText({
      buffer: Buffer.from((await renderBriefing(store, legacy, { format: 'docx' })) as Uint8Array),
    });
    expect(flat(docxText)).toContain('Negotiators met on Monday in Geneva.');
    expect(flat(docxText)).toContain('https://example.org/talks_2026/geneva?a=1&b=2');
  }, 60_000);
});
