/**
 * What the search index holds for an article, as small documents with ids that
 * say what they are, so one article's parts can be replaced alone (a title edit
 * never re-indexes the body; a highlight save only its highlight and note):
 *
 *   a:<article>             title, outlet, author, article tags
 *   b:<article>             the article's cleaned text
 *   h:<article>:<highlight> the highlighted passage, its tags
 *   n:<article>:<highlight> the highlight's note, its tags
 *   n:<article>:            the article note
 */
import type { ArticleRecord } from '../store/schemas/library-index';
import type { AnnotationShard, Highlight } from '../store/schemas/annotation-shard';
import type { SearchKind } from './parse-query';

export interface SearchDocument {
  id: string;
  title?: string;
  people?: string;
  text?: string;
  tags?: string;
}

/** Article tags arrive with another change (issue 14b); read them only when present. */
export function articleTags(record: ArticleRecord): string[] {
  const tags = (record as ArticleRecord & { tags?: unknown }).tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

export function metaDocument(record: ArticleRecord): SearchDocument {
  return {
    id: `a:${record.id}`,
    title: record.title,
    people: [record.source.outlet, record.source.author].filter(Boolean).join(' '),
    tags: articleTags(record).join(' '),
  };
}

export function bodyDocument(articleId: string, text: string): SearchDocument {
  return { id: `b:${articleId}`, text };
}

/** The documents of one highlight: its passage, and its note when it has one. */
export function highlightDocuments(articleId: string, highlight: Highlight): SearchDocument[] {
  const tags = highlight.tags.join(' ');
  const docs: SearchDocument[] = [
    { id: `h:${articleId}:${highlight.id}`, text: highlight.quote.exact, tags },
  ];
  if (highlight.note.trim()) docs.push({ id: `n:${articleId}:${highlight.id}`, text: highlight.note, tags });
  return docs;
}

export function articleNoteDocument(shard: AnnotationShard): SearchDocument | null {
  const text = shard.articleNote?.text.trim();
  return text ? { id: `n:${shard.articleId}:`, text } : null;
}

/** What changed in a highlight as far as search is concerned. */
export function highlightSignature(highlight: Highlight): string {
  return `${highlight.updatedAt}|${highlight.quote.exact.length}|${highlight.note.length}|${highlight.tags.join(',')}|${highlight.categoryId}`;
}

export interface DocumentAddress {
  kind: SearchKind;
  /** Which part of the article: its record, or its body. */
  part: 'meta' | 'body' | 'highlight' | 'note';
  articleId: string;
  /** The highlight; null for the article note and the article's own parts. */
  highlightId: string | null;
}

export function addressOf(id: string): DocumentAddress {
  const [prefix, articleId = '', highlightId = ''] = id.split(':');
  if (prefix === 'a' || prefix === 'b')
    return { kind: 'article', part: prefix === 'a' ? 'meta' : 'body', articleId, highlightId: null };
  if (prefix === 'h') return { kind: 'highlight', part: 'highlight', articleId, highlightId };
  return { kind: 'note', part: 'note', articleId, highlightId: highlightId || null };
}
