/**
 * Writes the article element Readability returns as the lines the cleaner
 * understands: headings as "## …", list items as "- …" or "1. …", block
 * quotes as "> …", paragraphs, table rows (cells joined by " – "), definition
 * terms and descriptions as lines. Bare text inside a <div> or <section> is a
 * paragraph of its own, and a <br> ends a line ("Tampa, FL<br>June 5" is two
 * lines, not "Tampa, FLJune 5"). One pass over the tree: linear in its size.
 */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const skipped = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'button', 'form']);
const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** The text of an inline run, with each <br> as a line break. */
function inlineText(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.textContent ?? '');
    return;
  }
  if (node.nodeType !== 1) return;
  const tag = (node as Element).tagName.toLowerCase();
  if (tag === 'br') out.push('\n');
  else if (!skipped.has(tag)) for (const child of Array.from(node.childNodes)) inlineText(child, out);
}

/** The lines of an element's text, split at <br> and at nested blocks. */
function textLines(element: Element): string[] {
  const parts: string[] = [];
  for (const child of Array.from(element.childNodes)) {
    const tag = child.nodeType === 1 ? (child as Element).tagName.toLowerCase() : '';
    if (blockTags.has(tag)) parts.push('\n', ...textLines(child as Element).map((line) => `${line}\n`));
    else inlineText(child, parts);
  }
  return parts.join('').split('\n').map(squash).filter(Boolean);
}

export function linesFromArticle(root: Element): string[] {
  const out: string[] = [];
  let inline: string[] = [];
  const flushInline = () => {
    for (const line of inline.join('').split('\n').map(squash)) if (line) out.push(line);
    inline = [];
  };
  const walk = (node: Element) => {
    let ordinal = 0;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        inline.push(child.textContent ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toLowerCase();
      if (skipped.has(tag)) continue;
      if (!blockTags.has(tag)) {
        inlineText(element, inline);
        continue;
      }
      flushInline();
      if (/^h[1-6]$/.test(tag)) {
        const text = squash(element.textContent ?? '');
        if (text) out.push(`${'#'.repeat(Math.max(2, Number(tag[1])))} ${text}`);
      } else if (tag === 'li') {
        ordinal += 1;
        const marker = node.tagName.toLowerCase() === 'ol' ? `${ordinal}.` : '-';
        // A list item stays one item: its <br> breaks become spaces, never glued words.
        const text = textLines(element).join(' ');
        if (text) out.push(`${marker} ${text}`);
      } else if (tag === 'blockquote') {
        for (const line of textLines(element)) out.push(`> ${line}`);
      } else if (tag === 'hr') {
        out.push('---');
      } else if (tag === 'tr') {
        const cells = Array.from(element.children)
          .filter((cell) => /^t[dh]$/i.test(cell.tagName))
          .map((cell) => squash(cell.textContent ?? ''))
          .filter(Boolean);
        if (cells.length > 0) out.push(cells.join(' – '));
      } else if (['p', 'pre', 'figcaption', 'dt', 'dd', 'address', 'caption'].includes(tag)) {
        out.push(...textLines(element));
      } else {
        walk(element);
      }
    }
    flushInline();
  };
  walk(root);
  return out.filter((line) => line.replace(/^(?:#+|>|-|\d+\.)\s*/, '') !== '');
}
