/**
 * Extracts the article from an HTML page with Mozilla's Readability (the engine
 * of Firefox Reader View) on a jsdom document, then writes its structure as
 * lines the cleaner understands (`html-blocks.ts`). Scripts are never run
 * (jsdom does not execute them unless asked), and no HTML survives into the
 * article: only text.
 *
 * Style sheets are taken out before jsdom sees the page: the article is never
 * styled, and jsdom's CSS parser throws on ordinary real-world rules
 * (`border:inherit;border-color:…`, un-compiled `calc(…)`), which crashed imports.
 * Readability was measured against Defuddle on the Dragnet dev corpus and kept
 * (see the README's cleaning section).
 */
import { linesFromArticle } from './html-blocks';
import { linksOnLines, placeholderBase } from './html-links';
import type { LineLink } from './markdown-to-lines';
import { cleanAuthor, cleanTitle, structuredMetadata } from './page-metadata';

/**
 * jsdom and Readability are loaded on first use: they are large, and only HTML
 * imports need them, so neither app start-up nor the store pays for them.
 */
let libraries: Promise<{
  JSDOM: typeof import('jsdom').JSDOM;
  VirtualConsole: typeof import('jsdom').VirtualConsole;
  Readability: typeof import('@mozilla/readability').Readability;
}> | null = null;
function loadLibraries() {
  libraries ??= Promise.all([import('jsdom'), import('@mozilla/readability')]).then(
    ([jsdom, readability]) => ({
      JSDOM: jsdom.JSDOM,
      VirtualConsole: jsdom.VirtualConsole,
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
  /** The article body's links, by line (see html-links.ts). */
  links: LineLink[];
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The page without its <style> elements, found by a linear scan (no regular expression over the page). */
export function withoutStyleSheets(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<style', from);
    if (open < 0) break;
    const after = lower.charAt(open + 6);
    if (after !== '>' && !/\s|\//.test(after)) {
      parts.push(html.slice(from, open + 6));
      from = open + 6;
      continue;
    }
    const close = lower.indexOf('</style', open);
    parts.push(html.slice(from, open));
    if (close < 0) {
      from = html.length;
      break;
    }
    const end = lower.indexOf('>', close);
    from = end < 0 ? html.length : end + 1;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/**
 * Renames `<iframe>` so jsdom never makes a browsing context for one: an iframe inside SVG
 * (`<svg><iframe>`) makes jsdom's `window.close()` throw "Cannot read properties of undefined
 * (reading 'close')". Done here, where every page meets jsdom (import, clipboard, fetched pages,
 * Word documents, re-cleaning); an iframe never holds article text here (nothing is loaded).
 */
export function withoutFrames(html: string): string {
  return html.replace(/<(\/?)iframe\b/gi, '<$1x-iframe');
}

/**
 * Lets the event loop turn once after a window is closed. Every jsdom window queues a
 * `process.nextTick` callback that holds the window (and through it the whole page, the
 * selector engine's caches and the Readability copy); Node runs those callbacks only once the
 * promise queue is empty. A caller that converts page after page in one promise chain (the
 * cleaning evaluation, a batch on the command line) never lets it empty, so every page stayed
 * in memory: 6 MB a page, and garbage collection over a growing heap made later pages 30×
 * slower. Waiting for the next turn here frees the page whatever the caller does.
 */
function releaseWindow(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function htmlToLines(html: string, url = placeholderBase): Promise<HtmlArticle | null> {
  const { JSDOM, VirtualConsole, Readability } = await loadLibraries();
  // A silent console: jsdom's complaints about a page are not the user's concern.
  // Without iframes (see `withoutFrames`), so jsdom makes no browsing context it cannot close.
  const dom = new JSDOM(withoutFrames(withoutStyleSheets(html)), {
    url,
    virtualConsole: new VirtualConsole(),
  });
  try {
    const document = dom.window.document;
    const structured = structuredMetadata(document);
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    const container = document.createElement('div');
    container.innerHTML = parsed?.content ?? '';
    let lines = linesFromArticle(container);
    const fromArticle = lines.length > 0;
    if (lines.length === 0) {
      for (const tag of document.querySelectorAll('script, style, noscript, template')) tag.remove();
      lines = (document.body?.textContent ?? '').split(/\n+/).map(squash).filter(Boolean);
    }
    if (lines.length === 0) return null;
    const siteName = structured.outlet ?? (squash(parsed?.siteName) || null);
    const byline = cleanAuthor(structured.author ?? parsed?.byline, siteName);
    const title = cleanTitle(
      structured.headline ?? (squash(parsed?.title) || squash(document.title)),
      siteName,
      byline,
    );
    // Lines are joined by blank lines, after the title when there is one: line i is number 2i + 1 (+ 2).
    const lineNumber = (index: number) => 2 * index + 1 + (title ? 2 : 0);
    return {
      title,
      byline,
      siteName,
      publishedTime: structured.publishedAt ?? (squash(parsed?.publishedTime) || null),
      lines: [title, ...lines].filter(Boolean).join('\n\n'),
      links: fromArticle ? linksOnLines(container, lines, lineNumber) : [],
    };
  } finally {
    dom.window.close();
    await releaseWindow();
  }
}
