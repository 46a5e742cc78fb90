/**
 * An English dictionary for telling words from garbage in damaged text: the
 * `word-list` package (274,000 words, kept by Sindre Sorhus). Loaded once, on
 * first use, into a Set.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | null = null;

export function isEnglishWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words.has(word.toLowerCase());
}
