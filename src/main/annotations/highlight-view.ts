/** A stored highlight as the renderer sees it: offsets, the quoted text, note, tags and state. */
import type { HighlightView } from '../../shared/contract';
import type { Highlight } from '../store/schemas/annotation-shard';

export function highlightView(highlight: Highlight): HighlightView {
  return {
    id: highlight.id,
    categoryId: highlight.categoryId,
    start: highlight.position.start,
    end: highlight.position.end,
    exact: highlight.quote.exact,
    note: highlight.note,
    tags: highlight.tags,
    orphaned: highlight.orphaned,
    createdAt: highlight.createdAt,
    updatedAt: highlight.updatedAt,
  };
}
