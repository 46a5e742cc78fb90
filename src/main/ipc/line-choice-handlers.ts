/**
 * The reader's own say over cleaning: put a line that cleaning removed back
 * into the body, or take body lines out (a whole paragraph at once). The choice
 * is stored with the article (so re-cleaning under new rules keeps it), the
 * article is cleaned again from its raw text around it, and its highlights are
 * re-anchored when the article is read back (those that cannot be are shown as
 * orphans). Each choice is one undo step: undo puts the previous choices back
 * and cleans the article again around them.
 */
import { pageFurnitureOf, recleanArticle } from '../articles/article-from-text';
import type { ArticleTexts } from '../annotations/article-texts';
import type { HistoryService } from '../history/history-service';
import type { ArticleFile } from '../store/schemas/article-file';
import type { LibraryStore } from '../store/library-store';
import { AppFailure } from '../../shared/api-error';
import type { Handlers } from './handler-types';

type ReaderChoices = NonNullable<ArticleFile['readerChoices']>;

function bodyLines(article: Awaited<ReturnType<LibraryStore['readArticle']>>): Set<number> {
  const lines = new Set<number>();
  for (const block of article.cleaned.blocks) {
    for (const line of block.lines) lines.add(line);
    if (block.kind === 'list') for (const item of block.items) lines.add(item.line);
  }
  return lines;
}

/** The choices with `lines` moved to `choice` (and out of the other list). */
export function withChoice(
  current: ReaderChoices,
  lines: readonly number[],
  choice: 'restore' | 'remove',
): ReaderChoices {
  const others = (list: number[]) => list.filter((other) => !lines.includes(other));
  return choice === 'restore'
    ? { restore: [...others(current.restore), ...lines], remove: others(current.remove) }
    : { restore: others(current.restore), remove: [...others(current.remove), ...lines] };
}

export function createLineChoiceHandlers(
  store: LibraryStore,
  texts: ArticleTexts,
  getArticle: Handlers['getArticle'],
  history?: HistoryService,
): Pick<Handlers, 'setLineChoice'> {
  /** Cleans the article again around `readerChoices` and stores it. */
  async function applyChoices(id: string, readerChoices: ReaderChoices | null) {
    const article = await store.readArticle(id);
    const recleaned = await recleanArticle(
      article.record,
      article.rawText,
      article.format,
      readerChoices ?? undefined,
      pageFurnitureOf(article.cleaned),
    );
    if (!readerChoices) delete recleaned.readerChoices;
    await store.replaceArticle(recleaned);
    texts.forget(id);
  }

  history?.register('line-choice', async (operation, state) => {
    await applyChoices(operation.articleId, operation[state]);
    return { target: 'article-view', article: await getArticle({ id: operation.articleId }) };
  });

  return {
    setLineChoice: async ({ id, line, lines: more, choice }) => {
      const lines = [...new Set([line, ...(more ?? [])])];
      const article = await store.readArticle(id);
      const removed = new Set(article.cleaned.removed.map((entry) => entry.line));
      const body = bodyLines(article);
      for (const each of lines) {
        if (choice === 'restore' && !removed.has(each))
          throw new AppFailure('invalid-request', `Line ${each} is not among the removed lines.`);
        if (choice === 'remove' && !body.has(each))
          throw new AppFailure('invalid-request', `Line ${each} is not in the article body.`);
      }
      const before = article.readerChoices ?? null;
      const after = withChoice(before ?? { restore: [], remove: [] }, lines, choice);
      await applyChoices(id, after);
      const count = lines.length === 1 ? 'a line' : `${lines.length} lines`;
      await history?.record({
        target: 'line-choice',
        articleId: id,
        label: choice === 'restore' ? `restore ${count} to the article` : `remove ${count} from the article`,
        before,
        after,
      });
      return getArticle({ id });
    },
  };
}
