/**
 * Hostile files, generated here: each is rejected with its reason or imported
 * within the worker's budget, the library is unchanged by a rejection, and the
 * main thread keeps answering while a file converts in the worker thread.
 */
import { readdir } from 'node:fs/promises';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { importArticles, type ImportFile } from '../../src/main/importing/import-articles';
import { configureImportWorker, importWorkerBudget } from '../../src/main/importing/conversion-worker';
import { importLimits } from '../../src/main/importing/import-limits';
import { storeLayout } from '../../src/main/store/store-layout';
import { htmlToLines } from '../../src/main/importing/html-to-lines';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array): ImportFile => ({
  name,
  bytes: typeof content === 'string' ? utf8(content) : content,
});
const defaultBudget = importWorkerBudget();
afterEach(() => configureImportWorker({ budget: defaultBudget }));

async function emptyLibrary() {
  const dir = await makeTempDir();
  const store = await open({ dir, backups: false });
  return { dir, store };
}

const page = (body: string, head = '') =>
  `<!doctype html><html><head><title>A page</title>${head}</head><body>${body}</body></html>`;
const prose =
  'Officials from thirty countries met on Tuesday to discuss support, and agreed to meet again in the spring. ';

async function docxWith(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('hostile files are rejected with a reason, and change nothing', () => {
  const cases: [string, () => ImportFile | Promise<ImportFile>, RegExp][] = [
    [
      'a one-word text of a million letters',
      () => file('token.txt', 'a'.repeat(1_000_000)),
      /run of 1,000,000 characters without a space/,
    ],
    [
      'a million one-letter lines',
      () => file('lines.txt', 'a\n'.repeat(1_000_000)),
      /1,000,001 lines, over the limit of 50,000/,
    ],
    [
      '100,000 nested <div>',
      () => file('nested.html', page('<div>'.repeat(100_000) + 'text' + '</div>'.repeat(100_000))),
      /nests elements more than 400 levels deep/,
    ],
    ['500,000 <p>', () => file('many.html', page('<p>x</p>'.repeat(500_000))), /more than 60,000 elements/],
    [
      'an element with 10,000 attributes',
      () =>
        file(
          'attrs.html',
          page(`<p ${Array.from({ length: 10_000 }, (_, n) => `a${n}="1"`).join(' ')}>${prose}</p>`),
        ),
      /more than 256 attributes/,
    ],
    [
      'a zip bomb named .docx',
      async () =>
        file(
          'bomb.docx',
          await docxWith({ 'word/document.xml': 'a'.repeat(importLimits.maxDocxUnpackedBytes + 1024) }),
        ),
      /unpacks to 40 MB, over the 40 MB limit/,
    ],
    ['a .docx that is not a zip', () => file('fake.docx', prose), /not a Word document/],
    [
      'a zip that is not a Word document',
      async () => file('other.docx', await docxWith({ 'a.txt': prose })),
      /no word\/document\.xml/,
    ],
    ['a .pdf that is text', () => file('fake.pdf', prose), /not a PDF/],
    [
      'a damaged PDF',
      () => file('broken.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'),
      /not a readable PDF/,
    ],
  ];

  it.each(cases)('%s', async (_label, make, reason) => {
    const { dir, store } = await emptyLibrary();
    const before = await readdir(dir);
    const input = await make();
    const [result] = await importArticles(store, [input], now);
    expect(result).toMatchObject({ name: input.name, status: 'rejected' });
    expect(result!.status === 'rejected' && result!.reason).toMatch(reason);
    expect(store.index().articles).toHaveLength(0);
    expect(await readdir(dir)).toEqual(before);
    expect(await readdir(storeLayout(dir).articlesDir).catch(() => [])).toEqual([]);
  });
});

describe('what a hostile page claims is bounded, and odd pages still import', () => {
  it('cuts a 100,000-character site name and drops a javascript: date', async () => {
    const { store } = await emptyLibrary();
    const head = `<meta property="og:site_name" content="${'S'.repeat(100_000)}"><meta property="article:published_time" content="javascript:alert(1)">`;
    const [result] = await importArticles(
      store,
      [file('claims.html', page(`<article><h1>Claims</h1><p>${prose.repeat(4)}</p></article>`, head))],
      now,
    );
    expect(result).toMatchObject({ status: 'imported', format: 'html' });
    const [record] = store.index().articles;
    expect(Array.from(record!.source.outlet ?? '')).toHaveLength(300);
    expect(record!.source.publishedAt).toBeNull();
  });

  it('avoids the jsdom crash an iframe inside SVG causes (it is real: jsdom itself throws on close)', async () => {
    const html = `<body><h1>Frames</h1><p>${prose}</p><svg><iframe></iframe><foreignObject><iframe></iframe></foreignObject></svg><p>${prose}</p></body>`;
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const raw = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    expect(() => raw.window.close()).toThrow(/close/);
    const article = await htmlToLines(html);
    expect(article?.lines).toContain('Frames');
    expect(article?.lines.split(prose.trim()).length).toBeGreaterThan(2);
  });

  it('imports an iframe inside SVG and MathML without jsdom failing', async () => {
    const { store } = await emptyLibrary();
    const body = `<article><h1>Frames</h1><p>${prose}</p><svg><iframe src="https://x.test/"></iframe><foreignObject><iframe></iframe></foreignObject></svg><math><mtext><iframe></iframe></mtext></math><p>${prose}</p></article>`;
    const [result] = await importArticles(store, [file('frames.html', page(body))], now);
    expect(result).toMatchObject({ status: 'imported' });
  });

  it('decodes UTF-16 with a byte-order mark instead of calling it binary', async () => {
    const { store } = await emptyLibrary();
    const text = `Talks in Geneva\n\n${prose}Café.\n`;
    const [result] = await importArticles(
      store,
      [file('utf16.txt', new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]))],
      now,
    );
    expect(result).toMatchObject({ status: 'imported', encoding: 'utf-16le' });
    const article = await store.readArticle((result as { articleId: string }).articleId);
    expect(article.cleaned.text).toContain('Café.');
  });
});

