/**
 * Separates site chrome from the article: every line matching a boilerplate
 * rule, plus the linked headline that follows a "Previous/Next Article" line.
 * Returns the lines that remain and the ones removed, with kinds and line numbers.
 */
import { boilerplateKindOf, navigationKind } from './boilerplate-rules';
import type { RemovedLine } from '../../shared/cleaned-article';
import type { SourceLine } from './source-line';
import { looksLikeHeadline } from './title-rules';

export function findBoilerplate(lines: SourceLine[]): { kept: SourceLine[]; removed: RemovedLine[] } {
  const kept: SourceLine[] = [];
  const removed: RemovedLine[] = [];
  let expectLinkedHeadline = false;
  for (const line of lines) {
    if (line.text === '') {
      kept.push(line);
      continue;
    }
    const kind = boilerplateKindOf(line.text);
    if (kind) {
      removed.push({ line: line.line, text: line.text, kind });
      expectLinkedHeadline = kind === navigationKind;
    } else if (expectLinkedHeadline && looksLikeHeadline(line.text)) {
      removed.push({ line: line.line, text: line.text, kind: navigationKind });
      expectLinkedHeadline = false;
    } else {
      expectLinkedHeadline = false;
      kept.push(line);
    }
  }
  return { kept, removed };
}
