/**
 * Headline and dek rules. The headline is chosen by score among candidate
 * lines near the start of the article text: lines just above the first
 * paragraph, lines in title case, lines followed by a byline or a date,
 * lines the page repeats as its title with a " | Site" suffix, the document's
 * first line. Headlines may end in ?, !, … or a full stop. A short line right
 * under the headline that is not a heading, list item, byline, date or image
 * credit is its dek (subtitle). Without a headline, a title is derived from
 * the opening sentence and marked as derived.
 */
import { isByline, isCaption } from './block-rules';
import type { JudgedBlock } from './judged-block';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const headlineMaxLength = 200;
const headlineMaxWords = 30;
const dekMaxLength = 220;
const derivedTitleMaxLength = 80;
/** How many blocks above the first article paragraph may hold the headline. */
const candidateReach = 12;
const minimumScore = 2;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A headline is short and does not read like body text (a full stop is allowed on a short line). */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > headlineMaxLength) return false;
  const words = wordCount(text);
  if (words > headlineMaxWords) return false;
  if (/[,;:]["”’)]?$/.test(text)) return false;
  if (/\.["”’)]?$/.test(text) && !/\.\.\.$/.test(text)) {
    const sentences = [...sentenceSegmenter.segment(text)].length;
    if (sentences > 1 || words > 14) return false;
  }
  return true;
}

const listMarker = /^(?:[-*•▪‣–·]|\d{1,3}[.)]|#{1,6}|>)\s/u;

/** A dek is short, has words, is not a heading, list item, byline, date or image credit, and shorter than the text after it. */
export function looksLikeDek(line: string, nextLine: string | undefined): boolean {
  const text = line.trim();
  if (!nextLine || text.length === 0 || text.length > dekMaxLength) return false;
  // A dek says something: a line of punctuation or symbols alone (";", "—", "***") is not one.
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (/[.:]["”’)]?$/.test(text) || text === '---') return false;
  if (listMarker.test(text) || isCaption(text)) return false;
  if (isByline(text) || /^(?:posted|updated|published)\b/i.test(text)) return false;
  if (/\b(?:photo|image|credit|getty images|ap photo|afp)\b/i.test(text)) return false;
  return nextLine.length > text.length;
}

function titleCaseShare(text: string): number {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const significant = words.filter((word) => word.length > 3);
  if (significant.length === 0) return 0;
  return significant.filter((word) => /^\p{Lu}/u.test(word)).length / significant.length;
}

/** The title bar a page repeats, "Headline | Site" or "Headline - Site": the headline is its start. */
function repeatedAsPageTitle(text: string, all: JudgedBlock[]): boolean {
  return all.some(({ block }) => {
    if (block.text === text || !block.text.startsWith(text)) return false;
    return /^\s*(?:\||-|–|—|::|»|:)\s*\S/u.test(block.text.slice(text.length));
  });
}

/**
 * Lines that are never a headline whatever their position: a menu of short items between bars
 * ("skip to main | skip to sidebar", "RSS|Email|Twitter"), a site's own furniture ("Powered by
 * Blogger", "Subscribe to this blog's feed", "Send to a friend", "Member since 08/2003", "My
 * photo", "Source: …", "Posted in: …"), a breadcrumb trail, a link to the previous or next post
 * ("« Older post"), an author with a date ("Jane Roe November 12, 2012 by Jane Roe"), an image
 * file name.
 */
export function neverHeadline(text: string): boolean {
  const parts = text
    .split(/[|•·]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const menu =
    parts.length >= 3 ||
    parts.every((part) => wordCount(part) <= 2) ||
    parts.every((part) => /^\p{Ll}/u.test(part));
  if (parts.length >= 2 && menu && parts.every((part) => wordCount(part) <= 3)) return true;
  if (/\s[|]\s*$/u.test(text)) return true;
  if (
    /^(?:(?:blog |site )?powered by\b|subscribe to\b|send (?:this )?to a friend|member since\b|my photo$|skip to\b|source:|posted (?:in|by|on):?\s|filed (?:in|under)\b|written by:?\s|photo(?:s|graph)?:\s|image:\s|follow\b|about (?:me|us|the author)$)/iu.test(
      text.trim(),
    )
  )
    return true;
  if (/\bwidgets?$|\bstaff$/iu.test(text.trim())) return true;
  // "« Previous post" / "Next post »": links to the neighbouring posts.
  if (/^[«‹←]|[»›→]$/u.test(text.trim())) return true;
  // "Jane Roe November 12, 2012 by Jane Roe": a byline with its date, not a headline.
  const month = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/iu;
  if (/\bby\s+\p{Lu}\p{L}+\s+\p{Lu}/u.test(text) && month.test(text)) return true;
  // A breadcrumb trail: three or more steps between ">" marks.
  if (text.split(/[>›»]/u).filter((step) => step.trim() !== '').length >= 3) return true;
  return /^[\w-]+_\d{4,}\b/u.test(text.trim());
}

/**
 * The site's own name: a line the page also writes in its copyright or "powered by" footer
 * ("© 2012 Web Ink Now"), which is the masthead above a blog post, not the post's headline.
 */
function isSiteName(text: string, all: JudgedBlock[]): boolean {
  const name = text.trim().toLowerCase();
  if (name.length < 3) return false;
  return all.some(({ block }) => {
    const other = block.text.toLowerCase();
    return other !== name && other.includes(name) && /©|\(c\)|copyright|all rights reserved/u.test(other);
  });
}

function candidateScore(judged: JudgedBlock[], index: number, firstParagraph: number): number {
  const { block, features, pinned, verdict } = judged[index]!;
  if (pinned && verdict === 'bad') return -Infinity;
  const text = block.text;
  if (!looksLikeHeadline(text) || features.signal?.strong || features.byline || features.date)
    return -Infinity;
  if (listMarker.test(text) && !/^#{1,6}\s/.test(text)) return -Infinity;
  if (neverHeadline(text)) return -Infinity;
  let score = 0;
  // Distance to the first paragraph, not counting the buttons and menus between them.
  const distance = judged
    .slice(index + 1, firstParagraph)
    .filter((entry) => !entry.features.signal && !entry.features.byline && !entry.features.date).length;
  score += Math.max(0, 2 - 0.4 * distance);
  // The first line that is not chrome (where a copied article starts) is the likeliest headline.
  const firstNonChrome = judged.findIndex(
    (entry) =>
      entry.verdict === 'good' ||
      (!entry.features.signal && entry.features.words >= 2 && looksLikeHeadline(entry.block.text)),
  );
  if (index === firstNonChrome && distance <= 2) score += 1.5;
  if (/\.["”’)]?$/.test(text)) score -= 1;
  if (titleCaseShare(text) >= 0.6) score += 1;
  const below = judged.slice(index + 1, index + 4);
  if (below.some((entry) => entry.features.byline || entry.features.date)) score += 2;
  if (repeatedAsPageTitle(text, judged)) score += 2;
  else if (judged.some((entry, other) => other !== index && entry.block.text === text)) score += 1;
  if (/^#{1,2}\s/.test(text)) score += 1;
  if (isSiteName(text, judged)) score -= 3;
  if (features.signal) score -= 3;
  if (features.words < 2 && !features.isCjk) return -Infinity;
  if (features.words < 3 && !features.isCjk) score -= 1.5;
  if (isCaption(text)) score -= 3;
  return score;
}

/** The index of the headline among the judged blocks, or null when no candidate scores enough. */
export function chooseHeadline(judged: JudgedBlock[]): number | null {
  if (judged.length < 2) return null;
  const firstParagraph = judged.findIndex(
    (entry) =>
      entry.verdict === 'good' && entry.block.text.length >= 70 && !looksLikeHeadline(entry.block.text),
  );
  const end = firstParagraph < 0 ? Math.min(judged.length - 1, candidateReach) : firstParagraph;
  let best: number | null = null;
  let bestScore = minimumScore;
  for (let index = Math.max(0, end - candidateReach); index <= end; index += 1) {
    if (index === judged.length - 1 && index !== 0) continue;
    const score = candidateScore(judged, index, end);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

/** `text` without any of `characters` at its end (a loop, not a backtracking pattern). */
function trimEndOf(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

export function deriveTitle(openingParagraph: string): string {
  const first = sentenceSegmenter.segment(openingParagraph)[Symbol.iterator]().next().value;
  const sentence = trimEndOf((first?.segment ?? openingParagraph).trim(), '.!?');
  if (sentence.length <= derivedTitleMaxLength) return sentence;
  const cut = sentence.slice(0, derivedTitleMaxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${trimEndOf(lastSpace > 40 ? cut.slice(0, lastSpace) : cut, ' \t,;:–—-')}…`;
}
