/**
 * Importing files: each bad input is rejected (or imported with its damage
 * flagged) with a clear per-file reason, nothing already in the library
 * changes, duplicates are reported, and HTML and Markdown become structured
 * articles without any of their markup or scripts surviving or running.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticles, type ImportFile } from '../../src/main/importing/import-articles';
import { importLimits } from '../../src/main/importing/import-limits';
import { storeLayout } from '../../src/main/store/store-layout';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-20T12:00:00.000Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array): ImportFile => ({
  name,
  bytes: typeof content === 'string' ? utf8(content) : content,
});
const sampleText =
  'Allies Meet in Brussels\n\nOfficials from thirty countries met on Tuesday to discuss support for Ukraine.\n';

async function libraryWithOneArticle() {
  const dir = await makeTempDir();
  const store = await open({ dir, backups: false });
  await importArticles(store, [file('existing.txt', sampleText)], now);
  const indexBefore = await readFile(storeLayout(dir).libraryFile, 'utf8');
  return { dir, store, indexBefore };
}

describe('bad input', () => {
  const png = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  const cases: [string, ImportFile, RegExp][] = [
    ['a binary file', file('photo.txt', png), /binary file/],
    [
      'NUL bytes in text',
      file('nul.txt', utf8('Headline\n\nSome text\0with a NUL byte in it.')),
      /NUL bytes/,
    ],
    [
      'control characters throughout',
      file('ctrl.txt', new Uint8Array(Array.from({ length: 400 }, (_, n) => (n % 3 ? 0x41 : 0x01)))),
      /binary file/,
    ],
    ['an empty file', file('empty.txt', ''), /empty/],
    ['a whitespace-only file', file('blank.md', ' \n\t\r\n \u200B \n'), /empty/],
    [
      'a file over the size limit',
      file('huge.txt', new Uint8Array(importLimits.maxFileBytes + 1).fill(0x61)),
      /over the 5\.0 MB limit/,
    ],
    [
      'an unknown extension',
      file('report.exe', sampleText),
      /not imported \(accepted: \.txt, \.md, \.markdown, \.html, \.htm, \.xhtml, \.pdf, \.docx\)/,
    ],
    [
      'a file of boilerplate only',
      file('chrome.txt', 'No time to read?\nGet a summary\nRelated Threads\n'),
      /nothing is left/,
    ],
  ];

  it.each(cases)(
    'rejects %s with a reason and leaves the library as it was',
    async (_label, input, reason) => {
      const { dir, store, indexBefore } = await libraryWithOneArticle();
      const [result] = await importArticles(store, [input], now);
      expect(result).toMatchObject({ name: input.name, status: 'rejected' });
      if (result!.status === 'rejected') expect(result!.reason).toMatch(reason);
      expect(store.index().articles).toHaveLength(1);
      expect(await readFile(storeLayout(dir).libraryFile, 'utf8')).toBe(indexBefore);
    },
  );

  it('decodes Windows-1252 curly quotes by detection and names the encoding', async () => {
    const { store } = await libraryWithOneArticle();
    const bytes = new Uint8Array([
      ...utf8('Talks Resume in Geneva\n\nThe envoy said the talks were '),
      0x93,
      ...utf8('productive'),
      0x94,
      ...utf8(' and would continue on Friday with both delegations present.\n'),
    ]);
    const [result] = await importArticles(store, [{ name: 'cp1252.txt', bytes }], now);
    expect(result).toMatchObject({ status: 'imported', flagCount: 0, encoding: 'windows-1252' });
    const article = await store.readArticle((result as { articleId: string }).articleId);
    expect(article.cleaned.text).toContain('the talks were \u201Cproductive\u201D and would continue');
  });

  it('goes on with the other files when one is rejected, one result per file in order', async () => {
    const { store } = await libraryWithOneArticle();
    const results = await importArticles(
      store,
      [
        file('bad.exe', 'MZ'),
        file('new.txt', 'A New Headline\n\nA new article body that is not in the library yet.'),
        file('empty.txt', ''),
      ],
      now,
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'imported', 'rejected']);
    expect(store.index().articles).toHaveLength(2);
  });
});

describe('duplicates', () => {
  it('reports a file whose normalised text is already in the library, naming the article', async () => {
    const { store } = await libraryWithOneArticle();
    const variant = `\uFEFF${sampleText.replace(/\n/g, '\r\n').replace('Officials from', 'Officials\u00A0from')}`;
    const [result] = await importArticles(store, [file('copy.txt', variant)], now);
    expect(result).toMatchObject({ status: 'duplicate', title: 'Allies Meet in Brussels' });
    expect(store.index().articles).toHaveLength(1);
  });

  it('reports a duplicate within the same batch', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    const results = await importArticles(store, [file('a.txt', sampleText), file('b.txt', sampleText)], now);
    expect(results.map((result) => result.status)).toEqual(['imported', 'duplicate']);
  });
});

describe('HTML', () => {
  it('extracts the article with Readability, keeps its structure and metadata, and never runs its scripts', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    const html = await readFile(path.resolve('tests/fixtures/import/scripted-page.html'));
    const [result] = await importArticles(store, [{ name: 'page.html', bytes: new Uint8Array(html) }], now);
    expect(result).toMatchObject({
      status: 'imported',
      title: 'Allies Weigh Security Guarantees for Ukraine',
    });
    expect((globalThis as { __briefingPwned?: boolean }).__briefingPwned).toBeUndefined();

    const article = await store.readArticle((result as { articleId: string }).articleId);
    const { blocks, text } = article.cleaned;
    expect(blocks.map((block) => block.kind)).toEqual(
      expect.arrayContaining(['paragraph', 'heading', 'list', 'quote']),
    );
    expect(blocks.find((block) => block.kind === 'heading')).toMatchObject({ text: 'What is on the table' });
    expect(blocks.find((block) => block.kind === 'list')).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ text: 'Air-defence cover for western Ukraine.' }),
      ]),
    });
    expect(text).toContain('European and American officials met on Tuesday');
    for (const forbidden of ['<', 'script', 'Injected paragraph', 'pwned', 'Subscribe', 'Privacy', 'onerror'])
      expect(text).not.toContain(forbidden);
    expect(article.record.source).toMatchObject({
      outlet: 'The Example Herald',
      publishedAt: '2026-08-19T10:00:00Z',
    });
    expect(article.record.source.author).toMatch(/Jane Analyst/);
  });

  it('rejects a page with no text at all', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const [result] = await importArticles(
      store,
      [file('blank.html', '<html><head><script>alert(1)</script></head><body><img src=x></body></html>')],
      now,
    );
    expect(result).toMatchObject({ status: 'rejected', reason: 'no article text was found in the page' });
  });
});

describe('Markdown', () => {
  it('keeps headings, lists and quotes, and reduces inline markup to text', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const markdown = await readFile(path.resolve('tests/fixtures/import/briefing-notes.md'));
    const [result] = await importArticles(
      store,
      [{ name: 'notes.md', bytes: new Uint8Array(markdown) }],
      now,
    );
    expect(result).toMatchObject({ status: 'imported', title: 'Ceasefire Monitoring Options' });
    const { blocks, text } = (await store.readArticle((result as { articleId: string }).articleId)).cleaned;
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'list', 'quote', 'paragraph']);
    expect(text).toContain('A short memo on how a ceasefire');
    expect(text).toContain('with sources at the end');
    expect(text).not.toMatch(/\*\*|\]\(|https:/);
  });
});
