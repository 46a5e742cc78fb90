/**
 * Extracts the article from an HTML page with Mozilla's Readability (the engine
 * of Firefox Reader View) on a jsdom document, then writes its structure as
 * lines the cleaner understands: headings as "## …", list items as "- …" or
 * "1. …", block quotes as "> …", paragraphs as lines. Scripts are never run
 * (jsdom does not execute them unless asked), and no HTML survives into the
 * article: only text.
 */

/**
 * jsdom and Readability are loaded on first use: they are large, and only HTML
 * imports need them, so neither app start-up nor the store pays for them.
 */
let libraries: Promise<{
  JSDOM: typeof import('jsdom').JSDOM;
  Readability: typeof import('@mozilla/readability').Readability;
}> | null = null;
function loadLibraries() {
  libraries ??= Promise.all([import('jsdom'), import('@mozilla/readability')]).then(
    ([jsdom, readability]) => ({
      JSDOM: jsdom.JSDOM,
      Readability: readability.Readability,
    }),
  );
  return libraries;
}

export interface HtmlArticle {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lines: string;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function linesFrom(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      const tag = child.tagName.toLowerCase();
      if (/^h[1-6]$/.test(tag))
        out.push(`${'#'.repeat(Math.max(2, Number(tag[1])))} ${squash(child.textContent)}`);
      else if (tag === 'p' || tag === 'figcaption' || tag === 'pre') out.push(squash(child.textContent));
      else if (tag === 'li')
        out.push(
          `${child.parentElement?.tagName.toLowerCase() === 'ol' ? `${Array.from(child.parentElement.children).indexOf(child) + 1}.` : '-'} ${squash(child.textContent)}`,
        );
      else if (tag === 'blockquote') out.push(`> ${squash(child.textContent)}`);
      else if (tag === 'hr') out.push('---');
      else if (['script', 'style', 'noscript', 'template', 'iframe', 'svg'].includes(tag)) continue;
      else walk(child);
    }
  };
  walk(root);
  return out.filter((line) => line.replace(/^(#+|>|-|\d+\.)\s*/, '') !== '');
}

export async function htmlToLines(
  html: string,
  url = 'https://import.invalid/',
): Promise<HtmlArticle | null> {
  const { JSDOM, Readability } = await loadLibraries();
  const dom = new JSDOM(html, { url });
  const document = dom.window.document;
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  const container = document.createElement('div');
  container.innerHTML = parsed?.content ?? '';
  let lines = linesFrom(container);
  if (lines.length === 0) {
    for (const tag of document.querySelectorAll('script, style, noscript, template')) tag.remove();
    lines = (document.body?.textContent ?? '').split(/\n+/).map(squash).filter(Boolean);
  }
  if (lines.length === 0) return null;
  const title = squash(parsed?.title) || squash(document.title) || null;
  dom.window.close();
  return {
    title,
    byline: squash(parsed?.byline) || null,
    siteName: squash(parsed?.siteName) || null,
    publishedTime: squash(parsed?.publishedTime) || null,
    lines: [title, ...lines].filter(Boolean).join('\n\n'),
  };
}
