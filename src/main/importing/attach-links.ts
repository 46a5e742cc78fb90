/**
 * Gives the cleaned blocks the links their source lines held. Cleaning works on
 * plain lines (it joins wrapped lines, strips block markers, drops boilerplate),
 * so a link is found again by its label in the block (or list item) made from
 * its line: after the text that preceded it on the line when that still reads
 * the same, else at the label's next occurrence; links in one block are placed
 * in order. A link whose line was removed, or whose label cleaning changed,
 * is left out and its text stays plain: nothing is lost but the address.
 */
import type { Block, LinkSpan } from '../../shared/cleaned-article';
import { codePointLength, codePointOffset } from '../cleaning/code-points';
import type { LineLink } from './markdown-to-lines';

/** A block or list item: the text a link is found in, and where its links go. */
type Holder = { text: string; links?: LinkSpan[] };

/** How much of the line before a link is used to find the right occurrence of its label. */
const contextLength = 16;

function holdersByLine(blocks: Block[]): Map<number, Holder> {
  const byLine = new Map<number, Holder>();
  for (const block of blocks) {
    if (block.kind === 'break') continue;
    if (block.kind === 'list') {
      // Each line belongs to the last item starting at or before it (a wrapped item spans lines).
      const items = [...block.items].sort((a, b) => a.line - b.line);
      let next = 0;
      for (const line of [...block.lines].sort((a, b) => a - b)) {
        while (next < items.length && items[next]!.line <= line) next += 1;
        const item = items[Math.max(0, next - 1)];
        if (item) byLine.set(line, item);
      }
      continue;
    }
    for (const line of block.lines) byLine.set(line, block);
  }
  return byLine;
}

/** Adds `links` to the blocks and list items of `blocks` in place. */
export function attachLinks(blocks: Block[], lines: string, links: LineLink[]): void {
  if (links.length === 0) return;
  const sourceLines = lines.split('\n');
  const byLine = holdersByLine(blocks);
  /** Where the next link of each holder is searched from (UTF-16). */
  const cursors = new Map<Holder, number>();
  for (const link of links) {
    const holder = byLine.get(link.line);
    const label = link.text.replace(/\s+/g, ' ').trim();
    if (!holder || !label) continue;
    const cursor = cursors.get(holder) ?? 0;
    const before = (sourceLines[link.line - 1] ?? '')
      .slice(Math.max(0, link.column - contextLength), link.column)
      .replace(/\s+/g, ' ')
      .replace(/^\S*\s?/, (word) => (link.column <= contextLength ? word : ''))
      .trimStart();
    const withContext = before ? holder.text.indexOf(before + label, cursor) : -1;
    const at = withContext >= 0 ? withContext + before.length : holder.text.indexOf(label, cursor);
    if (at < 0) continue;
    cursors.set(holder, at + label.length);
    const start = codePointOffset(holder.text, at);
    const span: LinkSpan = { start, end: start + codePointLength(label), href: link.href };
    (holder.links ??= []).push(span);
  }
}
