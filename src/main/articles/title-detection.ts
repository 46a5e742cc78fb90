/**
 * Decides whether an article's first line is its headline, and when it is not,
 * derives a short title from the opening sentence (marked as derived so the
 * reader can tell it was not in the source).
 */
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const headlineMaxLength = 200;
const headlineMaxWords = 30;
const derivedTitleMaxLength = 80;

/** A headline is short and does not end like a sentence of body text. */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > headlineMaxLength) return false;
  if (text.split(/\s+/).length > headlineMaxWords) return false;
  return !/[.!?…,;:]["”’)]?$/.test(text);
}

export function deriveTitle(openingParagraph: string): string {
  const first = sentenceSegmenter.segment(openingParagraph)[Symbol.iterator]().next().value;
  const sentence = (first?.segment ?? openingParagraph).trim().replace(/[.!?]+$/, '');
  if (sentence.length <= derivedTitleMaxLength) return sentence;
  const cut = sentence.slice(0, derivedTitleMaxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
