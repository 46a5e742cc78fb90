/**
 * Hands each block of the article only the highlights that touch it, and the
 * very same array as last time when those did not change: a highlight edit
 * then re-renders the one or two paragraphs it touches, not all 1,500 of a
 * 100,000-word article.
 */
import type { Block } from '../../../shared/cleaned-article';
import type { HighlightView } from '../../../shared/contract';

const none: HighlightView[] = [];

function sameItems(a: readonly HighlightView[], b: readonly HighlightView[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

export function highlightsByBlock(
  blocks: readonly Block[],
  highlights: readonly HighlightView[],
  previous: readonly HighlightView[][] = [],
): HighlightView[][] {
  const placed = highlights.filter((h) => !h.orphaned).sort((a, b) => a.start - b.start);
  return blocks.map((block, index) => {
    if (block.kind === 'break') return none;
    const touching = placed.filter((h) => h.start < block.end && h.end > block.start);
    const before = previous[index];
    if (touching.length === 0) return none;
    return before && sameItems(before, touching) ? before : touching;
  });
}
