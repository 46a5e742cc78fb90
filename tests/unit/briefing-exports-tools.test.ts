/**
 * Every export of the rich briefing (briefing-exports-fixture.ts) opened by
 * the tool a reader would use: Markdown by PyYAML (front matter), pandoc and
 * the CommonMark reference parser; HTML by jsdom; PDF (printed by Chromium
 * from a temporary file, as the app prints) by poppler; Word by LibreOffice
 * and pandoc; the W3C annotations by JSON Schemas of the model's MUSTs and
 * SHOULDs. Each format's pages are rendered to PNG under
 * test-results/exports/ to be looked at.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import Ajv from 'ajv';
import { Parser } from 'commonmark';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium';
import { printWithPlaywright } from '../../scripts/print-pdf';
import { exportBriefing, renderBriefing } from '../../src/main/briefings/export-briefing';
import { annotationCollectionSchema } from '../fixtures/web-annotation-must.schema';
import { annotationCollectionShouldSchema } from '../fixtures/web-annotation-should.schema';
import { longParagraph, richBriefing, textOfNode, type RichBriefing } from './briefing-exports-fixture';
import { tempDirs } from './temp-dir';
import { channels } from '../../src/shared/channels';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';

const run = promisify(execFile);
const makeTempDir = tempDirs();
const shots = path.resolve('test-results/exports');
const soffice = process.env['SOFFICE'] ?? '/usr/bin/soffice';
/** The first Python on this machine that has PyYAML (a pyenv shim may shadow Debian's python3-yaml). */
const python =
  ['python3', '/usr/bin/python3'].find((candidate) => {
    try {
      execFileSync(candidate, ['-c', 'import yaml'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }) ?? 'python3';
const opened: RichBriefing[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((rich) => rich.core.close()));
});
let browser: Browser;
beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
});

async function fixture(): Promise<RichBriefing & { dir: string }> {
  const dir = await makeTempDir();
  const rich = await richBriefing(dir);
  opened.push(rich);
  return { ...rich, dir };
}

/** Renders pages 1–`last` of a PDF to test-results/exports/<name>-<n>.png. */
async function pdfToPngs(pdf: string, name: string, last = 3): Promise<void> {
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(last), pdf, path.join(shots, name)]);
}

