/**
 * Tells article text from site chrome, block by block, in the manner of
 * jusText (Pomikálek 2011). First each block is judged on its own features:
 * a strong chrome signal makes it `bad`; a short block is `short`; a block
 * rich in stopwords or shaped like sentences is `good` (long) or `neargood`;
 * otherwise `bad`. Then neighbours decide the uncertain ones: a short block
 * between good blocks stays, between bad blocks goes; a near-good block goes
 * only when bad blocks surround it; a short heading-like line just above good
 * text stays. The thresholds are jusText's, adjusted to the `stopword`
 * package's shorter lists; none is tuned to a page.
 */
import type { BlockFeatures } from './block-features';

export type Verdict = 'good' | 'bad';
type Initial = 'good' | 'neargood' | 'short' | 'bad';

export const classifierSettings = {
  /** Blocks shorter than this (characters) are judged by their neighbours; CJK text is denser. */
  shortChars: 70,
  shortCharsCjk: 25,
  /**
   * Longer than this, a block rich in stopwords is good on its own; the
   * stopword shares that make a block near-good and good. Chosen on one half of
   * the Dragnet pages and checked on the other (README, Measured on real pages).
   */
  longChars: 160,
  stopwordsLow: 0.22,
  stopwordsHigh: 0.27,
  /** Near-good blocks in a row that stand as running prose: how many, and how many characters together. */
  proseRunBlocks: 2,
  proseRunChars: 300,
  /** How far (characters) below a heading-like line good text must start for the line to stay. */
  headingReach: 200,
};

export interface ClassifiedBlock {
  features: BlockFeatures;
  /** Looks like a heading (short, capitalised, no closing punctuation). */
  heading: boolean;
}

function initialClass({ features: f }: ClassifiedBlock): Initial {
  const s = classifierSettings;
  if (f.signal?.strong) return 'bad';
  if (f.isCjk) {
    if (f.chars < s.shortCharsCjk) return f.signal ? 'bad' : 'short';
    return f.sentenceEnds > 0 ? (f.chars > s.longChars / 2 ? 'good' : 'neargood') : 'bad';
  }
  if (f.chars < s.shortChars) return f.signal ? 'bad' : 'short';
  if (f.stopwordShare >= s.stopwordsHigh) return f.chars > s.longChars ? 'good' : 'neargood';
  if (f.stopwordShare >= s.stopwordsLow) return 'neargood';
  // Sentences full of names (or in a language without a stopword list) are still sentences.
  if (f.endsLikeSentence && f.sentenceEnds >= 1 && f.words >= 12) return 'neargood';
  return 'bad';
}

function neighbour(classes: Initial[], from: number, step: 1 | -1, ignoreNeargood: boolean): Initial {
  for (let index = from + step; index >= 0 && index < classes.length; index += step) {
    const found = classes[index]!;
    if (found === 'short' || (ignoreNeargood && found === 'neargood')) continue;
    return found;
  }
  return 'bad';
}

function goodTextFollows(blocks: ClassifiedBlock[], classes: Initial[], from: number): boolean {
  let distance = 0;
  for (let index = from + 1; index < blocks.length; index += 1) {
    if (classes[index] === 'good') return true;
    distance += blocks[index]!.features.chars;
    if (distance > classifierSettings.headingReach) return false;
  }
  return false;
}

/** Near-good blocks in runs (short blocks between them ignored) of at least `proseRunBlocks` blocks and `proseRunChars` characters. */
function nearGoodRuns(blocks: ClassifiedBlock[], classes: Initial[]): Set<number> {
  const inRuns = new Set<number>();
  let run: number[] = [];
  const flush = () => {
    const chars = run.reduce((sum, index) => sum + blocks[index]!.features.chars, 0);
    if (run.length >= classifierSettings.proseRunBlocks && chars >= classifierSettings.proseRunChars)
      for (const index of run) inRuns.add(index);
    run = [];
  };
  classes.forEach((found, index) => {
    if (found === 'neargood') run.push(index);
    else if (found !== 'short') flush();
  });
  flush();
  return inRuns;
}

export function classifyArticleText(blocks: ClassifiedBlock[]): Verdict[] {
  const initial = blocks.map(initialClass);
  // A short article may have no paragraph long enough to be good on its own: then its near-good prose is.
  if (!initial.includes('good')) {
    blocks.forEach(({ features }, index) => {
      if (initial[index] === 'neargood' && features.stopwordShare >= classifierSettings.stopwordsHigh)
        initial[index] = 'good';
    });
  }
  const classes = [...initial];
  blocks.forEach((block, index) => {
    if (block.heading && classes[index] === 'short' && goodTextFollows(blocks, classes, index))
      classes[index] = 'neargood';
  });

  const shortVerdicts = new Map<number, Initial>();
  classes.forEach((found, index) => {
    if (found !== 'short') return;
    const previous = neighbour(classes, index, -1, true);
    const next = neighbour(classes, index, 1, true);
    if (previous === 'good' && next === 'good') shortVerdicts.set(index, 'good');
    else if (previous === 'bad' && next === 'bad') shortVerdicts.set(index, 'bad');
    else {
      const nearGoodBeside =
        (previous === 'bad' && neighbour(classes, index, -1, false) === 'neargood') ||
        (next === 'bad' && neighbour(classes, index, 1, false) === 'neargood');
      shortVerdicts.set(index, nearGoodBeside ? 'good' : 'bad');
    }
  });
  for (const [index, verdict] of shortVerdicts) classes[index] = verdict;

  // Near-good paragraphs in a row read as running prose together: they stand as good when the run is long.
  const proseRun = nearGoodRuns(blocks, classes);
  classes.forEach((found, index) => {
    if (found !== 'neargood') return;
    const bothBad =
      neighbour(classes, index, -1, true) === 'bad' && neighbour(classes, index, 1, true) === 'bad';
    classes[index] = bothBad && !proseRun.has(index) ? 'bad' : 'good';
  });

  blocks.forEach((block, index) => {
    if (
      block.heading &&
      classes[index] === 'bad' &&
      initial[index] !== 'bad' &&
      goodTextFollows(blocks, classes, index)
    )
      classes[index] = 'good';
  });
  return classes.map((found) => (found === 'good' ? 'good' : 'bad'));
}
