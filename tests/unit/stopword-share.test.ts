/**
 * A block's stopword share against every language at once (one look-up per
 * word, the path cleaning takes for every block of every import) is exactly
 * the share taken language by language, for prose in several languages,
 * curly apostrophes, chrome and empty blocks.
 */
import { describe, expect, it } from 'vitest';
import { allStopwordLists, stopwordShare, wordsOf } from '../../src/main/cleaning/stopwords';

const blocks = [
  'Officials from thirty countries met on Tuesday to discuss support, and agreed to meet again.',
  'Die Minister der Länder haben sich am Dienstag getroffen, um über die Hilfe zu sprechen.',
  'Les ministres se sont réunis mardi pour parler de l’aide qu’ils pourraient offrir.',
  'It’s what they’d said they’d do, and they didn’t.',
  'Министры встретились во вторник, чтобы обсудить помощь и то, что они могут предложить.',
  'Home | News | Sport | Weather | Subscribe | Log in',
  '',
];

describe('the stopword share against every language', () => {
  it('equals the share taken one language at a time', () => {
    const all = allStopwordLists();
    for (const block of blocks) {
      const words = wordsOf(block);
      // A copy of the lists takes the language-by-language path.
      expect(stopwordShare(words, all)).toBe(stopwordShare(words, [...all]));
    }
    expect(stopwordShare(wordsOf(blocks[0]!), all)).toBeGreaterThan(0.3);
    expect(stopwordShare(wordsOf(blocks[3]!), all)).toBeGreaterThan(0.5);
    expect(stopwordShare(wordsOf(blocks[5]!), all)).toBeLessThan(0.2);
    expect(stopwordShare([], all)).toBe(0);
  });
});
