/**
 * A briefing resolved for export: each item with its excerpt, note, tags,
 * category and the number of its source; the sources collected in order of
 * first citation, each with author, outlet, title, date and URL from the
 * article's source panel, and marked when the article's text is flagged as
 * damaged. Every exporter renders this one structure, and builds nothing from
 * the store itself: `documentFromParts` takes plain items, so a briefing item
 * kept as a snapshot (its article deleted) can feed it as well. All text in it
 * is clean (`cleanText`): LF line ends, no control or non-characters. A
 * "Sources compared" section carries its comparison, its sources numbered in
 * the same list as the items' (by first citation).
 */
import type { LibraryStore } from '../store/library-store';
import type { Briefing, BriefingItem, SourcesCompared } from '../store/schemas/briefings-file';
import type { Highlight } from '../store/schemas/annotation-shard';
import type { ArticleRecord } from '../store/schemas/library-index';
import { cleanText, nestQuotes } from './text-hygiene';

type KeptSnapshot = NonNullable<BriefingItem['snapshot']>;

export interface DocumentSource {
  number: number;
  articleId: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  damaged: boolean;
  /**
   * The citation as text, for an item kept from a deleted article before its snapshot held the
   * source's parts: shown as it was, in place of the parts.
   */
  keptCitation: string | null;
}

export interface DocumentItem {
  /** Stable id for the item's excerpt, `hl-` and the highlight's own id: a vault can link to `^hl-…`. */
  blockId: string;
  /** Unique among the briefing's items (`n1`, `n2`…): prefixes the ids a note's footnotes get. */
  noteKey: string;
  excerpt: string;
  note: string;
  tags: string[];
  commentary: string;
  categoryName: string;
  source: DocumentSource;
  highlight: Highlight;
  /** True when the article was deleted and the item renders the excerpt and citation it kept. */
  kept: boolean;
}

/** A "Sources compared" section's comparison with its sources resolved and numbered; text cleaned. */
export interface DocumentComparison extends Omit<SourcesCompared, 'sources' | 'storyId'> {
  sources: DocumentSource[];
}

export interface DocumentSection {
  id: string;
  title: string;
  items: DocumentItem[];
  comparison: DocumentComparison | null;
}

/** Whether an export shows the section: one with items, or a "Sources compared" one. */
export const sectionShows = (section: DocumentSection) =>
  section.items.length > 0 || section.comparison !== null;

/** A source as a comparison's column heading: its outlet (or title), short. */
export function sourceLabel(source: DocumentSource): string {
  const label = source.outlet ?? source.title ?? 'Untitled article';
  return label.length > 28 ? `${label.slice(0, 27).trimEnd()}…` : label;
}

export interface BriefingDocument {
  briefing: Briefing;
  /** BCP 47 language of the briefing's own text (the app writes English). */
  language: string;
  /** The briefing's sections in order; `id` is the briefing section's id. */
  sections: DocumentSection[];
  sources: DocumentSource[];
  /** Items whose highlight no longer exists and that kept nothing of it, left out of the export. */
  missingItems: number;
}

export function blockIdFor(highlightId: string): string {
  return `hl-${highlightId
    .replace(/^h-/, '')
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 36)}`;
}

/** A URL a reader may follow from an export: http(s) only. */
export function linkableUrl(url: string | null): string | null {
  return url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null;
}

export const damagedMark = 'the source text is damaged in places';

