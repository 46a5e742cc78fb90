/**
 * Sanity checks on the metadata an HTML page gives before it becomes a
 * citation: an author is a person's name, not a date, a "By …" prefix or the
 * outlet's own name; a title loses a " | Site" or " - Author" suffix when the
 * suffix is the outlet or the author. Where the page's JSON-LD or Open Graph
 * data names the headline, author, date or outlet, those are preferred
 * (Readability reads both; `structuredMetadata` fills what it missed).
 */
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const monthNames = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const numericDate = /\b\d{4}-\d\d-\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;

function sameName(a: string, b: string): boolean {
  const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

/** The author's name, or null when the byline is a date, a bare prefix, a URL or the outlet's name. */
export function cleanAuthor(byline: string | null | undefined, outlet: string | null): string | null {
  let author = squash(byline)
    .replace(/^(?:by|written by|posted by|author:?)\s+/i, '')
    .trim();
  const dated = author.search(/[|,–—-] ?(?:published|posted|updated)\b/i);
  if (dated >= 0) author = author.slice(0, dated).trim();
  if (/^(?:by|written by|posted by|author)$/i.test(author)) author = '';
  if (author === '' || author.length > 100 || /https?:\/\/|www\./i.test(author)) return null;
  if (monthNames.test(author) || numericDate.test(author) || /^\d/.test(author)) return null;
  if (outlet && sameName(author, outlet)) return null;
  return author;
}

/** The headline without a " | Outlet" or " - Author" suffix (or "Outlet: " prefix) naming the outlet or the author. */
export function cleanTitle(
  title: string | null | undefined,
  outlet: string | null,
  author: string | null,
): string | null {
  let text = squash(title);
  const names = [outlet, author].filter((name): name is string => Boolean(name));
  const isName = (part: string) => names.some((name) => sameName(part, name));
  for (let round = 0; round < 2; round += 1) {
    const separators = [...text.matchAll(/ [|–—»-] |: /g)];
    const last = separators[separators.length - 1];
    const first = separators[0];
    if (last && isName(text.slice(last.index + last[0].length))) text = text.slice(0, last.index);
    else if (first && isName(text.slice(0, first.index))) text = text.slice(first.index + first[0].length);
    else break;
  }
  return text.trim() || null;
}

export interface StructuredMetadata {
  headline: string | null;
  author: string | null;
  publishedAt: string | null;
  outlet: string | null;
}

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return squash(value) || null;
  if (Array.isArray(value)) return firstString(value[0]);
  if (value && typeof value === 'object' && 'name' in value)
    return firstString((value as { name: unknown }).name);
  return null;
}

/** The article's headline, author, date and outlet from JSON-LD (NewsArticle and kin) or Open Graph tags. */
export function structuredMetadata(document: Document): StructuredMetadata {
  const found: StructuredMetadata = { headline: null, author: null, publishedAt: null, outlet: null };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes = (Array.isArray(data) ? data : [data]).flatMap((node: unknown) =>
      node && typeof node === 'object' && '@graph' in node
        ? ((node as { '@graph': unknown[] })['@graph'] ?? [])
        : [node],
    );
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (!/Article|Posting|Report/i.test(String(record['@type'] ?? ''))) continue;
      found.headline ??= firstString(record['headline']);
      found.author ??= firstString(record['author']);
      found.publishedAt ??= firstString(record['datePublished']);
      found.outlet ??= firstString(record['publisher']);
    }
  }
  const meta = (property: string) =>
    squash(
      document
        .querySelector(`meta[property="${property}"], meta[name="${property}"]`)
        ?.getAttribute('content'),
    ) || null;
  found.headline ??= meta('og:title');
  found.outlet ??= meta('og:site_name');
  found.publishedAt ??= meta('article:published_time');
  found.author ??= meta('author');
  return found;
}
