/**
 * The highlights view's pages, served from a real store: grouped by article
 * in library order, filtered by category, tag, story and text (quote, note,
 * article title; case and accents ignored), category counts under the other
 * filters, orphaned highlights left out, and only the rows asked for returned
 * (with where each article's group starts, and the first page's group starts);
 * the next page of one filter comes from the same pass until anything changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/main/app-services';
import { queryHighlights } from '../../src/main/annotations/highlight-pages';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import type { HighlightQuery } from '../../src/shared/contract';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const stores: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const everything: HighlightQuery = {
  categoryId: null,
  tag: null,
  storyId: null,
  text: '',
  offset: 0,
  limit: 100,
};

async function library() {
  const store = await openLibraryStore({ dir: await makeTempDir(), backups: false });
  stores.push(store);
  const texts = [
    'Alpha Report\n\nTroops massed on the border near the river crossing.\n',
    'Beta Report\n\nSecurity guarantees matter to the talks in Geneva.\n',
    'Gamma Report\n\nNothing of note happened here at all today.\n',
  ];
  const articles = texts.map((text, n) =>
    articleFromPlainText(text, { sourceFile: `${n}.txt`, addedAt: `2026-11-0${n + 1}T00:00:00.000Z` }),
  );
  await store.addArticles(articles);
  const [a, b, c] = articles.map((article) => article.record.id) as [string, string, string];
  const services = createAppServices(store);
  const mark = async (articleId: string, word: string, categoryId: string) => {
    const text = (await store.readArticle(articleId)).cleaned.text;
    const start = text.indexOf(word);
    return (await services.annotations.createHighlight(articleId, start, start + word.length, categoryId))
      .highlight.id;
  };
  const h1 = await mark(a, 'Troops', 'key-judgment');
  await services.annotations.updateHighlight(a, h1, { tags: ['nato'] });
  const h2 = await mark(b, 'Security', 'evidence');
  await services.annotations.updateHighlight(b, h2, { note: 'Sécurité first' });
  const h3 = await mark(a, 'border', 'evidence');
  await services.annotations.updateHighlight(a, h3, { tags: ['nato'] });
  const h4 = await mark(c, 'Nothing', 'evidence');
  await store.updateAnnotations(c, (draft) => {
    draft.highlights = draft.highlights.map((highlight) => ({ ...highlight, orphaned: true }));
  });
  const story = await services.stories.create('Talks', [b]);
  return { store, a, b, c, h1, h2, h3, h4, storyId: story.id };
}

const ids = (page: ReturnType<typeof queryHighlights>) => page.rows.map((row) => row.highlight.id);

describe('the highlights view served a page at a time', () => {
  it('groups by article in library order, leaves orphans out and counts categories', async () => {
    const { store, a, b, h1, h2, h3 } = await library();
    const all = queryHighlights(store, everything);
    expect(ids(all)).toEqual([h1, h3, h2]);
    expect(all.rows.map((row) => [row.index, row.groupStart, row.articleId])).toEqual([
      [0, true, a],
      [1, false, a],
      [2, true, b],
    ]);
    expect(all.rows[0]!.articleTitle).toBe('Alpha Report');
    expect(all).toMatchObject({ total: 4, matched: 3, shown: 3, tags: ['nato'], groupStarts: [0, 2] });
    expect(all.categoryCounts).toEqual({ 'key-judgment': 1, evidence: 2 });
  });

  it('filters by category, tag, story and folded text, with counts under the other filters', async () => {
    const { store, h2, h3, h1, storyId } = await library();
    const tagged = queryHighlights(store, { ...everything, tag: 'nato', categoryId: 'evidence' });
    expect(ids(tagged)).toEqual([h3]);
    expect(tagged).toMatchObject({ matched: 2, shown: 1 });
    expect(tagged.categoryCounts).toEqual({ 'key-judgment': 1, evidence: 1 });
    expect(ids(queryHighlights(store, { ...everything, storyId }))).toEqual([h2]);
    expect(ids(queryHighlights(store, { ...everything, storyId: 'no-such-story' }))).toEqual([]);
    expect(ids(queryHighlights(store, { ...everything, text: 'SECURITE' }))).toEqual([h2]);
    expect(ids(queryHighlights(store, { ...everything, text: ' border ' }))).toEqual([h3]);
    expect(ids(queryHighlights(store, { ...everything, text: 'alpha report' }))).toEqual([h1, h3]);
  });

  it('returns only the rows asked for, each with its place and its group start', async () => {
    const { store, h3, h2 } = await library();
    const page = queryHighlights(store, { ...everything, offset: 1, limit: 2 });
    expect(ids(page)).toEqual([h3, h2]);
    expect(page.rows.map((row) => [row.index, row.groupStart])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(page.shown).toBe(3);
    // Group starts come with the first page only.
    expect(page.groupStarts).toEqual([]);
  });

  it('tells with the first page what each row holds beyond its quote: a note, tags or briefings', async () => {
    const { store, a, h1, h3 } = await library();
    const services = createAppServices(store);
    // h1 and h3 have tags (2), h2 a note (1); the orphan is not shown.
    expect(queryHighlights(store, everything).rowShapes).toBe('221');
    await services.annotations.updateHighlight(a, h3, { tags: [] });
    expect(queryHighlights(store, everything).rowShapes).toBe('201');
    // A highlight in a briefing shows the briefings' line.
    const briefing = await services.briefings.create('Weekly');
    await services.briefings.addHighlight(briefing.id, a, h3);
    expect(queryHighlights(store, everything).rowShapes).toBe('221');
    await services.annotations.updateHighlight(a, h1, { note: 'Check this' });
    expect(queryHighlights(store, everything).rowShapes).toBe('321');
    expect(queryHighlights(store, { ...everything, categoryId: 'evidence' }).rowShapes).toBe('21');
    // With the first page only, as the group starts.
    expect(queryHighlights(store, { ...everything, offset: 1, limit: 2 }).rowShapes).toBe('');
  });

  it('follows a renamed article and an edited note', async () => {
    const { store, services, a, b, h2 } = await library().then(async (made) => ({
      ...made,
      services: createAppServices(made.store),
    }));
    expect(ids(queryHighlights(store, { ...everything, text: 'renamed' }))).toEqual([]);
    await store.updateArticleRecord(a, (record) => void (record.title = 'Renamed Report'));
    expect(queryHighlights(store, { ...everything, text: 'renamed' }).rows).toHaveLength(2);
    await services.annotations.updateHighlight(b, h2, { note: 'changed' });
    expect(ids(queryHighlights(store, { ...everything, text: 'securite first' }))).toEqual([]);
    expect(ids(queryHighlights(store, { ...everything, text: 'changed' }))).toEqual([h2]);
  });

  it('serves the next page of the same filter from its pass, and a new pass after any change', async () => {
    const made = await library();
    const { store, a, b, c, h1, h2, h3, storyId } = made;
    const services = createAppServices(store);
    const page = (offset = 0, limit = 100, filter: Partial<HighlightQuery> = {}) =>
      queryHighlights(store, { ...everything, ...filter, offset, limit });
    // The pages of one filter, asked in turn, are the rows of one pass.
    expect([...ids(page(0, 1)), ...ids(page(1, 1)), ...ids(page(2, 1))]).toEqual([h1, h3, h2]);
    expect(page(1, 1)).toMatchObject({ total: 4, shown: 3, groupStarts: [] });

    // Each change below is asked for again under the same filter, right after the page before it.
    const text = (await store.readArticle(c)).cleaned.text;
    const start = text.indexOf('happened');
    const h5 = (await services.annotations.createHighlight(c, start, start + 8, 'question')).highlight.id;
    expect(ids(page())).toEqual([h1, h3, h2, h5]);
    expect(page().groupStarts).toEqual([0, 2, 3]);
    expect(page().categoryCounts).toEqual({ 'key-judgment': 1, evidence: 2, question: 1 });

    await services.annotations.deleteHighlight(a, h1);
    expect(ids(page())).toEqual([h3, h2, h5]);
    await services.history.undo();
    // Back in its article's file (where the undo puts it there), so back in its group.
    const inA = store.annotations(a).highlights.map((highlight) => highlight.id);
    expect(inA.toSorted()).toEqual([h1, h3].toSorted());
    expect(ids(page())).toEqual([...inA, h2, h5]);

    expect(ids(page(0, 100, { tag: 'nato' }))).toEqual(inA);
    await services.annotations.updateHighlight(b, h2, { tags: ['nato'] });
    expect(ids(page(0, 100, { tag: 'nato' }))).toEqual([...inA, h2]);

    expect(ids(page(0, 100, { storyId }))).toEqual([h2]);
    await services.stories.addArticles(storyId, [a]);
    expect(ids(page(0, 100, { storyId }))).toEqual([...inA, h2]);

    expect(page(0, 100, { text: 'alpha' }).rows.map((row) => row.articleTitle)).toEqual([
      'Alpha Report',
      'Alpha Report',
    ]);
    await store.updateArticleRecord(a, (record) => void (record.title = 'Alpha Revised'));
    expect(page(0, 100, { text: 'alpha' }).rows.map((row) => row.articleTitle)).toEqual([
      'Alpha Revised',
      'Alpha Revised',
    ]);
  });

  it('picks a category from the pass of the other filters, each the same as its own fresh pass', async () => {
    const made = await library();
    const { store, c, h1, h2, h3 } = made;
    const page = (filter: Partial<HighlightQuery>) => queryHighlights(store, { ...everything, ...filter });
    // Chips clicked in turn over one pass of the other filters (no category, then each).
    const clicked = [null, 'evidence', 'key-judgment', null, 'evidence'].map((categoryId) =>
      page({ categoryId }),
    );
    expect(clicked.map(ids)).toEqual([[h1, h3, h2], [h3, h2], [h1], [h1, h3, h2], [h3, h2]]);
    // Group starts follow the category's rows: the first row of each article among them.
    expect(clicked.map((reply) => reply.groupStarts)).toEqual([[0, 2], [0, 1], [0], [0, 2], [0, 1]]);
    expect(clicked[1]).toMatchObject({ shown: 2, matched: 3, total: 4 });
    expect(clicked[1]!.rows.map((row) => row.groupStart)).toEqual([true, true]);
    // Equal to what a fresh pass answers: a new annotation file (of the orphans' article, so no row
    // shown changes) makes one.
    for (const categoryId of ['evidence', null, 'key-judgment']) {
      const picked = page({ categoryId });
      await store.updateAnnotations(c, (draft) => void (draft.highlights = [...draft.highlights]));
      expect(page({ categoryId })).toEqual(picked);
    }
    // A tag filter with a category: both apply, the counts under the tag alone.
    expect(ids(page({ tag: 'nato', categoryId: 'evidence' }))).toEqual([h3]);
    expect(page({ tag: 'nato', categoryId: 'evidence' }).categoryCounts).toEqual({
      'key-judgment': 1,
      evidence: 1,
    });
  });
});
