/**
 * The reader's dealings with the DOM: the selection inside the article body
 * (as body-text offsets), where the selection toolbar goes, scrolling to a
 * highlight, and the paragraph focus (j/k) over the article's text blocks.
 */
import type { Block } from '../../../shared/cleaned-article';
import { revealElement } from './reveal-element';
import { selectionOffsets } from './selection-offsets';

export function bodyOf(article: HTMLElement | null): HTMLElement | null {
  return article?.querySelector<HTMLElement>('.body') ?? null;
}

/** The selection's range in the body text, or null when nothing in the body is selected. */
export function selectedRange(article: HTMLElement | null): { start: number; end: number } | null {
  const body = bodyOf(article);
  return body ? selectionOffsets(body, window.getSelection()) : null;
}

/** Where the selection toolbar goes (above the selection, in the article's frame), or null for none. */
export function toolbarPlace(article: HTMLElement | null): { left: number; top: number } | null {
  const selection = window.getSelection();
  const hasWords = (selection?.toString().trim() ?? '') !== '';
  const range = hasWords && selectedRange(article) && selection?.getRangeAt(0);
  if (!range || !article) return null;
  const box = range.getBoundingClientRect();
  const frame = article.getBoundingClientRect();
  return { left: Math.max(0, box.left - frame.left), top: box.top - frame.top - 8 };
}

/** Brings a highlight to the middle of the view (smoothly when the user asked from the panel) and keeps it there. */
export function scrollToHighlight(article: HTMLElement | null, id: string, smooth = true): void {
  const element = article?.querySelector<HTMLElement>(`[data-highlight-ids~="${CSS.escape(id)}"]`);
  if (element) void revealElement(element, { block: 'center', smooth });
}

/** The block the paragraph focus moves to from `current` (null: none yet), skipping breaks. */
export function nextFocus(blocks: readonly Block[], current: number | null, step: 1 | -1): number | null {
  const positions = blocks.flatMap((block, index) => (block.kind === 'break' ? [] : [index]));
  const at = current === null ? -1 : positions.indexOf(current);
  const wanted = at === -1 ? (step === 1 ? 0 : positions.length - 1) : at + step;
  return positions[Math.max(0, Math.min(positions.length - 1, wanted))] ?? null;
}

/**
 * The source lines of the blocks a body range touches (whole paragraphs, whole lists), for taking them
 * out of the article; empty when the range touches only breaks or nothing.
 */
export function linesInRange(blocks: readonly Block[], range: { start: number; end: number }): number[] {
  const lines: number[] = [];
  for (const block of blocks) {
    if (block.kind === 'break' || block.end <= range.start || block.start >= range.end) continue;
    lines.push(...block.lines);
    if (block.kind === 'list') for (const item of block.items) lines.push(item.line);
  }
  return [...new Set(lines)];
}

/** The text range of a focused block, or null. */
export function blockRange(
  blocks: readonly Block[],
  index: number | null,
): { start: number; end: number } | null {
  const block = blocks[index ?? -1];
  return block && block.kind !== 'break' ? { start: block.start, end: block.end } : null;
}
