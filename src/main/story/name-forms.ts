/**
 * Name forms: what is left of a mention once titles, roles, nationalities and
 * possessive endings are taken off ("Ukrainian President Volodymyr Zelenskyy's"
 * → "Volodymyr Zelenskyy"), and a spelling key under which transliteration
 * variants meet (Zelenskyy / Zelenskiy / Zelensky, Kyiv / Kiev).
 */

import { trimEndWhile, trimStartWhile } from './trim-chars';

const isLetterOrDigit = (char: string) => /[\p{L}\p{N}]/u.test(char);

/** Words that name a role or a form of address, never a person. */
const titleWords = new Set(
  [
    'president',
    'vice',
    'prime',
    'minister',
    'chancellor',
    'secretary',
    'general',
    'secretary-general',
    'foreign',
    'defence',
    'defense',
    'state',
    'admiral',
    'sir',
    'dame',
    'lord',
    'lady',
    'senator',
    'sen',
    'rep',
    'representative',
    'governor',
    'gov',
    'mayor',
    'mr',
    'mrs',
    'ms',
    'miss',
    'dr',
    'prof',
    'professor',
    'king',
    'queen',
    'prince',
    'princess',
    'pope',
    'envoy',
    'special',
    'ambassador',
    'spokesman',
    'spokeswoman',
    'spokesperson',
    'chief',
    'commander',
    'colonel',
    'col',
    'lt',
    'gen',
    'captain',
    'capt',
    'sgt',
    'judge',
    'justice',
    'former',
    'deputy',
    'speaker',
    'leader',
    'chairman',
    'chairwoman',
    'chair',
    'ceo',
    'director',
    'negotiator',
    'commissioner',
    'premier',
    'sheikh',
    'emir',
    'the',
    'u.s.',
    'us',
    'uk',
    'u.k.',
    'eu',
    'nato',
    'commission',
    'european',
    'then',
    'acting',
    'secretary',
    'attorney',
    'house',
    'senate',
    'majority',
    'minority',
    'whip',
    'supreme',
  ].map((word) => word.toLowerCase()),
);

/** Nationality adjectives end in these; "Ukrainian", "French", "Finnish", "Russian". */
const demonymEnding = /(?:ian|ean|ese|ish|ch|an|i)$/i;

/** Capitalised nationality words that commonly precede a title ("French President"). */
function isDemonymBeforeTitle(word: string, next: string | undefined): boolean {
  return next !== undefined && titleWords.has(next.toLowerCase()) && demonymEnding.test(word);
}

const possessive = /(?:['’?]s|['’])$/u;

/**
 * "Ukrainian President Volodymyr Zelenskyy’s," → "Volodymyr Zelenskyy". Titles
 * come off people's names only ("European Commission" stays whole).
 */
export function bareName(text: string, person = true): string {
  const letters = trimEndWhile(
    trimStartWhile(text.replace(/[\s\u00a0]+/g, ' ').trim(), (char) => !isLetterOrDigit(char)),
    (char) => !isLetterOrDigit(char) && !".’'".includes(char),
  );
  const words = letters
    .replace(/\.$/, (dot, offset: number, whole: string) => (/\b\p{Lu}\.\p{Lu}\.$/u.test(whole) ? dot : ''))
    .split(' ');
  let first = 0;
  while (first < words.length - 1) {
    const word = words[first]!.replace(/[.,]$/, '');
    const lower = word.toLowerCase();
    const title = person
      ? titleWords.has(lower) ||
        titleWords.has(lower.replace(/\./g, '')) ||
        isDemonymBeforeTitle(word, words[first + 1])
      : lower === 'the';
    if (title) {
      first += 1;
    } else break;
  }
  const kept = words.slice(first);
  const last = kept.length - 1;
  kept[last] = kept[last]!.replace(possessive, '');
  return trimEndWhile(kept.join(' '), (char) => ',;:'.includes(char));
}

/** Whether a bare name is only a title ("President"), which names nobody. */
export function isOnlyTitle(name: string): boolean {
  return name.split(' ').every((word) => titleWords.has(word.toLowerCase().replace(/\.$/, '')));
}

/** The tokens of a bare name, lower-cased, without dots or hyphens inside. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s\-–]+/)
    .map((token) => token.replace(/[.'’]/g, ''))
    .filter((token) => token.length > 0);
}

/**
 * A spelling key for one name token, under which common transliteration
 * variants meet: accents dropped, y/i and the -iy/-yy/-ij endings made one,
 * doubled letters single, and "ie"/"yi" read as one vowel (Kiev / Kyiv).
 */
export function spellingKey(token: string): string {
  return token
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/y/g, 'i')
    .replace(/ij$|ii$/, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/ie|ei|ii/g, 'i')
    .replace(/kh/g, 'h');
}

/** The initials of a multi-word name ("United States" → "us"), for matching "U.S.". */
export function initialsOf(name: string): string | null {
  const words = name.split(/\s+/).filter((word) => !/^(?:of|the|and|for)$/i.test(word));
  if (words.length < 2) return null;
  return words.map((word) => word[0]!.toLowerCase()).join('');
}

/** "U.S." / "US" / "USA" → "us" / "usa"; null when the name is not an acronym. */
export function acronymOf(name: string): string | null {
  const compact = name.replace(/\./g, '');
  return /^\p{Lu}{2,6}$/u.test(compact) ? compact.toLowerCase() : null;
}
