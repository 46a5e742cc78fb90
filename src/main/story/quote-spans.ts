/**
 * Where quotations are: pairs of quotation marks in the cleaned text. Handles
 * curly and straight double quotes, guillemets and „low-high“ quotes, nested
 * quotes (single quotes and inner doubles stay part of the outer quote), and
 * the news convention for a quote over several paragraphs (no closing mark at
 * a paragraph's end, an opening mark at the next one's start). An opening mark
 * that is never closed is dropped, taking no text with it.
 */

export interface QuoteSpan {
  /** Index of the opening mark and just past the closing mark. */
  open: number;
  close: number;
  /** The quoted words of each paragraph the quote runs over. */
  parts: { start: number; end: number }[];
}

const closerFor: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };

interface Open {
  mark: string;
  at: number;
  partStart: number;
  parts: { start: number; end: number }[];
}

/** The text from `index` to the end of its paragraph starts with an opening mark of this kind. */
function reopensAt(text: string, lineStart: number, mark: string): number | null {
  let index = lineStart;
  while (text[index] === '\n' || text[index] === ' ') index += 1;
  return text[index] === mark ? index : null;
}

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: Open | null = null;
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (open === null) {
      if (char in closerFor && !(char === '"' && /[\p{L}\p{N}]/u.test(text[index - 1] ?? ''))) {
        open = { mark: char, at: index, partStart: index + 1, parts: [] };
        depth = 1;
      }
      continue;
    }
    const closer = closerFor[open.mark]!;
    if (char === '\n') {
      const next = reopensAt(text, index, open.mark);
      if (depth === 1 && next !== null && open.mark !== '"') {
        open.parts.push({ start: open.partStart, end: index });
        open.partStart = next + 1;
        index = next;
      } else {
        index = open.at;
        open = null;
      }
    } else if (char === closer) {
      depth -= 1;
      if (depth === 0) {
        open.parts.push({ start: open.partStart, end: index });
        spans.push({ open: open.at, close: index + 1, parts: open.parts });
        open = null;
      }
    } else if (char === open.mark && open.mark !== '"') {
      depth += 1;
    }
  }
  return spans.filter((span) => span.parts.every((part) => part.end > part.start));
}

/** The quoted words, paragraphs joined by one space. */
export function quotedText(text: string, span: QuoteSpan): string {
  return span.parts.map((part) => text.slice(part.start, part.end).trim()).join(' ');
}
