/**
 * PDF and Word imports on fixtures made here: a report printed from HTML by
 * Chromium (with its running header, footer and page numbers), small PDFs
 * written by hand (metadata, encrypted, empty, image-only), and a .docx
 * written with the `docx` package. Checked for paragraphs, headings, title,
 * and page furniture kept aside; bad PDFs are refused with their reason.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium';
import { importArticles, type ImportFile } from '../../src/main/importing/import-articles';
import { storeOpener } from './store-helpers';
import { recleanInWorker, stopImportWorker } from '../../src/main/importing/conversion-worker';
import { cleaningRulesVersion } from '../../src/main/cleaning/rules-version';
import { storeLayout } from '../../src/main/store/store-layout';
import type { CleanedArticle } from '../../src/shared/cleaned-article';
import { tempDirs } from './temp-dir';

const run = promisify(execFile);
const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');

const sentence =
  'The ministry said officials would review the agreement before the summit, while analysts expected further delays in the negotiations over energy prices and regional security.';

/** Four sentences of the same words in an order of their own: no two lines of the report repeat. */
function varied(seed: number): string {
  const words = sentence.replace(/[,.]/g, '').toLowerCase().split(' ');
  return Array.from({ length: 4 }, (_, n) => {
    const order = words.map((word, i) => [((i + 1) * (seed * 7 + n * 13 + 3)) % 101, word] as const);
    const text = order
      .sort((a, b) => a[0] - b[0])
      .map(([, word]) => word)
      .join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }).join(' ');
}

/** A four-section report, printed by Chromium's own --print-to-pdf (date and title on top, address and page numbers below). */
async function printedReport(dir: string): Promise<Uint8Array> {
  const sections = [1, 2, 3, 4].map(
    (n) =>
      `<h2>Section ${n}: Outlook for region ${n}</h2>` +
      [1, 2, 3, 4]
        .map((p) => `<p>Paragraph ${n}.${p}. ${varied(n * 10 + p)} A well-known closing line ${n}.${p}.</p>`)
        .join(''),
  );
  const html = `<!doctype html><html><head><title>Energy Talks Report</title><style>body{font:12pt serif}h1{font-size:26pt}h2{font-size:18pt}</style></head><body><h1>Energy Talks Report</h1>${sections.join('')}</body></html>`;
  const source = path.join(dir, 'report.html');
  const target = path.join(dir, 'report.pdf');
  await writeFile(source, html);
  await run(chromiumLaunchOptions.executablePath, [
    '--headless',
    ...chromiumLaunchOptions.args,
    `--print-to-pdf=${target}`,
    pathToFileURL(source).href,
  ]);
  return new Uint8Array(await readFile(target));
}

