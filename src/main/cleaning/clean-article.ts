/**
 * Cleaning: raw scraped text in, a structured article out. Normalises the
 * text, splits off reader comments, judges every line or paragraph as article
 * text or site chrome (keeping every removed line with its kind, reason and
 * line number), chooses the headline and the dek, classifies the blocks and
 * flags damaged passages. Pure: no I/O.
 *
 * Guarantees, tested on the seeds and on generated text: every non-boilerplate
 * character of the raw text ends up in the title, the dek, the blocks, the
 * comments or the removed lines; and cleaning the plain text of a cleaned
 * article gives the same article again.
 */
import { assembleText } from './assemble-text';
import type { CleanedArticle } from '../../shared/cleaned-article';
import { classifyBlocks } from './classify-blocks';
import { judgeBlocks, removedLinesOf, type JudgedBlock } from './find-boilerplate';
import { joinWrappedLines } from './join-wrapped-lines';
import { normalizeLines } from './normalize-text';
import { findQualityFlags } from './quality-flags';
import { cleaningRulesVersion } from './rules-version';
import { splitComments } from './split-comments';
import { settleArticle } from './settle-article';
import { deriveTitle } from './title-rules';

export const untitled = 'Untitled article';

export interface CleaningOptions {
  /**
   * The text was already extracted from a page by Readability (HTML imports):
   * its chrome is gone, so only strong chrome signals remove a line.
   */
  extracted?: boolean;
  /**
   * The reader's own decisions, by raw line number: lines to put back into the
   * body (removed by the rules) and body lines to take out. They override the
   * classifier; the article is structured again around them.
   */
  restoreLines?: readonly number[];
  removeLines?: readonly number[];
}

function applyReaderChoices(judged: JudgedBlock[], options: CleaningOptions): void {
  const restore = new Set(options.restoreLines ?? []);
  const remove = new Set(options.removeLines ?? []);
  for (const entry of judged) {
    if (entry.block.lines.some((line) => remove.has(line))) {
      Object.assign(entry, {
        verdict: 'bad',
        kind: 'site-chrome',
        reason: 'removed by the reader',
        pinned: true,
      });
    } else if (entry.block.lines.some((line) => restore.has(line))) {
      Object.assign(entry, { verdict: 'good', pinned: true });
    }
  }
}

export function cleanArticle(raw: string, options: CleaningOptions = {}): CleanedArticle {
  const { article, comments, removed: commentChrome } = splitComments(normalizeLines(raw));
  const judged = judgeBlocks(joinWrappedLines(article), options.extracted ?? false);
  applyReaderChoices(judged, options);

  const { headline, dek } = settleArticle(judged, options.extracted ?? false);
  const dekEntry = dek === null ? null : judged[dek]!;
  const inHead = (index: number) => index === headline || index === dek;
  const body = judged
    .filter((entry, index) => entry.verdict === 'good' && !inHead(index))
    .map((entry) => entry.block);
  const removed = removedLinesOf(
    judged.filter((_, index) => !inHead(index)),
    article,
  );

  const { blocks, text } = assembleText(classifyBlocks(body));
  const firstText = blocks.find((block) => block.kind !== 'break' && block.kind !== 'list');
  const titleBlock = headline === null ? null : judged[headline]!.block;
  const title = titleBlock
    ? titleBlock.text
    : firstText && 'text' in firstText
      ? deriveTitle(firstText.text)
      : untitled;

  return {
    rulesVersion: cleaningRulesVersion,
    title,
    titleDerived: titleBlock === null,
    titleLine: titleBlock?.line ?? null,
    dek: dekEntry ? { text: dekEntry.block.text, line: dekEntry.block.line } : null,
    blocks,
    text,
    removed: [...removed, ...commentChrome].sort((a, b) => a.line - b.line),
    comments,
    flags: findQualityFlags(text),
  };
}
