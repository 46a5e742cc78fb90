/**
 * The formats an article's raw text can be in, and how each becomes the plain
 * lines the cleaner structures. The raw text is stored unchanged with its
 * format, so re-cleaning under new rules repeats this conversion too.
 * (PDF and DOCX are stored as what they convert to: lines, and HTML.)
 * Markdown also gives the links its lines held, for the cleaned blocks to carry.
 */
import { htmlToLines } from './html-to-lines';
import { convertMarkdown, type LineLink } from './markdown-to-lines';

export type SourceFormat = 'text' | 'markdown' | 'html';

/** The lines the cleaner structures, and the links found in them (Markdown's; none for the others yet). */
export interface SourceLines {
  lines: string;
  links: LineLink[];
}

export async function sourceToLines(raw: string, format: SourceFormat): Promise<SourceLines> {
  switch (format) {
    case 'text':
      return { lines: raw, links: [] };
    case 'markdown':
      return convertMarkdown(raw);
    case 'html':
      return { lines: (await htmlToLines(raw))?.lines ?? '', links: [] };
  }
}
