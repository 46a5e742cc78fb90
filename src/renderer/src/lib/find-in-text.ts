/**
 * Finds words in the rendered article without touching its DOM: collects the
 * text nodes under an element, finds the (folded: case and diacritics ignored)
 * needle in their joined text, and returns DOM Ranges, which are painted with
 * the CSS Custom Highlight API (`CSS.highlights`). The article's Svelte-owned
 * nodes are never rewritten, so highlights, selection and undo are unaffected.
 */
import { findFolded, foldText, foldWithOffsets } from '../../../shared/search-text';

/** Matches beyond this are not marked or counted (the count says "1000+"). */
export const findLimit = 1000;

interface JoinedText {
  nodes: Text[];
  /** Where each node starts in `text`. */
  starts: number[];
  text: string;
}

function joinedText(root: Element): JoinedText {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  return { nodes, starts, text };
}

/** The node holding character `offset` of the joined text, and the offset inside it. */
function locate(joined: JoinedText, offset: number, end: boolean): [Text, number] {
  let low = 0;
  let high = joined.nodes.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (joined.starts[middle]! < offset || (!end && joined.starts[middle] === offset)) low = middle;
    else high = middle - 1;
  }
  const node = joined.nodes[low]!;
  return [node, Math.min(node.data.length, offset - joined.starts[low]!)];
}

/** Every place `needle` occurs under `root` (up to `findLimit`), as Ranges in document order. */
export function findRanges(root: Element, needle: string): Range[] {
  const wanted = foldText(needle.trim());
  if (!wanted) return [];
  const joined = joinedText(root);
  const { folded, origin } = foldWithOffsets(joined.text);
  return findFolded(folded, wanted, findLimit).map((at) => {
    const range = document.createRange();
    range.setStart(...locate(joined, origin[at]!, false));
    range.setEnd(...locate(joined, origin[at + wanted.length]!, true));
    return range;
  });
}

/** Paints `ranges` under a highlight name (styled by `::highlight(name)` in global.css); none clears it. */
export function paintRanges(name: string, ranges: Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}