describe('the worker budget', () => {
  const bigPage = () =>
    file('big.html', page(`<article><h1>Big</h1>${`<p>${prose.repeat(3)}</p>`.repeat(3_000)}</article>`));

  it('rejects a file that takes longer than the time budget, with that reason', async () => {
    configureImportWorker({ budget: { timeoutMs: 300 } });
    const { store } = await emptyLibrary();
    const [result] = await importArticles(store, [bigPage()], now);
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result!.status === 'rejected' && result!.reason).toMatch(
      /took longer than the 300 ms one file may take to convert/,
    );
    expect(store.index().articles).toHaveLength(0);
  });

  it('rejects a file that needs more memory than the cap, with that reason, and the next file imports', async () => {
    configureImportWorker({ budget: { memoryMb: 48, timeoutMs: 80_000 } });
    const { store } = await emptyLibrary();
    const [result] = await importArticles(store, [bigPage()], now);
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result!.status === 'rejected' && result!.reason).toMatch(/needed more than the 48 MB of memory/);
    configureImportWorker({ budget: defaultBudget });
    const [next] = await importArticles(store, [file('small.txt', `Small\n\n${prose}`)], now);
    expect(next).toMatchObject({ status: 'imported' });
  }, 90_000);

  it('keeps the main thread answering while a large page converts', async () => {
    // A generous budget: this is about order (the save is answered first), not about speed.
    configureImportWorker({ budget: { timeoutMs: 80_000 } });
    const { store } = await emptyLibrary();
    const [seeded] = await importArticles(store, [file('seed.txt', `Seed\n\n${prose}`)], now);
    const id = (seeded as { articleId: string }).articleId;
    const order: string[] = [];
    // A third of the big page: still seconds of conversion against a save of milliseconds, but the conversion
    // child runs at low priority and on a loaded machine the whole page took over 80 s.
    const largePage = file(
      'large.html',
      page(`<article><h1>Large</h1>${`<p>${prose.repeat(3)}</p>`.repeat(1_000)}</article>`),
    );
    const importing = importArticles(store, [largePage], now).then((results) => {
      order.push('import finished');
      return results;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.updateAnnotations(id, (draft) => {
      draft.articleNote = { text: 'written while importing', updatedAt: now.toISOString() };
    });
    order.push('note saved');
    const [result] = await importing;
    expect(result).toMatchObject({ status: 'imported' });
    expect(order).toEqual(['note saved', 'import finished']);
  }, 90_000);
});
