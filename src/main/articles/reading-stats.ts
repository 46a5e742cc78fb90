/**
 * Word count and reading time for an article.
 *
 * Words are counted with `Intl.Segmenter`, the platform's Unicode word breaker,
 * so curly apostrophes, hyphenated names and numbers count as a reader would.
 */
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** An adult reading non-fiction for comprehension: about 238 words a minute. */
export const wordsPerMinute = 238;

export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike) count += 1;
  }
  return count;
}

export function readingMinutes(wordCount: number): number {
  if (wordCount === 0) return 0;
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}
