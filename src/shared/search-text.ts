/**
 * How text is folded and cut into words for search, in one place so the index
 * (main process), its snippets and find-in-article (renderer) agree: lower
 * case, diacritics and compatibility forms dropped ("Café" = "cafe", "ﬁ" = "fi"),
 * any script. Scripts written without spaces (Chinese, Japanese, Thai…) are cut
 * into single characters, so a run of them still matches (phrases then check
 * that the characters are adjacent).
 */
const unspacedScripts =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const marks = /\p{M}+/gu;

/** Lower case, no diacritics, compatibility forms unified. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the fast path: ASCII needs only lower-casing
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(marks, '').toLowerCase();
}

/**
 * The folded text with, for each folded character, the index of the original
 * character it came from (one more entry at the end: the original's length), so a
 * match found in the folded text can be marked in the original.
 */
export function foldWithOffsets(text: string): { folded: string; origin: ArrayLike<number> } {
  // eslint-disable-next-line no-control-regex -- ASCII folds one character to one
  if (/^[\u0000-\u007f]*$/.test(text)) {
    // A typed array filled in a loop: ten times faster than Array.from on an article's text (search snippets).
    const origin = new Uint32Array(text.length + 1);
    for (let at = 0; at <= text.length; at += 1) origin[at] = at;
    return { folded: text.toLowerCase(), origin };
  }
  let folded = '';
  const origin: number[] = [];
  for (let at = 0; at < text.length;) {
    const code = text.codePointAt(at)!;
    const char = String.fromCodePoint(code);
    const piece = code < 0x80 ? char.toLowerCase() : foldText(char);
    for (let n = 0; n < piece.length; n += 1) origin.push(at);
    folded += piece;
    at += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** The words of `text`, folded. */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of foldText(text).matchAll(wordPattern)) {
    if (!unspacedScripts.test(word)) {
      tokens.push(word);
      continue;
    }
    // Mixed runs ("iPhone手机"): spaced-script letters stay together, unspaced ones go one by one.
    let spaced = '';
    for (const char of word) {
      if (unspacedScripts.test(char)) {
        if (spaced) tokens.push(spaced);
        spaced = '';
        tokens.push(char);
      } else spaced += char;
    }
    if (spaced) tokens.push(spaced);
  }
  return tokens;
}

/** Where `needle` (already folded) occurs in `folded`, at most `limit` times. */
export function findFolded(folded: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = folded.indexOf(needle); at >= 0 && found.length < limit; at = folded.indexOf(needle, at + 1))
    found.push(at);
  return found;
}
