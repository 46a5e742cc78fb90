/**
 * The use cases on articles: list the library, open an article (re-anchoring
 * its highlights against its current text), edit its source metadata, delete it.
 * Deleting is a step in the history like any other change: undo puts the
 * article back with its highlights and notes, redo deletes it again.
 */
import type { ArticleSummary, ArticleView, HistoryChange, SourceMetadataView } from '../../shared/contract';
import type { ArticleTexts } from '../annotations/article-texts';
import { highlightView } from '../annotations/highlight-view';
import { reanchorHighlights } from '../annotations/reanchor-highlights';
import { snapshotsFor } from '../briefings/briefing-view';
import type { HistoryService } from '../history/history-service';
import type { LibraryStore } from '../store/library-store';
import { summariseArticle } from './article-summary';
import { findRecord } from './find-record';

export interface MetadataChanges {
  title?: string;
  source?: Partial<SourceMetadataView>;
  /** Replaces the article's tags (trimmed, repeats dropped). */
  tags?: string[];
}

export function createArticleService(store: LibraryStore, texts: ArticleTexts, history: HistoryService) {
  /** Deletes the article; the briefings quoting it keep each item's excerpt and citation. */
  async function setAside(id: string) {
    const kept = snapshotsFor(store, id);
    if (kept.size > 0)
      await store.updateBriefings((file) => {
        for (const item of file.briefings.flatMap((b) => b.sections.flatMap((section) => section.items)))
          if (item.articleId === id && kept.has(item.highlightId)) item.snapshot = kept.get(item.highlightId);
      });
    const aside = await store.setArticleAside(id);
    texts.forget(id);
    return aside;
  }

  // Undo puts the article back (briefing items show its live highlights again, their snapshot
  // only a fallback); redo deletes it again.
  history.register(
    'article',
    async (operation, state): Promise<HistoryChange> => {
      const id = operation.articleId;
      const present = store.index().articles.some((record) => record.id === id);
      if (state === 'before' && !present) await store.restoreArticle(operation.record, operation.position);
      if (state === 'after' && present) await setAside(id);
      const record = store.index().articles.find((candidate) => candidate.id === id);
      return { target: 'article', articleId: id, summary: record ? summariseArticle(record, store) : null };
    },
    async (operation) => {
      await store.purgeDeletedArticle(operation.articleId);
    },
  );

  return {
    list(): ArticleSummary[] {
      return store.index().articles.map((record) => summariseArticle(record, store));
    },

    async open(id: string): Promise<ArticleView> {
      findRecord(store, id);
      const { record, cleaned } = await store.readArticle(id);
      const { blocks, removed, comments, flags, dek } = cleaned;
      const { index } = texts.remember(id, cleaned.text, cleaned.rulesVersion);
      const shard = store.annotations(id);
      const anchored = reanchorHighlights(shard.highlights, index, cleaned.rulesVersion);
      if (anchored.changed)
        await store.updateAnnotations(id, (draft) => void (draft.highlights = anchored.highlights));
      return {
        ...summariseArticle(record, store),
        dek: dek?.text ?? null,
        blocks,
        removed,
        comments,
        flags,
        highlights: anchored.highlights.map(highlightView),
        articleNote: shard.articleNote,
        readingOffset: shard.reading?.offset ?? null,
      };
    },

    async updateMetadata(id: string, { title, source, tags }: MetadataChanges): Promise<ArticleSummary> {
      findRecord(store, id);
      const record = await store.updateArticleRecord(id, (draft) => {
        if (title !== undefined && title !== draft.title) {
          draft.title = title;
          draft.titleEdited = true;
          draft.titleDerived = false;
        }
        if (source) draft.source = { ...draft.source, ...source };
        if (tags) draft.tags = [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
      });
      return summariseArticle(record, store);
    },

    /** How many briefings quote the article: the delete confirmation says so. */
    briefingsUsing(id: string): number {
      findRecord(store, id);
      return store
        .briefings()
        .briefings.filter((briefing) =>
          briefing.sections.some((section) => section.items.some((item) => item.articleId === id)),
        ).length;
    },

    /** Deletes the article (undoably); the briefings quoting it keep each item's excerpt and citation. */
    async remove(id: string) {
      const summary = summariseArticle(findRecord(store, id), store);
      const { record, position } = await setAside(id);
      await history.record({
        target: 'article',
        articleId: id,
        label: `delete article “${record.title}”`,
        record,
        position,
      });
      return { id, highlightsRemoved: summary.highlightCount, notesRemoved: summary.noteCount };
    },
  };
}
export type ArticleService = ReturnType<typeof createArticleService>;
