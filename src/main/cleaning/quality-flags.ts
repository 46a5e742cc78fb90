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

function scriptCount(word: string): number {
  const found = scriptPatterns.filter((pattern) => pattern.test(word)).length;
  return found + (japaneseOrChinese.test(word) ? 1 : 0);
}

function findApostropheLoss(text: string): Finding[] {
  return [...text.matchAll(/\p{L}+\?(?:s|t|re|ll|ve|d|m)(?!\p{L})/gu)].map((match) => ({
    index: match.index,
    length: match[0].length,
    kind: 'mis-encoding',
    explanation: 'Mis-encoded text: a question mark stands where an apostrophe was lost in conversion.',
  }));
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
    if (scriptCount(token[0]) < 2) continue;
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
