/**
 * The "Sources compared" snapshot of a story for a briefing: from the story
 * desk's analysis, the coverage matrix in compact form (the entities named by
 * the most sources, their mention counts per source, and per source how many
 * of its sentences another source carries and how many only it has) and who
 * said what (each quote once, with the sources reporting it). Sources keep
 * their citation's parts, so the section still renders once an article is
 * deleted. Compact: a briefing page holds a dozen rows, not a hundred.
 */
import type { StoryDeskView } from '../../shared/story-desk-contract';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { SourcesCompared } from '../store/schemas/briefings-file';

export const comparedEntityLimit = 12;
export const comparedQuoteLimit = 25;
const quoteChars = 400;

const clip = (text: string) =>
  text.length > quoteChars ? `${text.slice(0, quoteChars - 1).trimEnd()}…` : text;

export function sourcesCompared(
  view: StoryDeskView,
  storyName: string,
  records: ReadonlyMap<string, ArticleRecord>,
  takenAt: string,
): SourcesCompared {
  const { coverage } = view;
  const columns = coverage.articleIds.map((id) => view.articles.find((article) => article.id === id)!);
  const sources = columns.map((article) => {
    const record = records.get(article.id);
    return {
      articleId: article.id,
      title: record?.title ?? article.title,
      outlet: record?.source.outlet ?? null,
      author: record?.source.author ?? null,
      publishedAt: record?.source.publishedAt ?? null,
      url: record?.source.url ?? null,
      damaged: (record?.flagCount ?? 0) > 0,
    };
  });
  const entityById = new Map(view.entities.map((entity) => [entity.id, entity]));
  const reach = (counts: number[]) => counts.filter((count) => count > 0).length;
  const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
  const entities = coverage.entities
    .filter((row) => entityById.has(row.entityId))
    .map((row, order) => ({ row, order }))
    .sort(
      (a, b) =>
        reach(b.row.counts) - reach(a.row.counts) ||
        total(b.row.counts) - total(a.row.counts) ||
        a.order - b.order,
    )
    .map(({ row }) => {
      const entity = entityById.get(row.entityId)!;
      return { label: entity.label, kind: entity.kind, counts: row.counts };
    });
  const quoteById = new Map(view.quotes.map((quote) => [quote.id, quote]));
  const quotes = coverage.quotes
    .filter((row) => quoteById.has(row.quoteId))
    .map((row, order) => ({ row, order }))
    .sort(
      (a, b) => reach(b.row.reported.map(Number)) - reach(a.row.reported.map(Number)) || a.order - b.order,
    )
    .map(({ row }) => {
      const quote = quoteById.get(row.quoteId)!;
      return { text: clip(quote.text), speaker: quote.speaker, reported: row.reported };
    });
  const sharedSentences = columns.map((_, column) =>
    coverage.shared.reduce((sum, group) => sum + (group.carried[column] ? 1 : 0), 0),
  );
  return {
    storyId: view.storyId,
    storyName,
    takenAt,
    sources,
    entities: entities.slice(0, comparedEntityLimit),
    quotes: quotes.slice(0, comparedQuoteLimit),
    sharedSentences,
    singleSourceSentences: columns.map((_, column) => coverage.singleSourceCounts[column] ?? 0),
    omittedEntities: Math.max(0, entities.length - comparedEntityLimit),
    omittedQuotes: Math.max(0, quotes.length - comparedQuoteLimit),
  };
}
