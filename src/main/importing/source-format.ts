/**
 * The formats an article's raw text can be in, and how each becomes the plain
 * lines the cleaner structures. The raw text is stored unchanged with its
 * format, so re-cleaning under new rules repeats this conversion too.
 * (PDF and DOCX are stored as what they convert to: lines, and HTML.)
 * Markdown and HTML also give the links their lines hold, for the cleaned blocks to carry.
 */
import { htmlToLines } from './html-to-lines';
import { convertMarkdown, type LineLink } from './markdown-to-lines';

export type SourceFormat = 'text' | 'markdown' | 'html';

/** The lines the cleaner structures, and the links found in them (none in plain text). */
export interface SourceLines {
  lines: string;
  links: LineLink[];
}

/** `url` is the page's address, if it came from one: relative links resolve against it. */
export async function sourceToLines(raw: string, format: SourceFormat, url?: string): Promise<SourceLines> {
  switch (format) {
    case 'text':
      return { lines: raw, links: [] };
    case 'markdown':
      return convertMarkdown(raw);
    case 'html': {
      const article = await htmlToLines(raw, url);
      return { lines: article?.lines ?? '', links: article?.links ?? [] };
    }
  }
}
