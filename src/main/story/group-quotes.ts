/**
 * The same quotation reported by several outlets, shown once with all its
 * sources: quotes meet when their words are the same (case, punctuation and
 * quote marks aside) or when one is a run of at least five words inside the
 * other (an outlet quoting less of the same sentence).
 */
import { tokensOf } from './minhash';
import type { Quote } from './story-types';

export interface QuoteGroup {
  id: string;
  /** The longest wording. */
  text: string;
  speakerId: string | null;
  speakerText: string | null;
  /** Every report of the quote, at most one per article counted as a source. */
  reports: Quote[];
}

const containsRun = (long: string[], short: string[]): boolean => {
  if (short.length < 5 || short.length > long.length) return false;
  const joined = ` ${long.join(' ')} `;
  return joined.includes(` ${short.join(' ')} `);
};

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function groupQuotes(quotes: Quote[]): QuoteGroup[] {
  const groups: { tokens: string[]; members: Quote[] }[] = [];
  for (const quote of quotes) {
    const tokens = tokensOf(quote.text);
    const key = tokens.join(' ');
    const home = groups.find(
      (group) =>
        group.tokens.join(' ') === key ||
        containsRun(group.tokens, tokens) ||
        containsRun(tokens, group.tokens),
    );
    if (home === undefined) groups.push({ tokens, members: [quote] });
    else {
      home.members.push(quote);
      if (tokens.length > home.tokens.length) home.tokens = tokens;
    }
  }
  return groups.map(({ members }, index) => {
    const longest = [...members].sort((a, b) => b.text.length - a.text.length)[0]!;
    const speakerId = mostCommon(members.map((quote) => quote.speakerId));
    const bySpeaker = members.find((quote) => quote.speakerId === speakerId) ?? longest;
    return {
      id: `quote:${index}`,
      text: longest.text,
      speakerId,
      speakerText: bySpeaker.speakerText,
      reports: members,
    };
  });
}