/** A one-page PDF written by hand: optional text, metadata, encryption, or no pages at all. */
function handMadePdf(options: {
  text?: string;
  info?: string;
  encrypted?: boolean;
  pages?: 0 | 1;
}): Uint8Array {
  const content = options.text ? `BT /F1 12 Tf 72 700 Td (${options.text}) Tj ET` : '0 0 m 100 100 l S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    options.pages === 0
      ? '<< /Type /Pages /Kids [] /Count 0 >>'
      : '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`,
    `<< ${options.info ?? ''} >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, n) => {
    offsets.push(body.length);
    body += `${n + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  const encrypt = options.encrypted ? `/Encrypt 6 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R ${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

async function importOne(input: ImportFile) {
  const store = await open({ dir: await makeTempDir(), backups: false });
  const [result] = await importArticles(store, [input], now);
  const article = result!.status === 'imported' ? await store.readArticle(result!.articleId) : null;
  return { store, result: result!, article };
}

describe('PDF', () => {
  it('imports a Chromium-printed report: title, headings, re-joined paragraphs, page furniture kept aside', async () => {
    const dir = await makeTempDir();
    const { result, article } = await importOne({ name: 'report.pdf', bytes: await printedReport(dir) });
    expect(result).toMatchObject({ status: 'imported', format: 'pdf', encoding: null });
    const { cleaned } = article!;
    expect(cleaned.title).toBe('Energy Talks Report');
    // The cleaner takes a heading straight after the title as the dek (a cleaning rule, not the PDF path's).
    const headings = cleaned.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    const sections = [cleaned.dek?.text.replace(/^## /, ''), ...headings].filter(Boolean);
    expect(sections).toEqual([1, 2, 3, 4].map((n) => `Section ${n}: Outlook for region ${n}`));
    const paragraphs = cleaned.blocks.filter((block) => block.kind === 'paragraph');
    expect(paragraphs).toHaveLength(16);
    for (const [n, block] of paragraphs.entries()) {
      const label = `${Math.floor(n / 4) + 1}.${(n % 4) + 1}`;
      expect(block.kind === 'paragraph' && block.text).toMatch(
        new RegExp(`^Paragraph ${label}\\. \\w.* A well-known closing line ${label}\\.$`),
      );
    }
    expect(cleaned.text).not.toMatch(/file:|\b\d+\/\d+[ \t]*$|, \d{1,2}:\d{2} [AP]M/m);
    const furniture = cleaned.removed
      .filter((line) => line.kind === 'page-furniture')
      .map((line) => line.text);
    expect(furniture.length).toBeGreaterThanOrEqual(4);
    expect(furniture.some((text) => /report\.html 1\/\d+$/.test(text))).toBe(true);
    expect(furniture.some((text) => /Energy Talks Report$/.test(text))).toBe(true);
  });

  it('keeps the page furniture removed when the article is cleaned again (rules change, in the worker or here)', async () => {
    const dir = await makeTempDir();
    const storeDir = await makeTempDir();
    const store = await open({ dir: storeDir, backups: false, recleanArticleFile: recleanInWorker });
    const [result] = await importArticles(
      store,
      [{ name: 'report.pdf', bytes: await printedReport(dir) }],
      now,
    );
    const id = result!.status === 'imported' ? result!.articleId : '';
    const furnitureOf = (cleaned: CleanedArticle) =>
      cleaned.removed.filter((line) => line.kind === 'page-furniture').map((line) => line.text);
    const imported = await store.readArticle(id);
    const furniture = furnitureOf(imported.cleaned);
    expect(furniture.length).toBeGreaterThanOrEqual(4);
    const file = storeLayout(storeDir).articleFile(id);
    for (const recleaned of [
      // Older rules made it: re-cleaned in the import worker when read.
      async () => store.readArticle(id),
      // The same in this thread (the command line's store).
      async () => (await open({ dir: storeDir, backups: false, readOnly: true })).readArticle(id),
    ]) {
      const stale = JSON.parse(await readFile(file, 'utf8'));
      stale.cleaned.rulesVersion = 0;
      await writeFile(file, JSON.stringify(stale));
      const article = await recleaned();
      expect(article.cleaned.rulesVersion).toBe(cleaningRulesVersion);
      expect(furnitureOf(article.cleaned)).toEqual(furniture);
      expect(article.cleaned.text).not.toMatch(/file:|\b\d+\/\d+[ \t]*$/m);
    }
    stopImportWorker();
  }, 60_000);

  it('takes the title and author from the PDF metadata', async () => {
    const { result, store } = await importOne({
      name: 'memo.pdf',
      bytes: handMadePdf({
        text: 'The envoy said the talks were productive and would continue on Friday.',
        info: '/Title (Geneva Memo) /Author (Jane Analyst)',
      }),
    });
    expect(result).toMatchObject({ status: 'imported', title: 'Geneva Memo' });
    expect(store.index().articles[0]!.source.author).toBe('Jane Analyst');
  });

  it.each([
    ['an image-only (scanned) PDF', handMadePdf({}), /no text layer/],
    [
      'an encrypted PDF',
      handMadePdf({ text: 'Secret text of some length here.', encrypted: true }),
      /encrypted \(password-protected\)/,
    ],
    ['a PDF without pages', handMadePdf({ pages: 0 }), /no pages|not a readable PDF/],
    ['an empty file', new Uint8Array(), /empty/],
    [
      'a truncated PDF',
      handMadePdf({ text: 'Some text here.' }).slice(0, 60),
      /not a readable PDF|no text layer/,
    ],
  ])('refuses %s with its reason', async (_label, bytes, reason) => {
    const { result, store } = await importOne({ name: 'file.pdf', bytes });
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result.status === 'rejected' && result.reason).toMatch(reason);
    expect(store.index().articles).toHaveLength(0);
  });
});

describe('Word (.docx)', () => {
  it('imports headings, paragraphs and lists through the HTML path', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Ceasefire Talks Resume', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: `Opening. ${sentence}` }),
            new Paragraph({ text: 'What was agreed', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'A prisoner exchange', bullet: { level: 0 } }),
            new Paragraph({ text: 'A corridor for aid', bullet: { level: 0 } }),
            new Paragraph({ text: `Closing. ${sentence}` }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const { result, article } = await importOne({ name: 'talks.docx', bytes });
    expect(result).toMatchObject({ status: 'imported', format: 'docx', title: 'Ceasefire Talks Resume' });
    const kinds = article!.cleaned.blocks.map((block) => block.kind);
    expect(kinds).toEqual(['paragraph', 'heading', 'list', 'paragraph']);
    const list = article!.cleaned.blocks.find((block) => block.kind === 'list');
    expect(list?.kind === 'list' && list.items.map((item) => item.text)).toEqual([
      'A prisoner exchange',
      'A corridor for aid',
    ]);
  });
});
