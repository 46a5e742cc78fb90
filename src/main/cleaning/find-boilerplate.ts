/**
 * Separates site chrome from the article, block by block (a block is a line
 * or a re-joined hard-wrapped paragraph): each block's features go to the
 * jusText-style classifier, and the linked headline after a "Previous/Next
 * Article" line goes with it. Every removed source line is returned with its
 * kind and the reason, so nothing is lost and the reader can show it.
 *
 * Text extracted from HTML by Readability has already lost its chrome; there
 * only strong signals (sharing buttons, copyright, cookie notices) remove a
 * block, and length or stopwords never do.
 */
import { navigationKind } from './boilerplate-rules';
import { blockFeatures, type BlockFeatures } from './block-features';
import { isHeading } from './block-rules';
import { classifyArticleText, type Verdict } from './classify-article-text';
import { keepMainRun } from './main-run';
import type { RemovedLine } from '../../shared/cleaned-article';
import type { JoinedLine } from './join-wrapped-lines';
import type { SourceLine } from './source-line';
import { allStopwordLists } from './stopwords';
import { looksLikeHeadline } from './title-rules';
import type { JudgedBlock } from './judged-block';

export type { JudgedBlock } from './judged-block';

const signalKinds: Record<string, RemovedLine['kind']> = {
  'no-words': 'site-chrome',
  'menu-item': 'menu',
};

const withArticle = (words: string) => `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;

function explain(features: BlockFeatures, extracted: boolean): { kind: RemovedLine['kind']; reason: string } {
  const signal = features.signal;
  if (signal) {
    const kind = (signalKinds[signal.signal] ?? signal.signal) as RemovedLine['kind'];
    return { kind, reason: `reads as ${withArticle(kind.replace(/-/g, ' '))}` };
  }
  if (extracted) return { kind: 'site-chrome', reason: 'site text around the article' };
  const share = Math.round(features.stopwordShare * 100);
  return {
    kind: 'site-chrome',
    reason:
      features.chars < 70
        ? 'a short line among site chrome, not among article paragraphs'
        : `few of its words are the language's common words (${share} %), unlike article prose`,
  };
}

export function judgeBlocks(blocks: JoinedLine[], extracted: boolean): JudgedBlock[] {
  const stopwords = allStopwordLists();
  const features = blocks.map((block) => blockFeatures(block.text, stopwords));
  // A heading is judged against the next block that is not certain chrome (which cleaning always removes).
  const nextKeptIndex: number[] = new Array<number>(blocks.length);
  for (let index = blocks.length - 1, next = -1; index >= 0; index -= 1) {
    nextKeptIndex[index] = next;
    if (!features[index]!.signal?.strong) next = index;
  }
  const nextText = (index: number) => blocks[nextKeptIndex[index]!]?.text;
  const featured = blocks.map((block, index) => ({
    block,
    features: features[index]!,
    heading: isHeading(block.text, nextText(index)) || /^#{1,6}\s/.test(block.text),
  }));
  const bySignalsOnly = featured.map(({ features }): Verdict => (features.signal?.strong ? 'bad' : 'good'));
  const byClassifier = extracted ? bySignalsOnly : classifyArticleText(featured);
  const classified = extracted ? bySignalsOnly : keepMainRun(features, byClassifier);
  // A text with nothing that reads as article prose (a note, a few lines) is not a page full of chrome:
  // then, as for extracted text, only strong signals remove a line.
  const verdicts = classified.includes('good') ? classified : bySignalsOnly;
  const judged = featured.map(({ block, features }, index) => ({
    block,
    features,
    verdict: verdicts[index]!,
    ...(verdicts === classified && byClassifier[index] === 'good' && classified[index] === 'bad'
      ? { kind: 'site-chrome' as const, reason: 'prose far from the article, past many lines of site chrome' }
      : explain(features, extracted)),
  }));
  // "Previous Article" / "Next Article" is followed by the linked headline of that article.
  judged.forEach((entry, index) => {
    const previous = judged[index - 1];
    if (
      previous?.kind === navigationKind &&
      previous.verdict === 'bad' &&
      looksLikeHeadline(entry.block.text)
    ) {
      entry.verdict = 'bad';
      entry.kind = navigationKind;
      entry.reason = 'the linked headline of the neighbouring article';
    }
  });
  return judged;
}

/** The source lines of judged-bad blocks, one removed line per source line. */
export function removedLinesOf(judged: JudgedBlock[], source: SourceLine[]): RemovedLine[] {
  const textOf = new Map(source.map((line) => [line.line, line.text]));
  return judged
    .filter((entry) => entry.verdict === 'bad')
    .flatMap(({ block, kind, reason }) =>
      block.lines.map((line) => ({ line, text: textOf.get(line) ?? block.text, kind, reason })),
    );
}
