/**
 * Highlights and notes through the IPC dispatcher on a real store: creation
 * from offsets, validation (whitespace-only, unknown ids, offsets out of range,
 * unknown categories), edits, deletion, the article note, undo and redo across
 * a restart, and re-anchoring or orphaning when an article's text changes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

async function app(dataDir?: string) {
  const dir = dataDir ?? (await makeTempDir());
  const { core, call, ok } = await dispatchApp(dir);
  const articles = await ok('listArticles', {});
  const longSeed = articles.find((article) => article.sourceFile === '001_65831639b4f4e14b.txt')!;
  const article = await ok('getArticle', { id: longSeed.id });
  const text = article.blocks
    .flatMap((block) =>
      block.kind === 'list' ? block.items.map((i) => i.text) : 'text' in block ? [block.text] : [],
    )
    .join('\n\n');
  /** Code-point range of a phrase in the article's body text (blocks joined as the cleaner joins them). */
  const rangeOf = (phrase: string) => {
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    return { start, end: start + [...phrase].length };
  };
  return { dir, core, call, ok, articleId: longSeed.id, rangeOf };
}

describe('highlights', () => {
  it('are created from a selection, stored with selectors, and listed in the article', async () => {
    const { ok, articleId, rangeOf, dir } = await app();
    const created = (
      await ok('createHighlight', {
        articleId,
        ...rangeOf('Humanitarian agencies have said'),
        categoryId: 'evidence',
      })
    ).highlight;
    expect(created).toMatchObject({
      exact: 'Humanitarian agencies have said',
      categoryId: 'evidence',
      orphaned: false,
      note: '',
      tags: [],
    });
    const shard = JSON.parse(await readFile(storeLayout(dir).annotationFile(articleId), 'utf8'));
    expect(shard.highlights[0].quote).toMatchObject({
      type: 'TextQuoteSelector',
      exact: 'Humanitarian agencies have said',
    });
    expect([...shard.highlights[0].quote.prefix]).toHaveLength(32);
    expect(shard.highlights[0].position).toEqual({
      type: 'TextPositionSelector',
      ...rangeOf('Humanitarian agencies have said'),
    });
    expect((await ok('getArticle', { id: articleId })).highlights.map((h) => h.id)).toEqual([created.id]);
    expect((await ok('listArticles', {})).find((a) => a.id === articleId)).toMatchObject({
      highlightCount: 1,
    });
  });

  it('span several blocks and may overlap, each independent', async () => {
    const { ok, articleId, rangeOf } = await app();
    const across = rangeOf('War Fatigue Confronts the Diplomatic Urgency\n\nThe economy and the society');
    const outer = (await ok('createHighlight', { articleId, ...across, categoryId: 'key-judgment' }))
      .highlight;
    expect(outer.exact).toContain('\n\n');
    const inner = (
      await ok('createHighlight', {
        articleId,
        ...rangeOf('Diplomatic Urgency'),
        categoryId: 'question',
      })
    ).highlight;
    await ok('deleteHighlight', { articleId, highlightId: outer.id });
    expect((await ok('getArticle', { id: articleId })).highlights.map((h) => h.id)).toEqual([inner.id]);
  });

  it.each([
    [
      'a whitespace-only selection',
      (r: { start: number }) => ({ start: r.start - 1, end: r.start }),
      'invalid-request',
      /only white space/,
    ],
    [
      'offsets past the end of the text',
      () => ({ start: 0, end: 9_000_000 }),
      'invalid-request',
      /outside the article/,
    ],
  ])('refuse %s with a typed error', async (_label, range, code, message) => {
    const { call, articleId, rangeOf } = await app();
    const envelope = await call('createHighlight', {
      articleId,
      ...range(rangeOf('War Fatigue')),
      categoryId: 'evidence',
    });
    expect(envelope).toMatchObject({ ok: false, error: { code } });
    if (!envelope.ok) expect(envelope.error.message).toMatch(message);
  });

  it('report unknown articles, highlights and categories as typed errors', async () => {
    const { call, articleId, rangeOf } = await app();
    expect(
      await call('createHighlight', { articleId: 'a-missing', start: 0, end: 4, categoryId: 'evidence' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await call('createHighlight', { articleId, ...rangeOf('War Fatigue'), categoryId: 'gossip' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('updateHighlight', { articleId, highlightId: 'h-missing', note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('deleteHighlight', { articleId, highlightId: 'h-missing' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('take a category, a long Markdown note and tags, kept as text', async () => {
    const { ok, articleId, rangeOf } = await app();
    const highlight = (
      await ok('createHighlight', {
        articleId,
        ...rangeOf('War Fatigue'),
        categoryId: 'evidence',
      })
    ).highlight;
    const longNote = `# Why it matters\n\n${'The war has exhausted both sides. '.repeat(3100)}`.slice(
      0,
      100_000,
    );
    await ok('updateHighlight', {
      articleId,
      highlightId: highlight.id,
      categoryId: 'counterpoint',
      note: longNote,
    });
    const tagged = (
      await ok('updateHighlight', {
        articleId,
        highlightId: highlight.id,
        tags: [' nato ', 'nato', '<b>bold</b>', 'sanctions'],
      })
    ).highlight;
    expect(tagged).toMatchObject({ categoryId: 'counterpoint', tags: ['nato', '<b>bold</b>', 'sanctions'] });
    expect(tagged.note).toHaveLength(100_000);
    expect(await ok('listTags', {})).toEqual(['<b>bold</b>', 'nato', 'sanctions']);
  });
});

describe('the article note', () => {
  it('is saved, replaced and cleared', async () => {
    const { ok, articleId } = await app();
    await ok('setArticleNote', { articleId, text: 'First thoughts.' });
    await ok('setArticleNote', { articleId, text: 'Better thoughts.' });
    expect((await ok('getArticle', { id: articleId })).articleNote?.text).toBe('Better thoughts.');
    await ok('setArticleNote', { articleId, text: '   ' });
    expect((await ok('getArticle', { id: articleId })).articleNote).toBeNull();
  });
});

describe('undo and redo', () => {
  it('undo a deletion, an edit and a creation in turn, and redo them, across a restart', async () => {
    const first = await app();
    const { articleId, rangeOf } = first;
    const highlight = (
      await first.ok('createHighlight', {
        articleId,
        ...rangeOf('War Fatigue'),
        categoryId: 'evidence',
      })
    ).highlight;
    await first.ok('updateHighlight', { articleId, highlightId: highlight.id, note: 'keep this' });
    await first.ok('deleteHighlight', { articleId, highlightId: highlight.id });
    await first.core.close();

    const second = await app(first.dir);
    const ids = async () => (await second.ok('getArticle', { id: articleId })).highlights;
    expect(await ids()).toEqual([]);
    expect(await second.ok('undo', {})).toMatchObject({
      done: true,
      articleId,
      label: expect.stringMatching(/^delete/),
    });
    expect(await ids()).toMatchObject([{ id: highlight.id, note: 'keep this' }]);
    await second.ok('undo', {});
    expect(await ids()).toMatchObject([{ id: highlight.id, note: '' }]);
    await second.ok('undo', {});
    expect(await ids()).toEqual([]);
    expect(await second.ok('undo', {})).toEqual({ done: false, articleId: null, label: null, change: null });
    await second.ok('redo', {});
    await second.ok('redo', {});
    expect(await ids()).toMatchObject([{ id: highlight.id, note: 'keep this' }]);
  });

  it('a new change clears the redo history', async () => {
    const { ok, articleId, rangeOf } = await app();
    await ok('createHighlight', { articleId, ...rangeOf('War Fatigue'), categoryId: 'evidence' });
    await ok('undo', {});
    await ok('setArticleNote', { articleId, text: 'A note' });
    expect(await ok('redo', {})).toMatchObject({ done: false });
    await ok('undo', {});
    expect((await ok('getArticle', { id: articleId })).articleNote).toBeNull();
  });
});

describe('re-anchoring when the text changes', () => {
  it('moves highlights whose words moved, and orphans those whose words are gone, keeping quote and note', async () => {
    const { ok, articleId, rangeOf, dir, core } = await app();
    const moved = (
      await ok('createHighlight', {
        articleId,
        ...rangeOf('Humanitarian agencies have said'),
        categoryId: 'evidence',
      })
    ).highlight;
    const gone = (
      await ok('createHighlight', {
        articleId,
        ...rangeOf('War Fatigue Confronts the Diplomatic Urgency'),
        categoryId: 'question',
      })
    ).highlight;
    await ok('updateHighlight', { articleId, highlightId: gone.id, note: 'my note on the heading' });
    await core.close();

    const file = storeLayout(dir).articleFile(articleId);
    const article = JSON.parse(await readFile(file, 'utf8'));
    article.rawText = article.rawText
      .replace('War Fatigue Confronts the Diplomatic Urgency', 'A Completely Different Heading Now')
      .replace('In 2025,', 'In the year 2025, as everyone knows,');
    article.cleaned.rulesVersion = 0;
    await writeFile(file, JSON.stringify(article));

    const again = await app(dir);
    const view = await again.ok('getArticle', { id: articleId });
    const byId = new Map(view.highlights.map((h) => [h.id, h]));
    expect(byId.get(moved.id)).toMatchObject({
      orphaned: false,
      exact: 'Humanitarian agencies have said',
      start: again.rangeOf('Humanitarian agencies have said').start,
    });
    expect(byId.get(gone.id)).toMatchObject({
      orphaned: true,
      exact: 'War Fatigue Confronts the Diplomatic Urgency',
      note: 'my note on the heading',
    });

    const reattached = (
      await again.ok('updateHighlight', {
        articleId,
        highlightId: gone.id,
        reattach: again.rangeOf('A Completely Different Heading'),
      })
    ).highlight;
    expect(reattached).toMatchObject({
      orphaned: false,
      exact: 'A Completely Different Heading',
      note: 'my note on the heading',
    });
  });
});

describe('categories', () => {
  it('can be renamed and recoloured, but not added or removed', async () => {
    const { ok, call } = await app();
    const settings = await ok('getSettings', {});
    const renamed = settings.categories.map((category, n) =>
      n === 0 ? { ...category, name: 'Bottom line', color: '#ff0000' } : category,
    );
    expect((await ok('updateSettings', { categories: renamed })).categories[0]).toEqual({
      id: 'key-judgment',
      name: 'Bottom line',
      color: '#ff0000',
    });
    const swapped = [settings.categories[1]!, settings.categories[0]!, ...settings.categories.slice(2)];
    expect(await call('updateSettings', { categories: swapped })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('concurrent edits', () => {
  it('to one highlight (note, tags and category at once) all land', async () => {
    const { ok, articleId, rangeOf } = await app();
    const highlight = (
      await ok('createHighlight', {
        articleId,
        ...rangeOf('War Fatigue'),
        categoryId: 'evidence',
      })
    ).highlight;
    await Promise.all([
      ok('updateHighlight', { articleId, highlightId: highlight.id, note: 'a note' }),
      ok('updateHighlight', { articleId, highlightId: highlight.id, tags: ['nato'] }),
      ok('updateHighlight', { articleId, highlightId: highlight.id, categoryId: 'question' }),
    ]);
    const [stored] = (await ok('getArticle', { id: articleId })).highlights;
    expect(stored).toMatchObject({ note: 'a note', tags: ['nato'], categoryId: 'question' });
  });
});
