/**
 * Opening a search result at its passage: the reader already scrolls to a
 * highlight (reader-dom.ts); for a match in the article's text this finds the
 * block holding the match's offset, scrolls it to the middle of the view and
 * marks the matched words in it with the CSS Custom Highlight API.
 */
import type { Block } from '../../../shared/cleaned-article';
import type { SearchResultView } from '../../../shared/contract';
import { findRanges, paintRanges } from './find-in-text';
import { revealElement } from './reveal-element';

/** The words a result's snippet marks. */
export function markedWords(result: SearchResultView): string[] {
  return [...new Set(result.snippet.marks.map(([start, end]) => result.snippet.text.slice(start, end)))];
}

export function showPassage(blocks: readonly Block[], at: number, words: string[]): boolean {
  const index = blocks.findIndex((block) => block.start <= at && at < Math.max(block.end, block.start + 1));
  const element = document.querySelector<HTMLElement>(`.body [data-block="${index}"]`);
  if (!element) return false;
  void revealElement(element, { block: 'center' });
  paintRanges(
    'search-passage',
    words.flatMap((word) => findRanges(element, word)),
  );
  return true;
}

export function clearPassage(): void {
  paintRanges('search-passage', []);
}
