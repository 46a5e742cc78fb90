/**
 * A briefing as the renderer shows it: each item resolved to its excerpt, note,
 * category and numbered source, and the list of sources.
 */
import type { BriefingView } from '../../shared/contract';
import { citation, resolveBriefing, sourceLabel, type DocumentComparison } from './briefing-document';
import type { SourcesComparedView } from '../../shared/story-desk-contract';
import type { LibraryStore } from '../store/library-store';
import type { Briefing, BriefingItem } from '../store/schemas/briefings-file';

/** What each item of the briefings quoting `articleId` shows now, to keep once the article is gone. */
export function snapshotsFor(
  store: LibraryStore,
  articleId: string,
): Map<string, NonNullable<BriefingItem['snapshot']>> {
  const kept = new Map<string, NonNullable<BriefingItem['snapshot']>>();
  for (const briefing of store.briefings().briefings) {
    const document = resolveBriefing(store, briefing);
    for (const item of document.sections.flatMap((section) => section.items)) {
      // An item already showing what it kept keeps that, as it is.
      if (item.source.articleId !== articleId || item.kept) continue;
      kept.set(item.highlight.id, {
        excerpt: item.excerpt,
        note: item.note,
        citation: citation(item.source),
        categoryId: item.highlight.categoryId,
        source: {
          title: item.source.title,
          outlet: item.source.outlet,
          author: item.source.author,
          publishedAt: item.source.publishedAt,
          url: item.source.url,
          damaged: item.source.damaged,
        },
        highlight: item.highlight,
      });
    }
  }
  return kept;
}

function comparisonView({ sources, ...rest }: DocumentComparison): SourcesComparedView {
  return {
    ...rest,
    sourceNumbers: sources.map((source) => source.number),
    sourceLabels: sources.map(sourceLabel),
  };
}

export function briefingView(store: LibraryStore, briefing: Briefing): BriefingView {
  const document = resolveBriefing(store, briefing);
  const resolved = new Map(
    document.sections.flatMap((section) => section.items).map((item) => [item.highlight.id, item]),
  );
  return {
    ...briefing,
    sections: briefing.sections.map(({ comparison: _kept, ...section }, index) => ({
      ...section,
      ...(document.sections[index]?.comparison
        ? { comparison: comparisonView(document.sections[index].comparison) }
        : {}),
      items: section.items.map(({ snapshot: _kept, ...item }) => {
        const found = resolved.get(item.highlightId);
        return {
          ...item,
          excerpt: found?.excerpt ?? null,
          note: found?.note ?? '',
          categoryId: found?.highlight.categoryId ?? null,
          sourceNumber: found?.source.number ?? null,
          citation: found ? citation(found.source) : null,
          damagedSource: found?.source.damaged ?? false,
          kept: found?.kept ?? false,
        };
      }),
    })),
    sources: document.sources.map((source) => ({
      number: source.number,
      articleId: source.articleId,
      citation: citation(source),
      damaged: source.damaged,
    })),
  };
}