async function screenshotHtml(html: string, name: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  } finally {
    await page.close();
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlOrNonCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

describe('Markdown', () => {
  it('has front matter PyYAML reads, and pandoc sees real notes: demoted headings, escaped HTML, unique footnotes, links with _', async () => {
    const { store, briefing, dir } = await fixture();
    const target = path.join(dir, 'briefing.md');
    await exportBriefing(store, briefing, { format: 'md', target });
    const markdown = await readFile(target, 'utf8');

    const { stdout: yamlJson } = await run(python, [
      '-c',
      'import sys, json, yaml; t = open(sys.argv[1], encoding="utf-8").read(); print(json.dumps(yaml.safe_load(t.split("---\\n")[1])))',
      target,
    ]);
    const front = JSON.parse(yamlJson);
    expect(front.title).toBe('Geneva talks: where things stand');
    expect(front.sources).toHaveLength(2);
    expect(front.sources[0]).toMatchObject({
      number: 1,
      author: 'A. Writer',
      url: 'https://example.org/talks_2026/geneva?a=1&b=2',
    });
    expect(front.sources[1]).toMatchObject({ number: 2, outlet: null, url: null, damaged: true });

    const { stdout: html } = await run('pandoc', ['-f', 'gfm', '-t', 'html5', target]);
    await screenshotHtml(
      `<meta charset="utf-8"><body style="max-width:50rem;font-family:sans-serif">${html}</body>`,
      'markdown-via-pandoc',
    );
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll('script, b')).toHaveLength(0);
    expect(document.body.textContent).toContain('<script>alert(1)</script>');
    expect(
      [...document.querySelectorAll('h1, h2, h3')].map(
        (h) => `${h.tagName} ${h.textContent!.replace(/\s+/g, ' ')}`,
      ),
    ).toEqual([
      'H1 Geneva talks: where things stand',
      'H2 Bottom line up front',
      'H2 Key judgments',
      'H3 Why it matters',
      'H2 Evidence',
      'H2 Counterpoints',
      'H2 Open questions',
      'H2 Sources',
    ]);
    // Two notes' `[^1]` are two footnotes, each with its own text.
    const footnotes = [...document.querySelectorAll('section.footnotes li, .footnotes li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(footnotes).toHaveLength(2);
    expect(footnotes[0]).toContain('The first note’s footnote.');
    expect(footnotes[1]).toContain('The second note’s footnote.');
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain(
      'https://example.org/talks_2026/geneva?a=1&b=2',
    );
    expect(document.querySelector('a[href="https://example.org/path_with_underscores"]')).not.toBeNull();
    expect(document.querySelectorAll('ul li').length).toBeGreaterThanOrEqual(4);
    expect(document.querySelector('pre code')!.textContent).toContain('const answer = 42;');
    // The multi-paragraph excerpt is two paragraphs of one quote; `&amp;`, `==` and `%%` read back as written.
    const firstQuote = document.querySelector('blockquote')!;
    expect(firstQuote.querySelectorAll('p')).toHaveLength(2);
    expect(firstQuote.textContent).toContain('R&amp;D budget would rise == 5% %% soon.');
    expect(markdown).toContain('\\=\\= 5% \\%\\% soon');

    const tree = new Parser().parse(markdown.slice(markdown.indexOf('\n---\n', 4) + 5));
    const codes: string[] = [];
    const walker = tree.walker();
    let event;
    while ((event = walker.next()))
      if (event.entering && event.node.type === 'code') codes.push(event.node.literal!);
    expect(codes).toEqual(expect.arrayContaining(['guarantees', 'odd`tag']));
    expect(textOfNode(tree)).toContain('“Statement from the ministry”');
  }, 60_000);

  it('re-exports a CRLF file keeping the user’s front-matter keys and text, and a note holding the end marker duplicates nothing', async () => {
    const { store, briefing, dir } = await fixture();
    const target = path.join(dir, 'briefing.md');
    await exportBriefing(store, briefing, { format: 'md', target });
    const first = await readFile(target, 'utf8');
    const edited = first
      .replace('briefing-reader-id:', 'tags:\n  - geneva\n  - talks\naliases: [Geneva]\nbriefing-reader-id:')
      .replace('<!-- briefing-reader:begin', 'My preface.\n\n<!-- briefing-reader:begin')
      .concat('\n## My follow-ups\n\n- call the desk\n')
      .replace(/\n/g, '\r\n');
    await writeFile(target, edited);
    const { createAppServices } = await import('../../src/main/app-services');
    const renamed = await createAppServices(store).briefings.updateFields(briefing.id, {
      title: 'Geneva: the state of play',
    });
    await exportBriefing(store, renamed, { format: 'md', target });
    await exportBriefing(store, renamed, { format: 'md', target });
    const second = await readFile(target, 'utf8');
    expect(second.replace(/\r\n/g, '')).not.toContain('\n');
    const lf = second.replace(/\r\n/g, '\n');
    expect(lf.match(/^---\n/gm)).toHaveLength(2);
    expect(lf).toContain('title: "Geneva: the state of play"');
    expect(lf).not.toContain('where things stand');
    expect(lf).toContain('tags:\n  - geneva\n  - talks\naliases: [Geneva]');
    expect(lf).toContain('My preface.');
    expect(lf.match(/## My follow-ups/g)).toHaveLength(1);
    expect(lf.match(/Le ministre a déclaré/g)).toHaveLength(1);
    expect(lf.match(/^<!-- briefing-reader:(begin|end) /gm)).toHaveLength(2);
    const { stdout } = await run(python, [
      '-c',
      'import sys, yaml; print(sorted(yaml.safe_load(open(sys.argv[1], encoding="utf-8").read().split("---")[1])))',
      target,
    ]);
    expect(stdout).toContain("'aliases'");
  }, 60_000);
});

describe('HTML', () => {
  it('has a main landmark, dir="auto", rendered notes, superscript citations linked to a numbered source list, no controls', async () => {
    const { store, briefing } = await fixture();
    const html = String(await renderBriefing(store, briefing, { format: 'html' }));
    await screenshotHtml(html, 'html');
    expect(html).not.toMatch(controlOrNonCharacter);
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll('main')).toHaveLength(1);
    expect(document.querySelectorAll('script, img, iframe, b')).toHaveLength(0);
    const excerpts = [...document.querySelectorAll('blockquote.excerpt')];
    expect(excerpts).toHaveLength(4);
    for (const excerpt of excerpts) expect(excerpt.getAttribute('dir')).toBe('auto');
    expect(excerpts[0]!.querySelectorAll('p')).toHaveLength(2);
    expect(excerpts[0]!.querySelector('sup.cite a')!.getAttribute('href')).toBe('#source-1');
    expect(excerpts[1]!.querySelector('sup.cite a')!.textContent).toBe('[2]');
    for (const note of document.querySelectorAll('.note')) expect(note.getAttribute('dir')).toBe('auto');
    const note = document.querySelector('.note')!;
    expect(note.querySelector('h3')!.textContent).toBe('Why it matters');
    expect(note.querySelector('strong')!.textContent).toBe('core');
    expect(note.querySelector('em')!.textContent).toBe('emphasis');
    expect(note.querySelector('ul > li ol > li')!.textContent).toBe('nested one');
    expect(note.querySelector('a[href="https://example.org/path_with_underscores"]')).not.toBeNull();
    expect(note.querySelector('pre code')!.textContent).toContain('console.log(answer);');
    expect(note.querySelector('blockquote')!.textContent!.trim()).toBe('a quoted remark');
    expect(note.querySelector('p br')).not.toBeNull();
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sources = [...document.querySelectorAll('.sources li')];
    expect(sources.map((li) => li.id)).toEqual(['source-1', 'source-2']);
    expect(sources[0]!.textContent).toBe(
      'A. Writer, Geneva Post, “Talks resume in Geneva”, 2026-11-18, https://example.org/talks_2026/geneva?a=1&b=2',
    );
    expect(sources[0]!.querySelector('a')!.getAttribute('href')).toBe(
      'https://example.org/talks_2026/geneva?a=1&b=2',
    );
    expect(sources[1]!.textContent).toBe(
      '“Statement from the ministry” (the source text is damaged in places)',
    );
    expect(document.querySelector('.bluf li em')!.textContent).toBe('elusive');
  }, 30_000);
});

describe('PDF', () => {
  it('is tagged, has an outline and the author, links its citations, and lets a long quote break', async () => {
    const { store, briefing, dir } = await fixture();
    const target = path.join(dir, 'briefing.pdf');
    const context = await browser.newContext();
    await exportBriefing(store, briefing, {
      format: 'pdf',
      target,
      printToPdf: (html, pageSize) => printWithPlaywright(context, html, pageSize),
    });
    await context.close();
    await pdfToPngs(target, 'pdf');
    const { stdout: info } = await run('pdfinfo', [target]);
    expect(info).toMatch(/^Author:\s+Policy desk$/m);
    expect(info).toMatch(/^Title:\s+Geneva talks: where things stand$/m);
    expect(info).toMatch(/^Subject:\s+Internal — not for distribution$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const bytes = (await readFile(target)).toString('latin1');
    expect(bytes).toMatch(/\/Type \/Outlines/);
    expect(bytes).toMatch(/\/Dest|\/S \/GoTo/);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    const texts: string[] = [];
    for (let page = 1; page <= pages; page += 1) {
      const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), target, '-']);
      texts.push(stdout.replace(/\s+/g, ' '));
    }
    // The long excerpt starts on the page that holds the item before it: no page left blank for it.
    const longStart = texts.findIndex((text) => text.includes(longParagraph.slice(0, 40)));
    expect(longStart).toBeGreaterThanOrEqual(0);
    expect(texts[longStart]).toContain('The second note’s footnote.');
    expect(texts[longStart + 1]).toContain(longParagraph.slice(-40));
    const all = texts.join(' ');
    expect(all).toContain('Why it matters');
    expect(all).toContain('nested one');
    expect(all).toMatch(/A\. Writer, Geneva Post, “Talks resume in Geneva”, 2026-11-18/);
  }, 90_000);

  it('prints a 5 MB briefing from a temporary file (a data: URL over 2 MiB is refused)', async () => {
    const { documentFromParts } = await import('../../src/main/briefings/briefing-document');
    const { briefingToHtml } = await import('../../src/main/briefings/exporters/html-export');
    const { loadNoteLibraries } = await import('../../src/main/briefings/note-markdown');
    await loadNoteLibraries();
    const { store, briefing, genevaId } = await fixture();
    const [highlight] = store.annotations(genevaId).highlights;
    const chunk = `${longParagraph} `.repeat(2);
    const items = Array.from({ length: 420 }, (_, n) => ({
      highlight: { ...highlight!, id: `h-${n}`, quote: { ...highlight!.quote, exact: chunk } },
      commentary: '',
      categoryName: 'Evidence',
      source: {
        articleId: genevaId,
        title: 'Talks',
        outlet: null,
        author: null,
        publishedAt: null,
        url: null,
        damaged: false,
      },
    }));
    const html = briefingToHtml(documentFromParts(briefing, [{ id: 's-large', title: 'Evidence', items }]));
    expect(Buffer.byteLength(html)).toBeGreaterThan(5 * 1024 * 1024);
    const context = await browser.newContext();
    const pdf = await printWithPlaywright(context, html, 'A4');
    await context.close();
    const target = path.join(await makeTempDir(), 'large.pdf');
    await writeFile(target, pdf);
    const { stdout } = await run('pdfinfo', [target]);
    expect(Number(/^Pages:\s+(\d+)$/m.exec(stdout)![1])).toBeGreaterThan(500);
  }, 300_000);
});

describe('Word', () => {
  it('opens in LibreOffice and pandoc with paragraphs, lists, links, code, footnotes, cross-referenced sources, outline levels and a language', async () => {
    const { store, briefing, dir } = await fixture();
    const target = path.join(dir, 'briefing.docx');
    await exportBriefing(store, briefing, { format: 'docx', target });
    const zip = await JSZip.loadAsync(await readFile(target));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const stylesXml = await zip.file('word/styles.xml')!.async('string');
    const footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
    expect(documentXml).not.toMatch(controlOrNonCharacter);
    expect(stylesXml).toMatch(/<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(stylesXml).toMatch(/<w:lang w:val="en"\/>/);
    expect(documentXml.match(/<w:instrText>\s*REF source_1 \\h\s*<\/w:instrText>/g)).toHaveLength(3);
    expect(documentXml).toContain('w:name="source_1"');
    // Footnotes only for the notes' own footnotes (Word's separator footnotes have ids -1 and 0).
    const footnoteParagraphs = footnotesXml.match(/<w:footnote w:id="[1-9]\d*">[\s\S]*?<\/w:footnote>/g)!;
    expect(footnoteParagraphs).toHaveLength(2);
    for (const footnote of footnoteParagraphs) expect(footnote).toContain('<w:pStyle w:val="FootnoteText"/>');

    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    await run(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, target], {
      timeout: 120_000,
    });
    await pdfToPngs(path.join(dir, 'briefing.pdf'), 'docx-via-libreoffice');
    const { stdout: text } = await run('pdftotext', ['-layout', path.join(dir, 'briefing.pdf'), '-']);
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines).toContain('Why it matters');
    expect(lines.some((line) => /^•\s*first point$/.test(line))).toBe(true);
    expect(lines.some((line) => /^1\.\s*nested one$/.test(line))).toBe(true);
    expect(lines).toContain('const answer = 42;');
    expect(lines).toContain('console.log(answer);');
    expect(lines.some((line) => line.startsWith('A second paragraph follows the first'))).toBe(true);
    expect(text).toMatch(
      /\[1\] A\. Writer, Geneva Post, “Talks resume in Geneva”, 2026-11-18,\s+https:\/\/example\.org/,
    );
    expect(text).toMatch(/\[2\] “Statement from the ministry” \(the source text is damaged in places\)/);
    expect(text).toContain('The first note’s footnote.');
    const pdfBytes = (await readFile(path.join(dir, 'briefing.pdf'))).toString('latin1');
    expect(pdfBytes).toMatch(/\/Outlines \d+ 0 R/);

    const { stdout: json } = await run('pandoc', ['-f', 'docx', '-t', 'json', target]);
    const ast = JSON.stringify(JSON.parse(json).blocks);
    expect(ast).toContain('"t":"BulletList"');
    expect(ast).toContain('"t":"OrderedList"');
    expect(ast).toContain('"t":"Strong"');
    expect(ast).toContain('"t":"Note"');
    expect(ast).toContain('"t":"CodeBlock"');
    expect(ast).toContain('https://example.org/path_with_underscores');
    expect(ast).not.toContain('**core**');
  }, 180_000);
});

