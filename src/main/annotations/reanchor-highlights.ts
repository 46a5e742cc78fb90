/**
 * Checks every highlight of an article against its current text and moves the
 * ones whose words moved (after re-cleaning, or any change to the text). A
 * highlight that cannot be re-anchored confidently is marked orphaned, keeping
 * its quote and note, and is never painted on other words.
 */
import { anchorHighlight } from '../anchoring/anchor-highlight';
import type { TextIndex } from '../anchoring/text-index';
import type { Highlight } from '../store/schemas/annotation-shard';

export function reanchorHighlights(
  highlights: readonly Highlight[],
  index: TextIndex,
  rulesVersion: number,
): { highlights: Highlight[]; changed: boolean } {
  let changed = false;
  const result = highlights.map((highlight) => {
    const inPlace =
      !highlight.orphaned &&
      highlight.rulesVersion === rulesVersion &&
      index.slice(highlight.position.start, highlight.position.end) === highlight.quote.exact;
    if (inPlace) return highlight;
    const anchor = anchorHighlight(index, highlight.quote, highlight.position);
    changed = true;
    if (!anchor.anchored) return { ...highlight, orphaned: true };
    return { ...highlight, quote: anchor.quote, position: anchor.position, rulesVersion, orphaned: false };
  });
  return { highlights: changed ? result : [...highlights], changed };
}
