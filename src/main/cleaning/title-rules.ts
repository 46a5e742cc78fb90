/**
 * Headline and dek rules. The first line is the headline when it is short and
 * does not end like a sentence; a short line right under it that is not body
 * text is its dek (subtitle). Without a headline, a title is derived from the
 * opening sentence and marked as derived.
 */
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const headlineMaxLength = 200;
const headlineMaxWords = 30;
const dekMaxLength = 220;
const derivedTitleMaxLength = 80;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A headline is short and does not end like a sentence of body text. */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > headlineMaxLength) return false;
  if (wordCount(text) > headlineMaxWords) return false;
  return !/[.!?…,;:]["”’)]?$/.test(text);
}

/** A dek is short, does not end with a full stop, and is shorter than the body line after it. */
export function looksLikeDek(line: string, nextLine: string | undefined): boolean {
  const text = line.trim();
  if (!nextLine || text.length === 0 || text.length > dekMaxLength) return false;
  if (/[.:]["”’)]?$/.test(text) || text === '---') return false;
  return nextLine.length > text.length;
}

export function deriveTitle(openingParagraph: string): string {
  const first = sentenceSegmenter.segment(openingParagraph)[Symbol.iterator]().next().value;
  const sentence = (first?.segment ?? openingParagraph).trim().replace(/[.!?]+$/, '');
  if (sentence.length <= derivedTitleMaxLength) return sentence;
  const cut = sentence.slice(0, derivedTitleMaxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
