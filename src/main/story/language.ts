/**
 * Whether an article is English, so that names and quotes are offered only
 * where the extractors can be right: for other languages the story desk says
 * "not available for this language" instead of guessing. Judged by stopword
 * share against the `stopword` package's lists for other languages.
 */
import { allStopwordLists, stopwordShare, wordsOf } from '../cleaning/stopwords';
import * as lists from 'stopword';
import type { LanguageVerdict } from './story-types';

let english: Set<string> | null = null;
const sampleWords = 3000;

export function judgeLanguage(text: string): LanguageVerdict {
  english ??= new Set((lists as unknown as Record<string, string[]>)['eng'] ?? []);
  const words = wordsOf(text.slice(0, sampleWords * 8)).slice(0, sampleWords);
  // Too few words to tell: a short text is given the benefit of the doubt.
  if (words.length < 25) return { english: true, reason: null };
  const englishShare = stopwordShare(words, [english]);
  const best = stopwordShare(words, allStopwordLists());
  const isEnglish = englishShare >= 0.2 && englishShare >= best - 0.02;
  return isEnglish
    ? { english: true, reason: null }
    : { english: false, reason: 'Names and quotes are not available for this language (English only).' };
}
