/**
 * The highlights view's filters: category, tag, story and text (over quote,
 * note and article title, ignoring case and accents), with category counts
 * that follow the other filters; orphaned highlights left out; grouping by
 * article keeps each article's order.
 */
import { describe, expect, it } from 'vitest';
import type { LibraryHighlight } from '../../src/renderer/src/lib/annotation-patch';
import {
  filterHighlights,
  groupedByArticle,
  highlightHaystacks,
  highlightTags,
  noHighlightFilter,
  startsGroup,
} from '../../src/renderer/src/lib/highlight-query';

function item(
  articleId: string,
  id: string,
  parts: { category?: string; note?: string; tags?: string[]; exact?: string; orphaned?: boolean } = {},
): LibraryHighlight {
  return {
    articleId,
    articleTitle: `Article ${articleId}`,
    highlight: {
      id,
      categoryId: parts.category ?? 'evidence',
      start: 0,
      end: 5,
      exact: parts.exact ?? `quote ${id}`,
      note: parts.note ?? '',
      tags: parts.tags ?? [],
      orphaned: parts.orphaned ?? false,
      createdAt: '',
      updatedAt: '',
    },
  };
}

const items = groupedByArticle([
  item('a', 'h1', { category: 'key-judgment', tags: ['nato'] }),
  item('b', 'h2', { note: 'Sécurité guarantees matter' }),
  item('a', 'h3', { exact: 'Troops on the border', tags: ['nato'] }),
  item('c', 'h4', { orphaned: true }),
]);
const haystacks = highlightHaystacks(items);
const ids = (list: LibraryHighlight[]) => list.map((entry) => entry.highlight.id);

describe('the highlights view', () => {
  it('groups by article in order and marks where each group starts', () => {
    expect(ids(items)).toEqual(['h1', 'h3', 'h2', 'h4']);
    expect(items.map((_, at) => startsGroup(items, at))).toEqual([true, false, true, true]);
  });

  it('filters by category, tag, story and text, counting categories under the other filters', () => {
    const all = filterHighlights(items, haystacks, noHighlightFilter);
    expect(ids(all.shown)).toEqual(['h1', 'h3', 'h2']);
    expect(all.beforeCategory).toBe(3);
    expect(Object.fromEntries(all.categoryCounts)).toEqual({ 'key-judgment': 1, evidence: 2 });

    const tagged = filterHighlights(items, haystacks, {
      ...noHighlightFilter,
      tag: 'nato',
      categoryId: 'evidence',
    });
    expect(ids(tagged.shown)).toEqual(['h3']);
    expect(Object.fromEntries(tagged.categoryCounts)).toEqual({ 'key-judgment': 1, evidence: 1 });

    const inStory = filterHighlights(items, haystacks, {
      ...noHighlightFilter,
      storyArticles: new Set(['b']),
    });
    expect(ids(inStory.shown)).toEqual(['h2']);
    expect(ids(filterHighlights(items, haystacks, { ...noHighlightFilter, text: 'SECURITE' }).shown)).toEqual(
      ['h2'],
    );
    expect(ids(filterHighlights(items, haystacks, { ...noHighlightFilter, text: ' border ' }).shown)).toEqual(
      ['h3'],
    );
    expect(
      ids(filterHighlights(items, haystacks, { ...noHighlightFilter, text: 'article a' }).shown),
    ).toEqual(['h1', 'h3']);
  });

  it('lists the tags in use once each, alphabetically, for the tag filter', () => {
    const tagged = [...items, item('c', 'h9', { tags: ['aid', 'nato', 'Zelensky'] })];
    expect(highlightTags(tagged)).toEqual(['aid', 'nato', 'Zelensky']);
    expect(highlightTags([])).toEqual([]);
  });
});
