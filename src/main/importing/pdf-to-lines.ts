/**
 * A PDF's text, through Mozilla's PDF.js (`pdfjs-dist`), as the lines the
 * cleaner structures: text items grouped into lines by position, top to
 * bottom and left to right; lines re-joined into paragraphs (a line break is
 * kept only where the gap or the type size changes, a hyphen at a line end
 * joins the word); headings guessed from a type size clearly above the body's;
 * the title and author from the document's metadata when it has them. Running
 * headers and footers (the same text, digits aside, at the top or bottom of
 * most pages) and page numbers are kept apart as page furniture. A PDF with no
 * text layer (a scan) is rejected with that reason: no OCR is done.
 */
import { isEnglishWord } from '../cleaning/english-words';
import { importLimits } from './import-limits';

export type PdfLines =
  | { ok: true; lines: string; title: string | null; author: string | null; furniture: string[] }
  | { ok: false; reason: string };

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
  /** Top or bottom tenth of the page: where running headers and footers live. */
  edge: boolean;
}

interface PositionedItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const pageNumber = /^(page\s*)?\d{1,4}(\s*(\/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#');

/** Text pieces of one line, left to right; a space only where there is a gap (ligatures split words). */
function joinParts(parts: { x: number; width: number; str: string }[], size: number): string {
  let text = '';
  let end = -Infinity;
  for (const part of parts.sort((a, b) => a.x - b.x)) {
    text += part.x - end > size * 0.15 ? ` ${part.str}` : part.str;
    end = part.x + part.width;
  }
  return text;
}

/** The run of letters that ends `text` (scanned backwards: linear, whatever the line). */
function trailingLetters(text: string): string {
  let start = text.length;
  while (start > 0 && /\p{L}/u.test(text[start - 1]!)) start -= 1;
  return text.slice(start);
}

/** A word broken at a line end: "negoti-" + "ations" joins without the hyphen; "well-" + "known" keeps it. */
function joinHyphenated(text: string, next: string): string {
  const before = text.endsWith('-') ? trailingLetters(text.slice(0, -1)) : '';
  const after = /^\p{Ll}+/u.exec(next)?.[0];
  if (!before || !after) return `${text} ${next}`;
  const joined = isEnglishWord(before + after) && !(isEnglishWord(before) && isEnglishWord(after));
  return joined ? text.slice(0, -1) + next : text + next;
}

function linesOfPage(items: PositionedItem[], page: number, height: number): Line[] {
  const rows: { y: number; size: number; parts: { x: number; width: number; str: string }[] }[] = [];
  for (const item of items) {
    if (!item.str) continue;
    const [, , , , x = 0, y = 0] = item.transform;
    const size = Math.abs(item.transform[3] ?? item.height) || item.height;
    let row = rows.find((candidate) => Math.abs(candidate.y - y) <= Math.max(2, size * 0.4));
    if (!row) rows.push((row = { y, size, parts: [] }));
    row.size = Math.max(row.size, size);
    row.parts.push({ x, width: item.width, str: item.str });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows
    .map((row) => ({
      text: squash(joinParts(row.parts, row.size)),
      y: row.y,
      size: Math.round(row.size * 10) / 10,
      page,
      edge: row.y > height * 0.9 || row.y < height * 0.1,
    }))
    .filter((line) => line.text !== '');
}

/** Text that repeats at the page edges (the two first or last lines) on most pages, or is a page number there. */
function furnitureOf(lines: Line[], pages: number): Set<Line> {
  const pagesWithShape = new Map<string, Set<number>>();
  for (const line of lines)
    if (line.edge) {
      const key = shape(line.text);
      if (!pagesWithShape.has(key)) pagesWithShape.set(key, new Set());
      pagesWithShape.get(key)!.add(line.page);
    }
  const furniture = new Set<Line>();
  const outermost = new Set<Line>();
  for (let page = 1; page <= pages; page += 1) {
    const onPage = lines.filter((line) => line.page === page);
    for (const line of [...onPage.slice(0, 2), ...onPage.slice(-2)]) outermost.add(line);
  }
  for (const line of lines) {
    if (!line.edge || !outermost.has(line)) continue;
    const repeated =
      pages >= 2 && (pagesWithShape.get(shape(line.text))?.size ?? 0) >= Math.max(2, pages * 0.5);
    if (repeated || pageNumber.test(line.text)) furniture.add(line);
  }
  return furniture;
}

function mostCommonSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** Joins lines into paragraphs and headings, as "## heading" and paragraph lines separated by blank lines. */
function paragraphs(lines: Line[]): string[] {
  const body = mostCommonSize(lines);
  const blocks: string[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length === 0) return;
    let text = '';
    for (const line of current) text = text ? joinHyphenated(text, line.text) : line.text;
    const size = current[0]!.size;
    blocks.push(size >= body * 1.15 && text.length < 200 ? `## ${text}` : text);
    current = [];
  };
  for (const line of lines) {
    const previous = current[current.length - 1];
    if (previous) {
      const samePage = previous.page === line.page;
      const gap = previous.y - line.y;
      const sizeChanged = Math.abs(previous.size - line.size) > 0.5;
      const wideGap = samePage && gap > Math.max(previous.size, line.size) * 1.75;
      const pageBreak = !samePage && (/[.!?:"”’)]$/.test(previous.text) || !/^\p{Ll}/u.test(line.text));
      const heading = previous.size >= body * 1.15;
      if (sizeChanged || wideGap || pageBreak || (heading && !samePage)) flush();
    }
    current.push(line);
  }
  flush();
  return blocks;
}

function describeOpenFailure(error: unknown): string {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException')
    return 'it is encrypted (password-protected); save an unprotected copy and import that';
  if (name === 'InvalidPDFException') return 'it is not a readable PDF (the file is damaged)';
  return `it is not a readable PDF (${error instanceof Error ? error.message.slice(0, 160) : 'damaged'})`;
}

export async function pdfToLines(bytes: Uint8Array): Promise<PdfLines> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-'))
    return { ok: false, reason: 'it is not a PDF (it does not start like one)' };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    return { ok: false, reason: describeOpenFailure(error) };
  }
  try {
    if (document.numPages === 0) return { ok: false, reason: 'the PDF has no pages' };
    if (document.numPages > importLimits.maxPdfPages)
      return {
        ok: false,
        reason: `it has ${document.numPages} pages, over the limit of ${importLimits.maxPdfPages}`,
      };
    const info = ((await document.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const all: Line[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , , height = 792] = page.view;
      const content = await page.getTextContent();
      all.push(
        ...linesOfPage(content.items.filter((item) => 'str' in item) as PositionedItem[], number, height),
      );
      page.cleanup();
    }
    const furniture = furnitureOf(all, document.numPages);
    const body = all.filter((line) => !furniture.has(line));
    if (body.reduce((sum, line) => sum + line.text.length, 0) < 20)
      return {
        ok: false,
        reason: 'it has no text layer (a scanned PDF?): only PDFs with text can be imported, no OCR is done',
      };
    const title = typeof info['Title'] === 'string' ? squash(info['Title']) || null : null;
    const author = typeof info['Author'] === 'string' ? squash(info['Author']) || null : null;
    let blocks = paragraphs(body);
    if (title && blocks[0]?.replace(/^## /, '') === title) blocks = blocks.slice(1);
    return {
      ok: true,
      lines: [title, ...blocks].filter(Boolean).join('\n\n'),
      title,
      author,
      furniture: all.filter((line) => furniture.has(line)).map((line) => line.text),
    };
  } finally {
    await document.destroy();
  }
}
