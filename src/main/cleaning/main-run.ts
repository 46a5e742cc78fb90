/**
 * Position relative to the article: a page's article is one run of good
 * blocks; good blocks far from it (a teaser list, an author box, a sidebar
 * post after many lines of chrome) are other content. Runs of good blocks are
 * split where a long stretch of chrome lies between them; a run much smaller
 * than the largest one and separated from it by such a stretch is chrome.
 */
import type { BlockFeatures } from './block-features';
import type { Verdict } from './classify-article-text';

export const mainRunSettings = {
  /** Bad blocks in a row that separate two runs of good blocks. */
  gapBlocks: 5,
  /** A separated run is kept when it has at least this share of the main run's words. */
  keepShare: 0.7,
};

export function keepMainRun(features: BlockFeatures[], verdicts: Verdict[]): Verdict[] {
  const runs: { indexes: number[]; words: number }[] = [];
  let badInRow = Infinity;
  verdicts.forEach((verdict, index) => {
    if (verdict === 'bad') {
      badInRow += 1;
      return;
    }
    if (badInRow >= mainRunSettings.gapBlocks || runs.length === 0) runs.push({ indexes: [], words: 0 });
    const run = runs[runs.length - 1]!;
    run.indexes.push(index);
    run.words += features[index]!.words;
    badInRow = 0;
  });
  if (runs.length < 2) return verdicts;
  const main = Math.max(...runs.map((run) => run.words));
  const result = [...verdicts];
  for (const run of runs) {
    if (run.words >= main * mainRunSettings.keepShare) continue;
    for (const index of run.indexes) result[index] = 'bad';
  }
  return result;
}
