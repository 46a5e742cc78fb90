/**
 * A briefing as the renderer shows it: each item resolved to its excerpt, note,
 * category and numbered source, and the list of sources.
 */
import type { BriefingView } from '../../shared/contract';
import { citation, resolveBriefing } from './briefing-document';
import type { LibraryStore } from '../store/library-store';
import type { Briefing } from '../store/schemas/briefings-file';

export function briefingView(store: LibraryStore, briefing: Briefing): BriefingView {
  const document = resolveBriefing(store, briefing);
  const resolved = new Map(
    document.sections.flatMap((section) => section.items).map((item) => [item.highlight.id, item]),
  );
  return {
    ...briefing,
    sections: briefing.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => {
        const found = resolved.get(item.highlightId);
        return {
          ...item,
          excerpt: found?.excerpt ?? null,
          note: found?.note ?? '',
          categoryId: found?.highlight.categoryId ?? null,
          sourceNumber: found?.source.number ?? null,
          citation: found ? citation(found.source) : null,
          damagedSource: found?.source.damaged ?? false,
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
