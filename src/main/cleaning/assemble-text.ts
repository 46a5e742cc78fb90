/**
 * Lays the blocks out as the cleaned body text (blocks separated by a blank
 * line, list items by a line break, section breaks adding nothing) and gives
 * every block and list item its code-point offsets in that text.
 */
import type { Block } from '../../shared/cleaned-article';
import type { BlockDraft } from './classify-blocks';
import { codePointLength } from './code-points';

export const blockSeparator = '\n\n';
export const itemSeparator = '\n';

export function assembleText(drafts: BlockDraft[]): { blocks: Block[]; text: string } {
  const parts: string[] = [];
  let position = 0;
  const blocks: Block[] = drafts.map((draft) => {
    if (draft.kind === 'break') return { ...draft, start: position, end: position };
    if (parts.length > 0) {
      parts.push(blockSeparator);
      position += blockSeparator.length;
    }
    const start = position;
    if (draft.kind === 'list') {
      const items = draft.items.map((item, index) => {
        if (index > 0) {
          parts.push(itemSeparator);
          position += itemSeparator.length;
        }
        const itemStart = position;
        parts.push(item.text);
        position += codePointLength(item.text);
        return { ...item, start: itemStart, end: position };
      });
      return { ...draft, items, start, end: position };
    }
    parts.push(draft.text);
    position += codePointLength(draft.text);
    return { ...draft, start, end: position };
  });
  return { blocks, text: parts.join('') };
}
