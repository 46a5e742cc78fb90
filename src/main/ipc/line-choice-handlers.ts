/**
 * The reader's own say over cleaning: put a line that cleaning removed back
 * into the body, or take a body line out. The choice is stored with the
 * article (so re-cleaning under new rules keeps it), the article is cleaned
 * again from its raw text around it, and its highlights are re-anchored when
 * the article is read back (those that cannot be are shown as orphans).
 */
import { pageFurnitureOf, recleanArticle } from '../articles/article-from-text';
import type { ArticleTexts } from '../annotations/article-texts';
import type { LibraryStore } from '../store/library-store';
import { AppFailure } from '../../shared/api-error';
import type { Handlers } from './handler-types';

function bodyLines(article: Awaited<ReturnType<LibraryStore['readArticle']>>): Set<number> {
  const lines = new Set<number>();
  for (const block of article.cleaned.blocks) {
    for (const line of block.lines) lines.add(line);
    if (block.kind === 'list') for (const item of block.items) lines.add(item.line);
  }
  return lines;
}

export function createLineChoiceHandlers(
  store: LibraryStore,
  texts: ArticleTexts,
  getArticle: Handlers['getArticle'],
): Pick<Handlers, 'setLineChoice'> {
  return {
    setLineChoice: async ({ id, line, choice }) => {
      const article = await store.readArticle(id);
      const removed = new Set(article.cleaned.removed.map((entry) => entry.line));
      if (choice === 'restore' && !removed.has(line))
        throw new AppFailure('invalid-request', `Line ${line} is not among the removed lines.`);
      if (choice === 'remove' && !bodyLines(article).has(line))
        throw new AppFailure('invalid-request', `Line ${line} is not in the article body.`);
      const current = article.readerChoices ?? { restore: [], remove: [] };
      const others = (lines: number[]) => lines.filter((other) => other !== line);
      const readerChoices =
        choice === 'restore'
          ? { restore: [...others(current.restore), line], remove: others(current.remove) }
          : { restore: others(current.restore), remove: [...others(current.remove), line] };
      const recleaned = await recleanArticle(
        article.record,
        article.rawText,
        article.format,
        readerChoices,
        pageFurnitureOf(article.cleaned),
      );
      await store.replaceArticle(recleaned);
      texts.forget(id);
      return getArticle({ id });
    },
  };
}
