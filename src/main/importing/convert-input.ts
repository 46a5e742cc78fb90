/**
 * Everything between an input's bytes and a stored-article candidate: the
 * size limit, the format, decoding (with the encoding named), the structural
 * limits, conversion (HTML through the shared HTML path, Markdown, PDF,
 * DOCX → HTML), cleaning, metadata bounded to the contract, and the bound on
 * the stored article. It runs inside the import worker thread, so a file that
 * takes too long or too much memory costs that thread, never the app.
 */
import { buildArticle, keepPageFurniture } from '../articles/article-from-text';
import { decodeText } from './decode-text';
import { declaredHtmlCharset } from './html-charset';
import { htmlToLines } from './html-to-lines';
import { importLimits, formatForName, type InputFormat } from './import-limits';
import type { Conversion, ImportInput } from './import-input';
import { convertMarkdown, type LineLink } from './markdown-to-lines';
import { htmlLimitReason, textLimitReason } from './structure-limits';
import { boundedSourceMetadata } from './source-metadata';
import type { SourceMetadata } from '../store/schemas/library-index';
import type { ArticleFile } from '../store/schemas/article-file';

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function sizeLimitReason(size: number): string {
  return `the file is ${megabytes(size)}, over the ${megabytes(importLimits.maxFileBytes)} limit`;
}

type Converted =
  | {
      ok: true;
      raw: string;
      lines: string;
      format: 'text' | 'markdown' | 'html';
      encoding: string | null;
      source: Partial<SourceMetadata>;
      /** A PDF's page furniture, kept aside with the removed lines. */
      furniture?: string[];
      /** The links in the lines, by line (see attach-links.ts). */
      links?: LineLink[];
    }
  | { ok: false; reason: string };

const isBlank = (text: string) => text.replace(/[\s\uFEFF\u200B]/g, '') === '';

/**
 * HTML without a <title> (a Word document, copied HTML) gets its first <h1> as title, so the
 * headline is the article's title rather than a "## " heading line.
 */
function withTitle(html: string): string {
  const head = html.slice(0, 4096).toLowerCase();
  if (head.includes('<title')) return html;
  const start = html.search(/<h1[\s>]/i);
  if (start < 0) return html;
  const end = html.toLowerCase().indexOf('</h1>', start);
  const heading = html.slice(html.indexOf('>', start) + 1, end < 0 ? start : end).replace(/<[^<>]*>/g, '');
  return heading.trim() ? `<title>${heading.trim()}</title>${html}` : html;
}

async function fromHtml(
  html: string,
  url: string | null | undefined,
  encoding: string | null,
): Promise<Converted> {
  const tooBig = htmlLimitReason(html);
  if (tooBig) return { ok: false, reason: tooBig };
  const article = await htmlToLines(withTitle(html), url ?? undefined);
  if (!article) return { ok: false, reason: 'no article text was found in the page' };
  return {
    ok: true,
    raw: html,
    lines: article.lines,
    links: article.links,
    format: 'html',
    encoding,
    source: { outlet: article.siteName, author: article.byline, publishedAt: article.publishedTime, url },
  };
}

async function convert(input: ImportInput, format: InputFormat): Promise<Converted> {
  if (format === 'pdf') {
    const { pdfToLines } = await import('./pdf-to-lines');
    const pdf = await pdfToLines(input.bytes);
    if (!pdf.ok) return pdf;
    return {
      ok: true,
      raw: pdf.lines,
      lines: pdf.lines,
      format: 'text',
      encoding: null,
      source: { author: pdf.author, url: input.url },
      furniture: pdf.furniture,
    };
  }
  if (format === 'docx') {
    const { docxToHtml } = await import('./docx-to-html');
    const docx = await docxToHtml(input.bytes);
    if (!docx.ok) return docx;
    return fromHtml(docx.html, input.url, null);
  }
  const declared = input.charset ?? (format === 'html' ? declaredHtmlCharset(input.bytes) : null);
  const decoded = decodeText(input.bytes, declared);
  if (!decoded.ok) return decoded;
  if (isBlank(decoded.text)) return { ok: false, reason: 'the file is empty' };
  if (format === 'html') return fromHtml(decoded.text, input.url, decoded.encoding);
  const { lines, links } =
    format === 'markdown' ? convertMarkdown(decoded.text) : { lines: decoded.text, links: [] };
  return {
    ok: true,
    raw: decoded.text,
    lines,
    links,
    format,
    encoding: decoded.encoding,
    source: { url: input.url },
  };
}

function articleLimitReason(article: ArticleFile): string | null {
  if (article.cleaned.blocks.length > importLimits.maxBlocks)
    return `it makes ${article.cleaned.blocks.length.toLocaleString('en-US')} paragraphs, over the limit of ${importLimits.maxBlocks.toLocaleString('en-US')}`;
  const stored = Buffer.byteLength(JSON.stringify(article));
  if (stored > importLimits.maxArticleBytes)
    return `the stored article would take ${megabytes(stored)}, over the ${megabytes(importLimits.maxArticleBytes)} limit`;
  return null;
}

/** Converts and cleans one input; `addedAt` is the import time to record. */
export async function convertInput(input: ImportInput, addedAt: string): Promise<Conversion> {
  const format = input.format ?? formatForName(input.name);
  if (!format)
    return {
      ok: false,
      reason: `files of this type are not imported (accepted: ${importLimits.extensions.join(', ')})`,
    };
  if (input.bytes.length > importLimits.maxFileBytes)
    return { ok: false, reason: sizeLimitReason(input.bytes.length) };
  if (input.bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const converted = await convert(input, format);
  if (!converted.ok) return converted;
  if (isBlank(converted.lines)) return { ok: false, reason: 'no text was found in it' };
  const overLimit = textLimitReason(converted.lines);
  if (overLimit) return { ok: false, reason: overLimit };
  const article = buildArticle(converted.raw, converted.lines, converted.format, {
    sourceFile: input.kind === 'url' ? null : input.name,
    addedAt,
    source: boundedSourceMetadata(converted.source),
    links: converted.links,
  });
  keepPageFurniture(article.cleaned, converted.lines, converted.furniture ?? []);
  const tooLarge = articleLimitReason(article);
  if (tooLarge) return { ok: false, reason: tooLarge };
  return { ok: true, article, encoding: converted.encoding, format };
}
