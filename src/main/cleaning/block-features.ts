/**
 * The features of one line or paragraph that the block classifier weighs: its
 * length in characters and words, the share of stopwords (the document's
 * language), sentence shape (sentence ends in Latin or CJK punctuation), and
 * whether it reads as a byline, a date, a heading, or one of the chrome
 * signals. Works without spaces for CJK text, where characters stand in for words.
 */
import { isByline } from './block-rules';
import { chromeSignal, type SignalResult } from './chrome-signals';
import { stopwordShare, wordsOf } from './stopwords';

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const sentenceEnd = /[.!?…]["”’)\]]*(?=\s|$)|[。？！]/gu;
const months =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const dateLike = new RegExp(
  `\\b(?:${months}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${months},?\\s+\\d{4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b`,
  'iu',
);

export interface BlockFeatures {
  chars: number;
  /** Words, or for CJK text the characters (a CJK character carries about a word). */
  words: number;
  stopwordShare: number;
  sentenceEnds: number;
  endsLikeSentence: boolean;
  isCjk: boolean;
  byline: boolean;
  date: boolean;
  signal: SignalResult | null;
}

export function blockFeatures(text: string, stopwords: readonly Set<string>[]): BlockFeatures {
  const cjkChars = text.match(cjk)?.length ?? 0;
  const isCjk = cjkChars > text.length / 3;
  const words = wordsOf(text);
  const sentenceEnds = text.match(sentenceEnd)?.length ?? 0;
  return {
    chars: text.length,
    words: isCjk ? cjkChars + words.length : words.length,
    stopwordShare: stopwordShare(words, stopwords),
    sentenceEnds,
    endsLikeSentence: /(?:[.!?…]["”’)\]]*|[。？！」』])$/u.test(text),
    isCjk,
    byline: isByline(text),
    date: text.length < 80 && dateLike.test(text),
    signal: chromeSignal(text),
  };
}
