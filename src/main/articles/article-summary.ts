/**
 * An article as the library lists it: its record plus the counts of its
 * highlights and notes. Every reply that changes an article's annotations
 * carries this, so the library's counts follow without a reload.
 */
import type { ArticleSummary } from '../../shared/contract';
import type { AnnotationCounts } from '../store/annotation-digest';
import type { LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';

export function summariseArticle(
  record: ArticleRecord,
  store: LibraryStore,
  counts: AnnotationCounts = store.annotationCounts(record.id),
): ArticleSummary {
  const { id, title, titleDerived, wordCount, readingMinutes, addedAt, sourceFile, source, flagCount } =
    record;
  return {
    id,
    title,
    titleDerived,
    wordCount,
    readingMinutes,
    addedAt,
    sourceFile,
    source,
    flagCount,
    highlightCount: counts.highlightCount,
    noteCount: counts.noteCount,
    tags: record.tags ?? [],
    read: counts.read,
    readingProgress: counts.readingProgress,
  };
}
