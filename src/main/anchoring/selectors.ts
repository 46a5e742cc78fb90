/**
 * The two W3C Web Annotation selectors a highlight keeps: a TextQuoteSelector
 * (the exact text with some context either side) and a TextPositionSelector
 * (code-point offsets into the article's cleaned text).
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** How many code points of context the quote selector keeps on each side. */
export const contextLength = 32;
