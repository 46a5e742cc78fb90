/**
 * Applies a change reply to what the renderer holds: the highlights of an open
 * article, its note and summary, and the tags in use. Pure, so
 * it is unit-tested, and the reader never reloads a whole article per edit.
 */
import type { AnnotationChange, ArticleView, HighlightView } from '../../../shared/contract';

export function patchHighlights(list: readonly HighlightView[], change: AnnotationChange): HighlightView[] {
  const replaced = new Map(change.highlights.map((highlight) => [highlight.id, highlight]));
  const removed = new Set(change.removedHighlightIds);
  const next = list
    .filter((highlight) => !removed.has(highlight.id))
    .map((highlight) => replaced.get(highlight.id) ?? highlight);
  const present = new Set(list.map((highlight) => highlight.id));
  for (const highlight of change.highlights) if (!present.has(highlight.id)) next.push(highlight);
  return next;
}

export function patchArticle(article: ArticleView, change: AnnotationChange): ArticleView {
  if (article.id !== change.articleId) return article;
  return {
    ...article,
    ...change.summary,
    highlights: patchHighlights(article.highlights, change),
    articleNote: change.articleNote !== undefined ? change.articleNote : article.articleNote,
  };
}

/** A highlight with its article, as the highlights view lists it. */
export interface LibraryHighlight {
  articleId: string;
  articleTitle: string;
  highlight: HighlightView;
}

/**
 * Tags used anywhere, with the tags of the changed highlights added (for completion): the very same
 * list when none is new (a note save), so what shows the tags is not rendered again.
 */
export function withTagsOf(known: string[], change: AnnotationChange): string[] {
  const tags = new Set(known);
  if (change.highlights.every((highlight) => highlight.tags.every((tag) => tags.has(tag)))) return known;
  for (const highlight of change.highlights) for (const tag of highlight.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