describe('copying an item or a section', () => {
  it('gives rich text and Markdown with the citation written out, through the IPC contract', async () => {
    const { core, briefing, dir } = await fixture();
    const dispatch = createDispatcher(createHandlers(core));
    const [first] = briefing.sections.flatMap((section) => section.items);
    const envelope = await dispatch(channels.clipBriefingPart, {
      id: briefing.id,
      highlightId: first!.highlightId,
    });
    if (!envelope.ok) throw new Error(envelope.error.message);
    const { html, markdown } = envelope.value as { html: string; markdown: string };
    const { document } = new JSDOM(html).window;
    const quote = document.querySelector('blockquote')!;
    expect(quote.querySelectorAll('p')).toHaveLength(3);
    expect(quote.querySelector('cite')!.textContent).toBe(
      'A. Writer, Geneva Post, “Talks resume in Geneva”, 2026-11-18, https://example.org/talks_2026/geneva?a=1&b=2',
    );
    expect(document.querySelector('strong')!.textContent).toBe('core');
    expect(document.querySelectorAll('script, b')).toHaveLength(0);
    const clipFile = path.join(dir, 'clip.md');
    await writeFile(clipFile, markdown);
    const { stdout: pandocHtml } = await run('pandoc', ['-f', 'gfm', '-t', 'html5', clipFile]);
    const pasted = new JSDOM(pandocHtml).window.document;
    expect(pasted.querySelector('blockquote a')!.getAttribute('href')).toBe(
      'https://example.org/talks_2026/geneva?a=1&b=2',
    );
    expect(pasted.querySelector('h1')!.textContent).toBe('Why it matters');
    const tree = new Parser().parse(markdown);
    expect(tree.firstChild!.type).toBe('block_quote');
    expect(textOfNode(tree.firstChild!)).toContain('— A. Writer, Geneva Post');
    expect(markdown).toContain('# Why it matters');

    const evidence = briefing.sections.find(
      (section) => section.items.length && section.title === 'Evidence',
    )!;
    const sectionClip = await dispatch(channels.clipBriefingPart, {
      id: briefing.id,
      sectionId: evidence.id,
    });
    expect(sectionClip).toMatchObject({
      ok: true,
      value: { markdown: expect.stringMatching(/^## Evidence\n\n> قالت/) },
    });
    expect(String((sectionClip as { value: { html: string } }).value.html)).toContain(
      '(the source text is damaged in places)',
    );
    expect(await dispatch(channels.clipBriefingPart, { id: briefing.id, sectionId: 's-none' })).toMatchObject(
      {
        ok: false,
        error: { code: 'not-found' },
      },
    );
  });
});

describe('W3C Web Annotation', () => {
  it('meets the MUSTs and SHOULDs of the data model', async () => {
    const { store, briefing, ministryId } = await fixture();
    const collection = JSON.parse(String(await renderBriefing(store, briefing, { format: 'json' })));
    await writeFile(path.join(shots, 'annotations.jsonld'), JSON.stringify(collection, null, 2));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const must = ajv.compile(annotationCollectionSchema);
    const should = ajv.compile(annotationCollectionShouldSchema);
    expect(must(collection), JSON.stringify(must.errors)).toBe(true);
    expect(should(collection), JSON.stringify(should.errors)).toBe(true);
    expect(collection.last).toBe(collection.first.id);
    expect(collection.first.partOf).toBe(collection.id);
    const ministry = collection.first.items[1];
    expect(ministry.target.source).toMatchObject({
      id: `urn:briefing-reader:article:${ministryId}`,
      format: 'text/plain',
    });
    const broken = structuredClone(collection);
    delete broken.first.items[0].body[0].language;
    expect(should(broken)).toBe(false);
  });
});
