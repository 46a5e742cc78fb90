/** Finds an article's record for a handler, or fails with a typed not-found the renderer can show. */
import { AppFailure } from '../../shared/api-error';
import type { LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';

export function findRecord(store: LibraryStore, id: string): ArticleRecord {
  const record = store.index().articles.find((candidate) => candidate.id === id);
  if (!record) throw new AppFailure('not-found', `No article with id ${id} is in the library.`);
  return record;
}
