/**
 * Turns the raw text of a source file into a stored article: a title (from the
 * headline, or derived from the lede and marked so), the paragraphs, and
 * reading figures. The raw text is kept unchanged beside them.
 */
import { createHash } from 'node:crypto';
import { articleFileVersion, type ArticleFile } from '../store/schemas/article-file';
import { countWords, readingMinutes } from './reading-stats';
import { deriveTitle, looksLikeHeadline } from './title-detection';

/** A stable id from the text itself, so the same source never gets two ids. */
export function articleIdFor(rawText: string): string {
  return 'a-' + createHash('sha256').update(rawText).digest('hex').slice(0, 16);
}

export function splitParagraphs(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function articleFromText(rawText: string, sourceFile: string | null, addedAt: string): ArticleFile {
  const lines = splitParagraphs(rawText);
  const [firstLine = ''] = lines;
  const titleInSource = looksLikeHeadline(firstLine);
  const paragraphs = titleInSource ? lines.slice(1) : lines;
  const title = titleInSource ? firstLine : firstLine ? deriveTitle(firstLine) : 'Untitled article';
  const wordCount = countWords(paragraphs.join('\n'));
  return {
    schemaVersion: articleFileVersion,
    record: {
      id: articleIdFor(rawText),
      title,
      titleDerived: !titleInSource,
      wordCount,
      readingMinutes: readingMinutes(wordCount),
      sourceFile,
      addedAt,
    },
    rawText,
    paragraphs,
  };
}
