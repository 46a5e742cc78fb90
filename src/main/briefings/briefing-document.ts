/**
 * A briefing resolved for export: each item with its excerpt, note, tags,
 * category and the number of its source; the sources collected in order of
 * first citation, each with outlet, title, date and URL from the article's
 * source panel, and marked when the article's text is flagged as damaged.
 * Every exporter renders this one structure.
 */
import type { LibraryStore } from '../store/library-store';
import type { Briefing } from '../store/schemas/briefings-file';
import type { Highlight } from '../store/schemas/annotation-shard';
import type { ArticleRecord } from '../store/schemas/library-index';

export interface DocumentSource {
  number: number;
  articleId: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  damaged: boolean;
}

export interface DocumentItem {
  /** Stable id for the item's excerpt, `hl-` and the highlight's own id: a vault can link to `^hl-…`. */
  blockId: string;
  excerpt: string;
  note: string;
  tags: string[];
  commentary: string;
  categoryName: string;
  source: DocumentSource;
  highlight: Highlight;
}

export interface BriefingDocument {
  briefing: Briefing;
  sections: { title: string; items: DocumentItem[] }[];
  sources: DocumentSource[];
  /** Items whose highlight no longer exists, left out of the export. */
  missingItems: number;
}

export function blockIdFor(highlightId: string): string {
  return `hl-${highlightId
    .replace(/^h-/, '')
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 36)}`;
}

export function citation(source: DocumentSource): string {
  const parts = [source.outlet, `“${source.title}”`, source.publishedAt?.slice(0, 10), source.url].filter(
    Boolean,
  );
  return parts.join(', ');
}

export function resolveBriefing(store: LibraryStore, briefing: Briefing): BriefingDocument {
  const records = new Map<string, ArticleRecord>(store.index().articles.map((record) => [record.id, record]));
  const categories = new Map(
    store.index().settings.categories.map((category) => [category.id, category.name]),
  );
  const sources = new Map<string, DocumentSource>();
  let missingItems = 0;

  const sourceFor = (record: ArticleRecord): DocumentSource => {
    let source = sources.get(record.id);
    if (!source) {
      source = {
        number: sources.size + 1,
        articleId: record.id,
        title: record.title,
        outlet: record.source.outlet,
        author: record.source.author,
        publishedAt: record.source.publishedAt,
        url: record.source.url,
        damaged: record.flagCount > 0,
      };
      sources.set(record.id, source);
    }
    return source;
  };

  const sections = briefing.sections.map((section) => ({
    title: section.title,
    items: section.items.flatMap((item): DocumentItem[] => {
      const record = records.get(item.articleId);
      const highlight = store
        .annotations(item.articleId)
        .highlights.find((candidate) => candidate.id === item.highlightId);
      if (!record || !highlight) {
        missingItems += 1;
        return [];
      }
      return [
        {
          blockId: blockIdFor(highlight.id),
          excerpt: highlight.quote.exact,
          note: highlight.note,
          tags: highlight.tags,
          commentary: item.commentary,
          categoryName: categories.get(highlight.categoryId) ?? highlight.categoryId,
          source: sourceFor(record),
          highlight,
        },
      ];
    }),
  }));
  return { briefing, sections, sources: [...sources.values()], missingItems };
}
