/**
 * Makes the selectors for a range the user selected: trims white space at its
 * ends, widens it to whole graphemes, and takes the exact text with 32 code
 * points of context either side. A range with nothing but white space in it
 * describes nothing (null): such a selection is refused.
 */
import { snapToGraphemes } from './grapheme-snap';
import { contextLength, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { TextIndex } from './text-index';

export interface RangeSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export function describeRange(index: TextIndex, start: number, end: number): RangeSelectors | null {
  const text = index.text;
  let from = index.toUnit(Math.min(start, end));
  let to = index.toUnit(Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  if (from >= to) return null;
  ({ start: from, end: to } = snapToGraphemes(text, from, to));

  const startPoint = index.toCodePoint(from);
  const endPoint = index.toCodePoint(to);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: index.slice(Math.max(0, startPoint - contextLength), startPoint),
      suffix: index.slice(endPoint, endPoint + contextLength),
    },
    position: { type: 'TextPositionSelector', start: startPoint, end: endPoint },
  };
}
