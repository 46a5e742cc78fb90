/**
 * Marks passages where the source text itself is damaged, so the reader can
 * see them and a briefing can warn that the source is unreliable there:
 * - mis-encoding: "Ukraine?s" (a question mark where an apostrophe was lost),
 *   UTF-8 read as Windows-1252 ("â€™"), replacement characters;
 * - garbled: a word mixing writing systems and the non-words after it
 *   ("easternម qued faper ter"), capitals inside a non-word ("stKEs");
 * - out-of-place: advertising or spam phrases ("online shopping").
 */
import type { QualityFlag } from '../../shared/cleaned-article';
import { codePointOffset } from './code-points';
import { isEnglishWord } from './english-words';
import { spamPhrases } from './spam-phrases';

type Finding = { index: number; length: number; kind: QualityFlag['kind']; explanation: string };

const scripts = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Hangul',
  'Thai',
  'Khmer',
  'Lao',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Armenian',
  'Georgian',
  'Ethiopic',
  'Myanmar',
];
const scriptPatterns = scripts.map((name) => new RegExp(`\\p{Script=${name}}`, 'u'));
const japaneseOrChinese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const hangul = /\p{Script=Hangul}/u;
const latin = /\p{Script=Latin}/u;

/**
 * How many writing systems a word mixes, where it matters: Chinese, Japanese
 * and Korean text carries Latin words without spaces ("使用iPhone", "삼성Galaxy"),
 * and Japanese mixes its own scripts; neither is damage.
 */
function scriptCount(word: string): number {
  const found = scriptPatterns.filter((pattern) => pattern.test(word)).length;
  const eastAsian = japaneseOrChinese.test(word) || hangul.test(word);
  if (eastAsian) {
    const others = found - (hangul.test(word) ? 1 : 0) - (latin.test(word) ? 1 : 0);
    return 1 + others;
  }
  return found;
}

const apostropheSuffixes = ['s', 't', 're', 'll', 've', 'd', 'm'];
const isLetter = (char: string) => /\p{L}/u.test(char);

/** The whitespace-delimited chunk around `index` looks like a URL, a path or a query string. */
function inUrl(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && !/\s/.test(text.charAt(start - 1)) && index - start < 200) start -= 1;
  let end = index;
  while (end < text.length && !/\s/.test(text.charAt(end)) && end - index < 200) end += 1;
  const chunk = text.slice(start, end);
  return /[/=&]|:\/\/|^www\./i.test(chunk);
}

/**
 * "Ukraine?s": a question mark between a word and an apostrophe suffix. Found
 * from each question mark outwards, so the work is linear in the text's length
 * (a regular expression anchored on the word made a 195 KB one-word text quadratic).
 */
function findApostropheLoss(text: string): Finding[] {
  const found: Finding[] = [];
  for (let mark = text.indexOf('?'); mark >= 0; mark = text.indexOf('?', mark + 1)) {
    if (mark === 0 || !isLetter(text.charAt(mark - 1))) continue;
    const suffix = apostropheSuffixes.find(
      (candidate) =>
        text.startsWith(candidate, mark + 1) && !isLetter(text.charAt(mark + 1 + candidate.length)),
    );
    if (!suffix || inUrl(text, mark)) continue;
    let start = mark - 1;
    while (start > 0 && isLetter(text.charAt(start - 1))) start -= 1;
    found.push({
      index: start,
      length: mark + 1 + suffix.length - start,
      kind: 'mis-encoding',
      explanation: 'Mis-encoded text: a question mark stands where an apostrophe was lost in conversion.',
    });
  }
  return found;
}

function findMojibake(text: string): Finding[] {
  const mojibake =
    /(?:Ã[\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u201E\u2122\u0153\u02DC\u0161\u017E]|Â[\u00A0-\u00BF])+/g;
  const found: Finding[] = [...text.matchAll(mojibake)].map((match) => ({
    index: match.index,
    length: match[0].length,
    kind: 'mis-encoding',
    explanation: 'Mis-encoded characters: UTF-8 text was decoded as Windows-1252.',
  }));
  for (const match of text.matchAll(/\uFFFD+/g)) {
    found.push({
      index: match.index,
      length: match[0].length,
      kind: 'mis-encoding',
      explanation: 'Unreadable characters: the source bytes were not valid text.',
    });
  }
  return found;
}

function findMixedScripts(text: string): Finding[] {
  const found: Finding[] = [];
  const tokens = [...text.matchAll(/[\p{L}\p{M}]+/gu)];
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t]!;
    // Short-link and URL codes ("bit.ly/3xЯq") mix anything; they are not prose.
    if (scriptCount(token[0]) < 2 || inUrl(text, token.index)) continue;
    let end = token.index + token[0].length;
    for (let n = t + 1; n < tokens.length && n <= t + 5; n += 1) {
      const next = tokens[n]!;
      const gap = text.slice(end, next.index);
      if (gap !== ' ' || !/^\p{Ll}{1,8}$/u.test(next[0]) || isEnglishWord(next[0])) break;
      end = next.index + next[0].length;
      t = n;
    }
    found.push({
      index: token.index,
      length: end - token.index,
      kind: 'garbled',
      explanation:
        'Garbled text: a word mixes writing systems and is followed by non-words. The source is damaged here.',
    });
  }
  return found;
}

function findCaseGarbling(text: string): Finding[] {
  return [...text.matchAll(/(?<!\p{L})\p{Ll}+\p{Lu}{2,}\p{Ll}+(?!\p{L})/gu)]
    .filter((match) => !isEnglishWord(match[0]))
    .map((match) => ({
      index: match.index,
      length: match[0].length,
      kind: 'garbled',
      explanation: 'Garbled word: capitals inside a word that is not a word. The source is damaged here.',
    }));
}

function findSpam(text: string): Finding[] {
  const found: Finding[] = [];
  for (const phrase of spamPhrases) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern)) {
      found.push({
        index: match.index,
        length: match[0].length,
        kind: 'out-of-place',
        explanation: `Out-of-place phrase: “${match[0]}” reads like advertising or spam inserted into the article.`,
      });
    }
  }
  return found;
}

export function findQualityFlags(text: string): QualityFlag[] {
  const findings = [findApostropheLoss, findMojibake, findMixedScripts, findCaseGarbling, findSpam]
    .flatMap((find) => find(text))
    .sort((a, b) => a.index - b.index);
  const flags: QualityFlag[] = [];
  let coveredUntil = -1;
  for (const finding of findings) {
    if (finding.index < coveredUntil) continue;
    coveredUntil = finding.index + finding.length;
    const excerpt = text.slice(finding.index, coveredUntil);
    const start = codePointOffset(text, finding.index);
    flags.push({
      kind: finding.kind,
      excerpt,
      explanation: finding.explanation,
      start,
      end: start + [...excerpt].length,
    });
  }
  return flags;
}
