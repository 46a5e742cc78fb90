/**
 * Turns the article's content lines into blocks: section breaks, headings,
 * lists (numbered, bulleted, or introduced by a line ending in a colon), pull
 * quotes, image captions and paragraphs. Works line by line, looking one line
 * ahead, with the rules in `block-rules.ts`.
 */
import {
  breakPattern,
  bulletItem,
  isCaption,
  isHeading,
  isListIntro,
  isListItemAfterIntro,
  isPullQuote,
  markdownHeading,
  markdownQuote,
  numberedItem,
  startsWithQuote,
} from './block-rules';
import type { JoinedLine } from './join-wrapped-lines';

/** A block before its offsets in the cleaned text are known. */
export type BlockDraft =
  | { kind: 'paragraph' | 'caption'; text: string; lines: number[] }
  | { kind: 'heading' | 'quote'; text: string; marker: string | null; lines: number[] }
  | { kind: 'break'; marker: string; lines: number[] }
  | {
      kind: 'list';
      ordered: boolean;
      items: { marker: string | null; text: string; line: number }[];
      lines: number[];
    };

const maxIntroducedItems = 12;

function collectMarked(lines: JoinedLine[], from: number, pattern: RegExp) {
  const items: { marker: string | null; text: string; line: number }[] = [];
  let index = from;
  while (index < lines.length) {
    const match = pattern.exec(lines[index]!.text);
    if (!match) break;
    items.push({ marker: match[1]!, text: match[2]!, line: lines[index]!.line });
    index += 1;
  }
  return { items, next: index };
}

function collectIntroduced(lines: JoinedLine[], from: number) {
  const items: { marker: null; text: string; line: number }[] = [];
  let index = from;
  while (index < lines.length && items.length < maxIntroducedItems) {
    const text = lines[index]!.text;
    if (numberedItem.test(text) || bulletItem.test(text) || markdownHeading.test(text)) break;
    if (!isListItemAfterIntro(text)) break;
    items.push({ marker: null, text, line: lines[index]!.line });
    index += 1;
  }
  return items.length >= 2 ? { items, next: index } : null;
}

export function classifyBlocks(lines: JoinedLine[]): BlockDraft[] {
  const blocks: BlockDraft[] = [];
  let index = 0;
  while (index < lines.length) {
    const { text, lines: from } = lines[index]!;
    const next = lines[index + 1]?.text;
    let match: RegExpExecArray | null;

    if (breakPattern.test(text)) {
      blocks.push({ kind: 'break', marker: text, lines: from });
    } else if ((match = markdownHeading.exec(text))) {
      blocks.push({ kind: 'heading', text: match[2]!, marker: match[1]!, lines: from });
    } else if ((match = markdownQuote.exec(text))) {
      blocks.push({ kind: 'quote', text: match[2]!, marker: match[1]!, lines: from });
    } else if (numberedItem.test(text) || bulletItem.test(text)) {
      const ordered = numberedItem.test(text);
      const { items, next: after } = collectMarked(lines, index, ordered ? numberedItem : bulletItem);
      blocks.push({ kind: 'list', ordered, items, lines: items.map((item) => item.line) });
      index = after;
      continue;
    } else if (isCaption(text)) {
      blocks.push({ kind: 'caption', text, lines: from });
    } else if (isPullQuote(text)) {
      blocks.push({ kind: 'quote', text, marker: null, lines: from });
    } else if (isHeading(text, next)) {
      blocks.push({ kind: 'heading', text, marker: null, lines: from });
    } else {
      blocks.push({ kind: 'paragraph', text, lines: from });
      if (isListIntro(text) && next !== undefined && !startsWithQuote(next)) {
        const list = collectIntroduced(lines, index + 1);
        if (list) {
          blocks.push({
            kind: 'list',
            ordered: false,
            items: list.items,
            lines: list.items.map((item) => item.line),
          });
          index = list.next;
          continue;
        }
      }
    }
    index += 1;
  }
  return blocks;
}
