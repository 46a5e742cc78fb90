/**
 * What a result made from the whole store (every summary, a pass over every highlight) is kept
 * against: the index and, for each article in index order, what the result read of its
 * annotations (the annotation file itself, or its counts). Both are frozen and replaced whole on
 * any change (an edit, an undo, a deletion, a rename), so while the store holds the very same
 * objects the result still describes it; checking costs one lookup per article.
 */
import type { LibraryStore } from './library-store';
import type { LibraryIndex } from './schemas/library-index';

export interface KeptStoreState<Part> {
  index: Readonly<LibraryIndex>;
  /** What was read of each of `index.articles`, in order. */
  parts: readonly Part[];
}

/** Whether the store still holds the index and the parts `kept` was made from (`read` takes the store's reader). */
export function isStoreUnchanged<Part>(
  kept: KeptStoreState<Part>,
  store: LibraryStore,
  reader: (store: LibraryStore) => (articleId: string) => Part,
): boolean {
  const index = store.index();
  if (kept.index !== index) return false;
  // The store's reader taken once: through the search hook's wrapper (observe-store.ts) each call costs a lookup.
  const read = reader(store);
  const articles = index.articles;
  for (let n = 0; n < articles.length; n += 1) if (read(articles[n]!.id) !== kept.parts[n]) return false;
  return true;
}
