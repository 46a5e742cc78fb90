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
export function allStopwordLists(): readonly Set<string>[] {
  allLists ??= [...stopwordSets().values()];
  return allLists;
}
let allLists: readonly Set<string>[] | null = null;

/** For every stopword of any listed language, the languages (bits, by place in `allStopwordLists`) listing it. */
let languagesOfWord: Map<string, number> | null = null;
function stopwordLanguages(): Map<string, number> {
  if (languagesOfWord) return languagesOfWord;
  languagesOfWord = new Map();
  for (const [at, stopwords] of allStopwordLists().entries())
    for (const word of stopwords) languagesOfWord.set(word, (languagesOfWord.get(word) ?? 0) | (1 << at));
  return languagesOfWord;
}

/** The share of a block's words that are stopwords, in whichever of the document's languages fits it best. */
export function stopwordShare(words: string[], stopwordLists: readonly Set<string>[]): number {
  if (words.length === 0) return 0;
  // Each word's apostrophe is normalised once, not once per language (this runs for every block of
  // every import, against 19 lists).
  const normalised = words.map((word) => (word.includes('’') ? word.replace(/’/g, "'") : word));
  let best = 0;
  if (stopwordLists === allLists) {
    // Every language at once: one look-up per word, counted for each language that lists it.
    const languages = stopwordLanguages();
    const counts = new Array<number>(stopwordLists.length).fill(0);
    for (const word of normalised) {
      let bits = languages.get(word) ?? 0;
      for (let at = 0; bits !== 0; at += 1, bits >>>= 1) if (bits & 1) counts[at]! += 1;
    }
    for (const count of counts) best = Math.max(best, count / words.length);
    return best;
  }
  for (const stopwords of stopwordLists) {
    let count = 0;
    for (const word of normalised) if (stopwords.has(word)) count += 1;
    best = Math.max(best, count / words.length);
  }
  return best;
}
