/**
 * Word count and reading time for an article.
 *
 * For scripts that separate words with spaces, a Unicode word pattern counts
 * words (letters or digits, joined by apostrophes, hyphens and inner dots, so
 * "Ukraine’s", "anti-tank", "U.S." and "2,000" are one word each). Text in scripts
 * written without spaces (Chinese, Japanese, Thai, …) goes to `Intl.Segmenter`,
 * the platform's dictionary-based word breaker, which is exact there but about
 * a hundred times slower, too slow for importing thousands of articles.
 */
const wordPattern = /[\p{L}\p{N}\p{M}]+(?:(?:['’.\-‐‑]|,(?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;
const unspacedScripts =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** An adult reading non-fiction for comprehension: about 238 words a minute. */
export const wordsPerMinute = 238;

export function countWords(text: string): number {
  if (unspacedScripts.test(text)) {
    let count = 0;
    for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count += 1;
    return count;
  }
  return text.match(wordPattern)?.length ?? 0;
}

export function readingMinutes(wordCount: number): number {
  if (wordCount === 0) return 0;
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}
