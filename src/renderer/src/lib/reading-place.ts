/**
 * Where the reader is in an article, read from and written to the DOM: the
 * body-text offset of the first block still in view (what reopening scrolls
 * back to, whatever the window's width) and how far down the article the
 * window's bottom edge is (0–1).
 */
import type { Block } from '../../../shared/cleaned-article';

export interface ReadingPlace {
  offset: number;
  progress: number;
}

export function readingPlace(article: HTMLElement, blocks: readonly Block[], topInset = 0): ReadingPlace {
  const box = article.getBoundingClientRect();
  const progress = Math.min(1, Math.max(0, (window.innerHeight - box.top) / Math.max(1, box.height)));
  let offset = 0;
  for (const element of article.querySelectorAll<HTMLElement>('[data-block]')) {
    if (element.getBoundingClientRect().bottom > topInset) {
      const block = blocks[Number(element.dataset['block'])];
      offset = block && block.kind !== 'break' ? block.start : offset;
      break;
    }
  }
  return { offset, progress };
}

/** Scrolls the block holding `offset` to the top of the window (below the sticky header). */
export function scrollToOffset(
  article: HTMLElement,
  blocks: readonly Block[],
  offset: number,
  topInset = 0,
): void {
  let index = -1;
  blocks.forEach((block, at) => {
    if (block.kind !== 'break' && block.start <= offset) index = at;
  });
  const element = article.querySelector<HTMLElement>(`[data-block="${index}"]`);
  if (element) window.scrollBy(0, element.getBoundingClientRect().top - topInset);
}
