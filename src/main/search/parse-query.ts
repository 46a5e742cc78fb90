/**
 * Reads what the user typed into the search palette: words, "quoted phrases"
 * and filters (`outlet:`, `tag:`, `category:`, `in:notes|highlights|articles`,
 * `before:`/`after:` a published date). Never throws and never does work
 * proportional to anything but the capped input: a query is cut to
 * `queryLimits.length` characters and `queryLimits.words` words, and each cut or
 * ignored part is reported so the palette can say so.
 */
import { foldText, searchTokens } from '../../shared/search-text';

export const queryLimits = { length: 500, words: 24 } as const;

export type SearchKind = 'article' | 'highlight' | 'note';

export interface ParsedQuery {
  /** Folded words to match (prefix and typo-tolerant). */
  words: string[];
  /** Folded phrases, each to be found as written; their words are in `words` too. */
  phrases: string[];
  outlets: string[];
  tags: string[];
  categories: string[];
  /** The kinds of result wanted; all three when no `in:` was given. */
  kinds: SearchKind[];
  /** Published on or after / before, as YYYY-MM-DD (a bare year or month widened). */
  after: string | null;
  before: string | null;
  /** What was cut or ignored, in words for the user. */
  notices: string[];
}

const kindNames: Record<string, SearchKind> = {
  note: 'note',
  notes: 'note',
  highlight: 'highlight',
  highlights: 'highlight',
  article: 'article',
  articles: 'article',
  text: 'article',
};

/** "2024" → 2024-01-01 (after) / 2024-12-31 (before); "2024-03" likewise; a full date as is. */
function parseDate(value: string, edge: 'start' | 'end'): string | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const mm = month ? month.padStart(2, '0') : edge === 'start' ? '01' : '12';
  const dd = day ? day.padStart(2, '0') : edge === 'start' ? '01' : '31';
  if (Number(mm) < 1 || Number(mm) > 12 || Number(dd) < 1 || Number(dd) > 31) return null;
  return `${year}-${mm}-${dd}`;
}

/**
 * Splits into parts: `key:"quoted value"`, `key:value`, `"a phrase"`, or a bare
 * word. One pass over the text, no backtracking. Quotes are balanced by then.
 */
function parts(query: string): Array<{ key: string | null; value: string; quoted: boolean }> {
  const found: Array<{ key: string | null; value: string; quoted: boolean }> = [];
  let at = 0;
  while (at < query.length) {
    if (/\s/.test(query[at]!)) {
      at += 1;
      continue;
    }
    let end = at;
    while (end < query.length && !/[\s"]/.test(query[end]!)) end += 1;
    const word = query.slice(at, end);
    const colon = word.indexOf(':');
    const key = colon > 0 && /^\p{L}+$/u.test(word.slice(0, colon)) ? word.slice(0, colon) : null;
    if (query[end] === '"' && (end === at || (key !== null && colon === word.length - 1))) {
      const close = query.indexOf('"', end + 1);
      const stop = close < 0 ? query.length : close;
      found.push({ key, value: query.slice(end + 1, stop), quoted: true });
      at = stop + 1;
      continue;
    }
    if (word) found.push({ key, value: key ? word.slice(colon + 1) : word, quoted: false });
    at = end === at ? end + 1 : end;
  }
  return found;
}

export function parseQuery(raw: string): ParsedQuery {
  const notices: string[] = [];
  let query = raw;
  if (query.length > queryLimits.length) {
    query = query.slice(0, queryLimits.length);
    notices.push(`Only the first ${queryLimits.length} characters of the query were searched.`);
  }
  if ((query.match(/"/g)?.length ?? 0) % 2 === 1) query = query.replace(/"(?=[^"]*$)/, ' ');
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    outlets: [],
    tags: [],
    categories: [],
    kinds: [],
    after: null,
    before: null,
    notices,
  };
  for (const { key, value, quoted } of parts(query)) {
    const filter = key?.toLowerCase();
    if (filter === 'outlet' || filter === 'source') parsed.outlets.push(foldText(value.trim()));
    else if (filter === 'tag') parsed.tags.push(foldText(value.trim().replace(/^#/, '')));
    else if (filter === 'category' || filter === 'cat') parsed.categories.push(foldText(value.trim()));
    else if (filter === 'in' && kindNames[value.toLowerCase()])
      parsed.kinds.push(kindNames[value.toLowerCase()]!);
    else if (filter === 'before' || filter === 'after') {
      const date = parseDate(value, filter === 'after' ? 'start' : 'end');
      if (date) parsed[filter] = date;
      else notices.push(`“${filter}:${value}” was ignored: give a date as YYYY, YYYY-MM or YYYY-MM-DD.`);
    } else {
      const text = key ? `${key} ${value}` : value;
      const tokens = searchTokens(text);
      parsed.words.push(...tokens);
      if (quoted && tokens.length > 1) parsed.phrases.push(tokens.join(' '));
    }
  }
  parsed.outlets = parsed.outlets.filter(Boolean);
  parsed.tags = parsed.tags.filter(Boolean);
  parsed.categories = parsed.categories.filter(Boolean);
  parsed.words = [...new Set(parsed.words)];
  if (parsed.words.length > queryLimits.words) {
    parsed.words = parsed.words.slice(0, queryLimits.words);
    notices.push(`Only the first ${queryLimits.words} words of the query were searched.`);
  }
  if (parsed.kinds.length === 0) parsed.kinds = ['article', 'highlight', 'note'];
  parsed.kinds = [...new Set(parsed.kinds)];
  return parsed;
}
