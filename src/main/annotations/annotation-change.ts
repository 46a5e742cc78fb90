/**
 * Builds the reply of a change to an article's annotations: the new state of
 * what changed and the article's summary, never the whole article, so a note
 * autosave on a 100,000-word article sends a few hundred bytes, not 650 KB.
 */
import type { AnnotationChange } from '../../shared/contract';
import { summariseArticle } from '../articles/article-summary';
import { findRecord } from '../articles/find-record';
import type { LibraryStore } from '../store/library-store';
import type { AnnotationShard, Highlight } from '../store/schemas/annotation-shard';
import { highlightView } from './highlight-view';

export interface ChangedAnnotations {
  /** Highlights with a new state, and ids of highlights that are gone. */
  highlights?: { id: string; state: Highlight | null }[];
  /** The article note, when it changed. */
  articleNote?: AnnotationShard['articleNote'];
}

export function annotationChange(
  store: LibraryStore,
  articleId: string,
  changed: ChangedAnnotations,
): AnnotationChange {
  const highlights = changed.highlights ?? [];
  return {
    articleId,
    summary: summariseArticle(findRecord(store, articleId), store),
    highlights: highlights.flatMap(({ state }) => (state ? [highlightView(state)] : [])),
    removedHighlightIds: highlights.flatMap(({ id, state }) => (state ? [] : [id])),
    ...(changed.articleNote !== undefined ? { articleNote: changed.articleNote } : {}),
  };
}
