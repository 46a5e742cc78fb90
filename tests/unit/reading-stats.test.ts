/** Word counts as a reader would count them, in spaced and unspaced scripts, and reading time. */
import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/main/articles/reading-stats';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Ukraine’s foreign minister', 3],
    ["Trump's anti-tank Javelin", 3],
    ['The U.S. and the U.K. agreed.', 6],
    ['$90 billion worth of 2,000 weapons — roughly', 7],
    ['“Everything.”', 1],
    ['Zelenskyy — Putin – Merz', 3],
    ['café naïve résumé', 3],
    ['Привет, мир', 2],
  ])('counts %j as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('counts words in a script written without spaces', () => {
    expect(countWords('我们今天去北京')).toBeGreaterThan(1);
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 0],
    [1, 1],
    [238, 1],
    [1375, 6],
  ])('%i words take %i minutes', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});
