/**
 * An article as the library lists it: its record plus the counts of its
 * highlights and notes. Every reply that changes an article's annotations
 * carries this, so the library's counts follow without a reload.
 */
import type { ArticleSummary } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';
import type { AnnotationShard } from '../store/schemas/annotation-shard';
import type { ArticleRecord } from '../store/schemas/library-index';

export function noteCount(shard: Readonly<AnnotationShard>): number {
  return (
    shard.highlights.filter((highlight) => highlight.note.trim() !== '').length +
    (shard.articleNote?.text.trim() ? 1 : 0)
  );
}

export function summariseArticle(record: ArticleRecord, store: LibraryStore): ArticleSummary {
  const { id, title, titleDerived, wordCount, readingMinutes, addedAt, sourceFile, source, flagCount } =
    record;
  const shard = store.annotations(id);
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
    highlightCount: shard.highlights.length,
    noteCount: noteCount(shard),
    tags: record.tags ?? [],
    read: shard.reading?.read ?? false,
    readingProgress: shard.reading?.progress ?? 0,
  };
}
