/**
 * Builds a stored article from raw text: cleans it, and fills in the record the
 * library index keeps (title, reading figures, flag count, duplicate key). Also
 * re-cleans an existing article when the cleaning rules change, keeping what
 * the user set (an edited title, the source metadata).
 */
import { createHash } from 'node:crypto';
import { cleanArticle } from '../cleaning/clean-article';
import type { CleanedArticle } from '../../shared/cleaned-article';
import { normalizeLines } from '../cleaning/normalize-text';
import { articleFileVersion, type ArticleFile } from '../store/schemas/article-file';
import { emptySourceMetadata, type ArticleRecord, type SourceMetadata } from '../store/schemas/library-index';
import { countWords, readingMinutes } from './reading-stats';
import { sourceToLines, type SourceFormat } from '../importing/source-format';
import { attachLinks } from '../importing/attach-links';
import type { LineLink } from '../importing/markdown-to-lines';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stable id from the raw text itself, so the same file never gets two ids. */
export function articleIdFor(rawText: string): string {
  return 'a-' + sha256(rawText).slice(0, 16);
}

/** The same for any two texts that differ only in encoding details, line ends or spacing. */
export function contentKeyFor(text: string): string {
  const lines = normalizeLines(text)
    .map((line) => line.text)
    .filter(Boolean);
  return sha256(lines.join('\n')).slice(0, 24);
}

function readingFigures(cleaned: CleanedArticle) {
  const wordCount = countWords(cleaned.text);
  return { wordCount, readingMinutes: readingMinutes(wordCount), flagCount: cleaned.flags.length };
}

export interface ArticleOrigin {
  /** What the raw text is written in (default: plain text). */
  format?: SourceFormat;
  sourceFile: string | null;
  addedAt: string;
  source?: SourceMetadata;
  /** The raw text already converted to lines (an import converts HTML once, while checking it). */
  lines?: string;
  /** The links found in those lines (see attach-links.ts). */
  links?: LineLink[];
}

/** Builds the article from its raw text and the lines that text converts to (the same, for plain text); importing converts in its worker and calls this. */
export function buildArticle(
  rawText: string,
  lines: string,
  format: SourceFormat,
  origin: ArticleOrigin,
): ArticleFile {
  const cleaned = cleanArticle(lines, { extracted: format === 'html' });
  attachLinks(cleaned.blocks, lines, origin.links ?? []);
  const record: ArticleRecord = {
    id: articleIdFor(rawText),
    title: cleaned.title,
    titleDerived: cleaned.titleDerived,
    titleEdited: false,
    sourceFile: origin.sourceFile,
    addedAt: origin.addedAt,
    source: origin.source ?? emptySourceMetadata(),
    contentKey: contentKeyFor(lines),
    ...readingFigures(cleaned),
  };
  return { schemaVersion: articleFileVersion, record, format, rawText, cleaned };
}

/** An article from plain text, which needs no conversion (the seeds, the benchmarks). */
export function articleFromPlainText(rawText: string, origin: Omit<ArticleOrigin, 'format'>): ArticleFile {
  return buildArticle(rawText, rawText, 'text', origin);
}

/** An article from raw text in any format; HTML conversion loads its libraries on first use. */
export async function articleFromText(rawText: string, origin: ArticleOrigin): Promise<ArticleFile> {
  const format = origin.format ?? 'text';
  if (origin.lines !== undefined) return buildArticle(rawText, origin.lines, format, origin);
  const { lines, links } = await sourceToLines(rawText, format);
  return buildArticle(rawText, lines, format, { ...origin, links });
}

/**
 * Adds a PDF's page furniture (running heads, footers, page numbers: taken out
 * of the raw text when the PDF was read) to the removed lines, numbered after
 * the text's own lines.
 */
export function keepPageFurniture(cleaned: CleanedArticle, lines: string, furniture: string[]): void {
  const lineCount = lines.split('\n').length;
  cleaned.removed.push(
    ...furniture.map((text, n) => ({ line: lineCount + n + 1, text, kind: 'page-furniture' as const })),
  );
}

/** The page furniture an article's cleaning kept aside (a PDF's; none for other formats). */
export function pageFurnitureOf(cleaned: CleanedArticle): string[] {
  return cleaned.removed.filter((line) => line.kind === 'page-furniture').map((line) => line.text);
}

/**
 * Cleans the raw text again with the current rules, keeping the user's title edit, source
 * metadata and line choices, and a PDF's page furniture (`furniture`, from the previous cleaning:
 * it is not in the raw text, so cleaning alone would lose it).
 */
export async function recleanArticle(
  record: ArticleRecord,
  rawText: string,
  format: SourceFormat = 'text',
  readerChoices?: ArticleFile['readerChoices'],
  furniture: string[] = [],
): Promise<ArticleFile> {
  const { lines, links } = await sourceToLines(rawText, format, record.source.url ?? undefined);
  const cleaned = cleanArticle(lines, {
    extracted: format === 'html',
    restoreLines: readerChoices?.restore,
    removeLines: readerChoices?.remove,
  });
  attachLinks(cleaned.blocks, lines, links);
  keepPageFurniture(cleaned, lines, furniture);
  const title = record.titleEdited ? record.title : cleaned.title;
  const titleDerived = record.titleEdited ? false : cleaned.titleDerived;
  return {
    schemaVersion: articleFileVersion,
    record: {
      ...record,
      title,
      titleDerived,
      contentKey: contentKeyFor(lines),
      ...readingFigures(cleaned),
    },
    format,
    rawText,
    cleaned,
    ...(readerChoices ? { readerChoices } : {}),
  };
}