/** The parts of a source's entry, in order: author, outlet, “title”, date, URL (some may be absent). */
export function citationParts(source: DocumentSource): { text: string; url?: string }[] {
  if (source.keptCitation !== null) {
    // Kept as text: its closing URL (the last part, when there is one) is still a link.
    const [, before, url] = /^(.*), (https?:\/\/[^\s<>"]+)$/su.exec(source.keptCitation) ?? [];
    return before && url ? [{ text: before }, { text: url, url }] : [{ text: source.keptCitation }];
  }
  const parts: { text: string; url?: string }[] = [];
  if (source.author) parts.push({ text: source.author });
  if (source.outlet) parts.push({ text: source.outlet });
  parts.push({ text: `“${nestQuotes(source.title || 'Untitled article')}”` });
  if (source.publishedAt) parts.push({ text: source.publishedAt.slice(0, 10) });
  if (source.url) {
    const url = linkableUrl(source.url);
    parts.push(url ? { text: url, url } : { text: source.url });
  }
  return parts;
}

/** The source's entry as plain text: `A. Writer, Kyiv Post, “Title”, 2025-08-19, https://…`. */
export function citation(source: DocumentSource): string {
  return citationParts(source)
    .map((part) => part.text)
    .join(', ');
}

export interface ItemParts {
  highlight: Highlight;
  commentary: string;
  categoryName: string;
  source: Omit<DocumentSource, 'number' | 'keptCitation'> & { keptCitation?: string | null };
  kept?: boolean;
}

/** A comparison's parts: its sources as citation parts (the live record's, or the ones it kept). */
export interface ComparisonParts extends Omit<SourcesCompared, 'sources'> {
  sources: ItemParts['source'][];
}

/** The document from plain parts, sections in order; sources numbered by first citation, all text cleaned. */
export function documentFromParts(
  briefing: Briefing,
  sections: { id: string; title: string; items: ItemParts[]; comparison?: ComparisonParts }[],
  missingItems = 0,
  language = 'en',
): BriefingDocument {
  const sources = new Map<string, DocumentSource>();
  let itemCount = 0;
  const sourceFor = (parts: ItemParts['source']): DocumentSource => {
    let source = sources.get(parts.articleId);
    if (!source) {
      const clean = (value: string | null) => (value === null ? null : cleanText(value).trim() || null);
      source = {
        number: sources.size + 1,
        articleId: parts.articleId,
        title: cleanText(parts.title).trim(),
        outlet: clean(parts.outlet),
        author: clean(parts.author),
        publishedAt: clean(parts.publishedAt),
        url: clean(parts.url),
        damaged: parts.damaged,
        keptCitation: parts.keptCitation ? cleanText(parts.keptCitation).trim() : null,
      };
      sources.set(parts.articleId, source);
    }
    return source;
  };
  const comparisonOf = ({
    storyId: _story,
    sources: parts,
    ...rest
  }: ComparisonParts): DocumentComparison => {
    // Columns in the order of the source list, [1] first.
    const numbered = parts.map(sourceFor);
    const order = numbered
      .map((_, column) => column)
      .sort((a, b) => numbered[a]!.number - numbered[b]!.number);
    const pick = <T>(values: readonly T[]) => order.map((column) => values[column]!);
    return {
      ...rest,
      storyName: cleanText(rest.storyName),
      sources: pick(numbered),
      entities: rest.entities.map((entity) => ({
        ...entity,
        label: cleanText(entity.label),
        counts: pick(entity.counts),
      })),
      quotes: rest.quotes.map((quote) => ({
        text: cleanText(quote.text),
        speaker: quote.speaker === null ? null : cleanText(quote.speaker),
        reported: pick(quote.reported),
      })),
      sharedSentences: pick(rest.sharedSentences),
      singleSourceSentences: pick(rest.singleSourceSentences),
    };
  };
  const cleanBriefing: Briefing = {
    ...briefing,
    title: cleanText(briefing.title),
    author: cleanText(briefing.author),
    date: cleanText(briefing.date),
    audience: cleanText(briefing.audience),
    bluf: cleanText(briefing.bluf),
  };
  return {
    briefing: cleanBriefing,
    language,
    sections: sections.map((section) => ({
      id: section.id,
      title: cleanText(section.title),
      items: section.items.map((item) => {
        itemCount += 1;
        return {
          blockId: blockIdFor(item.highlight.id),
          noteKey: `n${itemCount}`,
          excerpt: cleanText(item.highlight.quote.exact),
          note: cleanText(item.highlight.note),
          tags: item.highlight.tags.map(cleanText),
          commentary: cleanText(item.commentary),
          categoryName: cleanText(item.categoryName),
          source: sourceFor(item.source),
          highlight: item.highlight,
          kept: item.kept ?? false,
        };
      }),
      comparison: section.comparison ? comparisonOf(section.comparison) : null,
    })),
    sources: [...sources.values()],
    missingItems,
  };
}

/**
 * A kept item's highlight: the one it kept, or (kept before snapshots held it) one rebuilt from its
 * excerpt, dated by the briefing's last change (its own dates were not kept).
 */
function keptHighlight(item: BriefingItem, snapshot: KeptSnapshot, at: string): Highlight {
  if (snapshot.highlight) return snapshot.highlight;
  return {
    id: item.highlightId,
    categoryId: snapshot.categoryId,
    quote: { type: 'TextQuoteSelector', exact: snapshot.excerpt || ' ', prefix: '', suffix: '' },
    // An empty span: exporters leave out a position they do not know.
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
    rulesVersion: 0,
    note: snapshot.note,
    tags: [],
    createdAt: at,
    updatedAt: at,
    orphaned: false,
  };
}

/** An item whose article was deleted, from what it kept: its excerpt, note and citation as they were. */
function keptParts(item: BriefingItem, snapshot: KeptSnapshot, categoryName: string, at: string): ItemParts {
  const highlight = keptHighlight(item, snapshot, at);
  const source = snapshot.source;
  return {
    highlight: { ...highlight, note: snapshot.note, quote: { ...highlight.quote, exact: snapshot.excerpt } },
    commentary: item.commentary,
    categoryName,
    kept: true,
    source: source
      ? { articleId: item.articleId, ...source }
      : {
          articleId: item.articleId,
          title: snapshot.citation,
          outlet: null,
          author: null,
          publishedAt: null,
          url: null,
          damaged: false,
          keptCitation: snapshot.citation,
        },
  };
}

/** A library article's citation parts, as its source panel has them now. */
function sourceOfRecord(record: ArticleRecord): ItemParts['source'] {
  return {
    articleId: record.id,
    title: record.title,
    outlet: record.source.outlet,
    author: record.source.author,
    publishedAt: record.source.publishedAt,
    url: record.source.url,
    damaged: record.flagCount > 0,
  };
}

export function resolveBriefing(store: LibraryStore, briefing: Briefing): BriefingDocument {
  const records = new Map<string, ArticleRecord>(store.index().articles.map((record) => [record.id, record]));
  const categories = new Map(
    store.index().settings.categories.map((category) => [category.id, category.name]),
  );
  let missingItems = 0;
  // A comparison's source cites the article as the library has it now, or as it was kept.
  const comparisonParts = (comparison: SourcesCompared): ComparisonParts => ({
    ...comparison,
    sources: comparison.sources.map((kept) => {
      const record = records.get(kept.articleId);
      return record ? sourceOfRecord(record) : kept;
    }),
  });
  const sections = briefing.sections.map((section) => ({
    id: section.id,
    title: section.title,
    ...(section.comparison ? { comparison: comparisonParts(section.comparison) } : {}),
    items: section.items.flatMap((item): ItemParts[] => {
      const record = records.get(item.articleId);
      const highlight = record
        ? store.annotations(item.articleId).highlights.find((candidate) => candidate.id === item.highlightId)
        : undefined;
      if (!record || !highlight) {
        if (item.snapshot && item.snapshot.excerpt)
          return [
            keptParts(
              item,
              item.snapshot,
              categories.get(item.snapshot.categoryId) ?? item.snapshot.categoryId,
              briefing.updatedAt,
            ),
          ];
        missingItems += 1;
        return [];
      }
      return [
        {
          highlight,
          commentary: item.commentary,
          categoryName: categories.get(highlight.categoryId) ?? highlight.categoryId,
          source: sourceOfRecord(record),
        },
      ];
    }),
  }));
  return documentFromParts(briefing, sections, missingItems);
}
