/**
 * Cleaning: raw scraped text in, a structured article out. Normalises the
 * text, splits off reader comments, removes site boilerplate (keeping every
 * removed line with its kind and line number), finds or derives the title and
 * the dek, classifies the blocks and flags damaged passages. Pure: no I/O.
 *
 * Guarantees, tested on the seeds and on generated text: every non-boilerplate
 * character of the raw text ends up in the title, the dek, the blocks, the
 * comments or the removed lines; and cleaning the plain text of a cleaned
 * article gives the same article again.
 */
import { assembleText } from './assemble-text';
import type { CleanedArticle } from '../../shared/cleaned-article';
import { classifyBlocks } from './classify-blocks';
import { findBoilerplate } from './find-boilerplate';
import { joinWrappedLines } from './join-wrapped-lines';
import { normalizeLines } from './normalize-text';
import { findQualityFlags } from './quality-flags';
import { cleaningRulesVersion } from './rules-version';
import { splitComments } from './split-comments';
import { deriveTitle, looksLikeDek, looksLikeHeadline } from './title-rules';

export const untitled = 'Untitled article';

export function cleanArticle(raw: string): CleanedArticle {
  const { article, comments, removed: commentChrome } = splitComments(normalizeLines(raw));
  const { kept, removed: boilerplate } = findBoilerplate(article);
  const content = joinWrappedLines(kept);

  const [first, second, third] = content;
  const hasHeadline = first !== undefined && content.length > 1 && looksLikeHeadline(first.text);
  const hasDek = hasHeadline && second !== undefined && looksLikeDek(second.text, third?.text);
  const body = content.slice(hasHeadline ? (hasDek ? 2 : 1) : 0);

  const { blocks, text } = assembleText(classifyBlocks(body));
  const firstText = blocks.find((block) => block.kind !== 'break' && block.kind !== 'list');
  const title = hasHeadline
    ? first.text
    : firstText && 'text' in firstText
      ? deriveTitle(firstText.text)
      : untitled;

  return {
    rulesVersion: cleaningRulesVersion,
    title,
    titleDerived: !hasHeadline,
    titleLine: hasHeadline ? first.line : null,
    dek: hasDek ? { text: second.text, line: second.line } : null,
    blocks,
    text,
    removed: [...boilerplate, ...commentChrome].sort((a, b) => a.line - b.line),
    comments,
    flags: findQualityFlags(text),
  };
}
