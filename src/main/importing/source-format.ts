/**
 * The formats an article's raw text can be in, and how each becomes the plain
 * lines the cleaner structures. The raw text is stored unchanged with its
 * format, so re-cleaning under new rules repeats this conversion too.
 * (PDF and DOCX are stored as what they convert to: lines, and HTML.)
 */
import { htmlToLines } from './html-to-lines';
import { markdownToLines } from './markdown-to-lines';

export type SourceFormat = 'text' | 'markdown' | 'html';

export async function sourceToLines(raw: string, format: SourceFormat): Promise<string> {
  switch (format) {
    case 'text':
      return raw;
    case 'markdown':
      return markdownToLines(raw);
    case 'html':
      return (await htmlToLines(raw))?.lines ?? '';
  }
}
