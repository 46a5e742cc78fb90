/**
 * Stopword lists for telling article prose from site chrome (jusText's main
 * signal: running text is full of "the", "of", "and"; menus and buttons are
 * not). The lists are the `stopword` package's (62 languages, maintained), for
 * the languages written with spaces between words.
 */
import * as lists from 'stopword';

/** Languages written with spaces between words, whose stopword share means something per line. */
const spaced = [
  'eng',
  'deu',
  'fra',
  'spa',
  'ita',
  'por',
  'nld',
  'swe',
  'dan',
  'nob',
  'fin',
  'pol',
  'ces',
  'rus',
  'ukr',
  'tur',
  'ron',
  'hun',
  'ind',
] as const;

let sets: Map<string, Set<string>> | null = null;
function stopwordSets(): Map<string, Set<string>> {
  sets ??= new Map(
    spaced.map((code) => [code, new Set((lists as unknown as Record<string, string[]>)[code] ?? [])]),
  );
  return sets;
}

export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];

/**
 * The stopword sets of every language listed. A block's share is taken in the
 * language that fits it best, so a page may mix languages (a Portuguese blog
 * with English comments), and the verdict on a block never depends on which
 * other lines the document holds (which keeps cleaning idempotent).
 */
export function allStopwordLists(): Set<string>[] {
  return [...stopwordSets().values()];
}

/** The share of a block's words that are stopwords, in whichever of the document's languages fits it best. */
export function stopwordShare(words: string[], stopwordLists: Set<string>[]): number {
  if (words.length === 0) return 0;
  let best = 0;
  for (const stopwords of stopwordLists) {
    const share = words.filter((word) => stopwords.has(word.replace(/’/g, "'"))).length / words.length;
    best = Math.max(best, share);
  }
  return best;
}
