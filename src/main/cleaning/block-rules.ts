/**
 * How a single line is recognised as one kind of block. Each rule looks at the
 * line and, where it matters, the line after it; `classify-blocks.ts` applies them in order.
 */
export const breakPattern = /^(-{3,}|\*{3,}|_{3,}|(\* ){2,}\*|—{2,})$/;
export const numberedItem = /^(\d{1,3}[.)])\s+(\S.*)$/;
export const bulletItem = /^([-*•▪‣–])\s+(\S.*)$/;
export const markdownHeading = /^(#{1,6})\s+(\S.*)$/;
export const markdownQuote = /^(>)\s?(.*)$/;

const openingQuotes = '“"‘«„';
const closingQuotes = '”"’»“';

/** A list is introduced by a line ending in a colon ("…as follows:", "…contained:"). */
export function isListIntro(text: string): boolean {
  return /:$/.test(text);
}

export function startsWithQuote(text: string): boolean {
  return openingQuotes.includes(text.charAt(0));
}

/** A pull quote: the whole line is one quotation, with no attribution outside it. */
export function isPullQuote(text: string): boolean {
  if (!startsWithQuote(text) || !closingQuotes.includes(text.charAt(text.length - 1))) return false;
  const inner = text.slice(1, -1);
  return ![...inner].some((char) => '“”"'.includes(char));
}

/**
 * An image caption as scrapers leave it: names run together with hyphens
 * ("President Donald Trump-White House-President Volodymyr Zelenskiy"), or a
 * "Photo:"/"Image:"/"Credit:" line.
 */
export function isCaption(text: string): boolean {
  if (/^(photo|image|picture|credit|caption|file photo)\s*[:|]/i.test(text)) return true;
  if (/\((photo|image|credit)[^)]*\)$/i.test(text) && text.length < 160) return true;
  const runTogether = text.match(/\p{L}-\p{Lu}/gu)?.length ?? 0;
  return runTogether >= 2 && !/[.!?:;,]$/.test(text) && text.split(' ').length <= 16;
}

/**
 * A section heading: a short line starting with a capital or digit, without
 * closing punctuation, followed by a longer line of body text.
 */
export function isHeading(text: string, next: string | undefined): boolean {
  if (!next || text.length > 110 || text.split(' ').length > 16) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || /[.!?,;:"”’…]$/.test(text)) return false;
  if (startsWithQuote(text) || isByline(text)) return false;
  return next.length > text.length;
}

/** A byline ("By Jane Analyst", "Posted by …"): a line of its own, never a heading or a dek. */
export function isByline(text: string): boolean {
  return (
    text.length < 120 && /^(?:by|posted by|written by|words by|reporting by|author:?)\s+\p{Lu}/iu.test(text)
  );
}

/** A list item after an intro: "Label: text" items of any length, or short unlabelled items. */
export function isListItemAfterIntro(text: string): boolean {
  const labelled = /^[^:.!?]{2,60}:\s+\S/.test(text) && text.indexOf(':') <= 60;
  return labelled || (text.length <= 160 && !breakPattern.test(text));
}
