/**
 * Maps a DOM selection in the reading view to code-point offsets in the
 * article's body text. Every run of article text is rendered inside an element
 * with `data-start` (its offset in the body text) and contains nothing but that
 * text, so the offset of a point is its run's start plus the code points of
 * the run's text before it. A point between runs snaps to the nearest run edge.
 */
const runSelector = '[data-start]';

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function runStart(run: HTMLElement): number {
  return Number(run.dataset['start']);
}

function runEnd(run: HTMLElement): number {
  return runStart(run) + codePoints(run.textContent ?? '');
}

function offsetInRun(run: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(run, 0);
  range.setEnd(node, offset);
  return runStart(run) + codePoints(range.toString());
}

function pointOffset(root: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const run = element?.closest<HTMLElement>(runSelector);
  if (run && root.contains(run)) return offsetInRun(run, node, offset);

  const runs = Array.from(root.querySelectorAll<HTMLElement>(runSelector));
  const point = document.createRange();
  point.setStart(node, offset);
  if (side === 'start') {
    const next = runs.find((candidate) => point.comparePoint(candidate, 0) >= 0 || candidate.contains(node));
    return next ? runStart(next) : null;
  }
  const previous = runs
    .filter((candidate) => point.comparePoint(candidate, candidate.childNodes.length) <= 0)
    .at(-1);
  return previous ? runEnd(previous) : null;
}

/** The selection's code-point range in the body text, or null if it is empty or outside `root`. */
export function selectionOffsets(
  root: HTMLElement,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = pointOffset(root, range.startContainer, range.startOffset, 'start');
  const end = pointOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
