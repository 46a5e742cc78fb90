/**
 * Rejoins paragraphs that a text file hard-wrapped over several lines (a
 * blank line between paragraphs, each paragraph broken at ~70 characters), so
 * each becomes one paragraph rather than one per line. Groups whose lines look
 * like list items, headings or quotes are left alone.
 */
import { breakPattern, bulletItem, markdownHeading, markdownQuote, numberedItem } from './block-rules';
import type { SourceLine } from './source-line';

export interface JoinedLine extends SourceLine {
  /** Every raw line the text came from. */
  lines: number[];
}

function isWrappedGroup(group: SourceLine[]): boolean {
  if (group.length < 2) return false;
  const special = (text: string) =>
    breakPattern.test(text) ||
    bulletItem.test(text) ||
    numberedItem.test(text) ||
    markdownHeading.test(text) ||
    markdownQuote.test(text);
  if (group.some((line) => special(line.text))) return false;
  return group.slice(0, -1).every((line) => line.text.length >= 30 && line.text.length <= 100);
}

/** Blank lines count as paragraph separators only between content, not before or after it. */
function hasInteriorBlankLine(lines: SourceLine[]): boolean {
  const first = lines.findIndex((line) => line.text !== '');
  const last = lines.findLastIndex((line) => line.text !== '');
  return lines.slice(first, last + 1).some((line) => line.text === '');
}

export function joinWrappedLines(lines: SourceLine[]): JoinedLine[] {
  const out: JoinedLine[] = [];
  let group: SourceLine[] = [];
  // The document's first line is its likely headline: it is never joined into a paragraph.
  const firstContent = lines.find((line) => line.text !== '');
  const flush = () => {
    if (isWrappedGroup(group)) {
      out.push({
        line: group[0]!.line,
        text: group.map((line) => line.text).join(' '),
        lines: group.map((line) => line.line),
      });
    } else {
      for (const line of group) out.push({ ...line, lines: [line.line] });
    }
    group = [];
  };
  const hasBlankLines = hasInteriorBlankLine(lines);
  for (const line of lines) {
    if (line.text === '') flush();
    else if (line === firstContent) out.push({ ...line, lines: [line.line] });
    else if (hasBlankLines) group.push(line);
    else out.push({ ...line, lines: [line.line] });
  }
  flush();
  return out;
}
