/**
 * The links of an HTML article body (Readability's output), placed on the
 * lines `html-blocks.ts` wrote from it: each anchor's text is looked for in
 * document order, from where the previous one was found, within a few lines
 * (an anchor inside something the lines leave out, a button or a form, is
 * skipped rather than searched for through the whole article). Only absolute
 * http, https and mailto addresses are kept; an address that only resolved
 * against the placeholder base of a page without one is dropped.
 */
import { keptLinkHref } from '../../shared/link-href';
import type { LineLink } from './markdown-to-lines';

/** The base an imported page without an address is parsed with (see html-to-lines.ts). */
export const placeholderBase = 'https://import.invalid/';
/** How many lines past the previous link an anchor's text is looked for. */
const searchWindow = 40;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** `lines[i]` is line `lineNumber(i)` of the text the cleaner reads. */
export function linksOnLines(
  root: Element,
  lines: string[],
  lineNumber: (index: number) => number,
): LineLink[] {
  const links: LineLink[] = [];
  let line = 0;
  let column = 0;
  for (const anchor of Array.from(root.querySelectorAll('a[href]'))) {
    const text = squash(anchor.textContent);
    const href = keptLinkHref((anchor as HTMLAnchorElement).href || '');
    if (!text || !href || href.startsWith(placeholderBase)) continue;
    for (let index = line; index < Math.min(lines.length, line + searchWindow); index += 1) {
      const at = lines[index]!.indexOf(text, index === line ? column : 0);
      if (at < 0) continue;
      links.push({ line: lineNumber(index), column: at, text, href });
      line = index;
      column = at + text.length;
      break;
    }
  }
  return links;
}
