/**
 * Re-anchors a highlight in an article's current text, in three steps:
 *   1. position: the stored offsets, if the quote still stands exactly there;
 *   2. exact quote: every place the quote occurs, chosen by prefix, suffix and
 *      nearness to the old position (so repeated phrases keep their place);
 *   3. approximate quote: the best fuzzy match, scored on quote, context and
 *      position, accepted only at or above `fuzzyAcceptance`.
 * Anything below the threshold is an orphan: it is never painted on words it
 * was not made on; the user re-attaches or deletes it.
 */
import { matchApproximateQuote, matchExactQuote } from './match-quote';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import type { TextIndex } from './text-index';

/**
 * The lowest score an approximate match needs: with quote weighted 50, context
 * 20 + 20 and position 2, a quote with a fifth of its characters changed and
 * context intact scores about 0.87; a quote half rewritten, about 0.72 at best.
 */
export const fuzzyAcceptance = 0.8;

export type AnchorResult =
  | {
      anchored: true;
      method: 'position' | 'quote' | 'fuzzy';
      position: TextPositionSelector;
      quote: TextQuoteSelector;
      score: number;
    }
  | { anchored: false; bestScore: number };

export function anchorHighlight(
  index: TextIndex,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): AnchorResult {
  if (index.slice(position.start, position.end) === quote.exact && position.end > position.start) {
    return { anchored: true, method: 'position', position, quote, score: 1 };
  }
  const hints = { prefix: quote.prefix, suffix: quote.suffix, positionHint: index.toUnit(position.start) };
  const exact = matchExactQuote(index.text, quote.exact, hints);
  const match = exact ?? matchApproximateQuote(index.text, quote.exact, hints);
  if (!match || (!exact && match.score < fuzzyAcceptance))
    return { anchored: false, bestScore: match?.score ?? 0 };

  const start = index.toCodePoint(match.start);
  const end = index.toCodePoint(match.end);
  const anchoredQuote = { ...quote, exact: index.text.slice(match.start, match.end) };
  return {
    anchored: true,
    method: exact ? 'quote' : 'fuzzy',
    position: { type: 'TextPositionSelector', start, end },
    quote: anchoredQuote,
    score: match.score,
  };
}
