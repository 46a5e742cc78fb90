/**
 * Reading state: where the reader stopped in an article and whether it is
 * read. Kept in the article's annotation file (small, already written often),
 * never in the library index, so a position saved while scrolling rewrites one
 * small file, whatever the library's size. Reading past 90 % marks an article
 * read once; marking it unread by hand sticks until the reader crosses 90 %
 * again from below. Not an undoable edit: it is where the reader is, not what
 * they wrote.
 */
import type { ArticleSummary } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';
import type { ReadingState } from '../store/schemas/annotation-shard';
import { summariseArticle } from './article-summary';
import { findRecord } from './find-record';

export const readThreshold = 0.9;

export function movedTo(
  previous: ReadingState | undefined,
  offset: number,
  progress: number,
  at: string,
): ReadingState {
  const crossed = progress >= readThreshold && (previous?.progress ?? 0) < readThreshold;
  return { offset, progress, read: crossed || (previous?.read ?? false), updatedAt: at };
}

export function markedRead(previous: ReadingState | undefined, read: boolean, at: string): ReadingState {
  return { offset: previous?.offset ?? 0, progress: previous?.progress ?? 0, read, updatedAt: at };
}

export function createReadingService(store: LibraryStore, now: () => Date = () => new Date()) {
  async function change(
    articleId: string,
    next: (previous: ReadingState | undefined) => ReadingState,
  ): Promise<ArticleSummary> {
    findRecord(store, articleId);
    await store.updateAnnotations(articleId, (shard) => void (shard.reading = next(shard.reading)));
    return summariseArticle(findRecord(store, articleId), store);
  }
  return {
    setPosition: (articleId: string, offset: number, progress: number) =>
      change(articleId, (previous) => movedTo(previous, offset, progress, now().toISOString())),
    setRead: (articleId: string, read: boolean) =>
      change(articleId, (previous) => markedRead(previous, read, now().toISOString())),
  };
}
export type ReadingService = ReturnType<typeof createReadingService>;
