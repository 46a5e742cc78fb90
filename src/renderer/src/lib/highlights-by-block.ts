/**
 * Hands each block of the article only the highlights that touch it, and the
 * very same array as last time when those paint the same (same ids, categories
 * and offsets; a block renders nothing else of a highlight): a highlight edit
 * then re-renders the one or two paragraphs it touches, not all 1,500 of a
 * 100,000-word article. Each highlight is placed by binary search over the
 * blocks (in text order), so this is O(h log b), not O(h × b).
 */
import type { Block } from '../../../shared/cleaned-article';
import type { HighlightView } from '../../../shared/contract';

const none: HighlightView[] = [];

/** Whether two highlights paint the same: a note or tag edit changes no paragraph. */
function samePaint(a: HighlightView, b: HighlightView): boolean {
  return (
    a === b || (a.id === b.id && a.categoryId === b.categoryId && a.start === b.start && a.end === b.end)
  );
}

function sameItems(a: readonly HighlightView[], b: readonly HighlightView[]): boolean {
  return a.length === b.length && a.every((item, index) => samePaint(item, b[index]!));
}

/** Where each block's text ends; a break (no text) ends where the block before it ends. */
function blockEnds(blocks: readonly Block[]): number[] {
  let end = 0;
  return blocks.map((block) => (end = block.kind === 'break' ? end : block.end));
}

/** The index of the first block whose text ends after `offset` (`ends` never decreases). */
function firstEndingAfter(ends: readonly number[], offset: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The indexes of the blocks whose text a range [start, end) touches, in order. */
export function blocksTouching(blocks: readonly Block[], start: number, end: number): number[] {
  const touching: number[] = [];
  for (let at = firstEndingAfter(blockEnds(blocks), start); at < blocks.length; at += 1) {
    const block = blocks[at]!;
    if (block.kind === 'break') continue;
    if (block.start >= end) break;
    if (block.end > start) touching.push(at);
  }
  return touching;
}

export function highlightsByBlock(
  blocks: readonly Block[],
  highlights: readonly HighlightView[],
  previous: readonly HighlightView[][] = [],
): HighlightView[][] {
  const buckets: HighlightView[][] = blocks.map(() => []);
  const ends = blockEnds(blocks);
  const placed = highlights.filter((h) => !h.orphaned).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const highlight of placed) {
    for (let at = firstEndingAfter(ends, highlight.start); at < blocks.length; at += 1) {
      const block = blocks[at]!;
      if (block.kind === 'break') continue;
      if (block.start >= highlight.end) break;
      if (block.end > highlight.start) buckets[at]!.push(highlight);
    }
  }
  return buckets.map((touching, index) => {
    if (touching.length === 0) return none;
    const before = previous[index];
    return before && sameItems(before, touching) ? before : touching;
  });
}
