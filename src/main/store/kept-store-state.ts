/**
 * What a result made from the whole store (every summary, a pass over every highlight) is kept
 * against: the index and each article's annotation file, in index order. Both are frozen and
 * replaced whole on any change (an edit, an undo, a deletion, a rename), so while the store holds
 * the very same objects the result still describes it; checking costs one lookup per article.
 */
import type { LibraryStore } from './library-store';
import type { AnnotationShard } from './schemas/annotation-shard';
import type { LibraryIndex } from './schemas/library-index';

export interface KeptStoreState {
  index: Readonly<LibraryIndex>;
  /** The annotation file of each of `index.articles`, in order. */
  shards: readonly Readonly<AnnotationShard>[];
}

/** Whether the store still holds the index and annotation files `kept` was made from. */
export function isStoreUnchanged(kept: KeptStoreState, store: LibraryStore): boolean {
  const index = store.index();
  if (kept.index !== index) return false;
  // The store's reader taken once: through the search hook's wrapper (observe-store.ts) each call costs a lookup.
  const annotations = store.annotations;
  const articles = index.articles;
  for (let n = 0; n < articles.length; n += 1)
    if (annotations(articles[n]!.id) !== kept.shards[n]) return false;
  return true;
}
