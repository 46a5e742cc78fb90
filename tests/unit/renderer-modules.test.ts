/**
 * The renderer's pure modules: applying change replies, handing blocks their
 * highlights (same arrays when unchanged), snapping selections to words, one
 * date format, ids without crypto.randomUUID, and the keymap (resolution per
 * scope, and the README's key table is exactly the keymap's).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AnnotationChange, ArticleView, HighlightView } from '../../src/shared/contract';
import type { Block } from '../../src/shared/cleaned-article';
import { patchArticle, patchHighlights, withTagsOf } from '../../src/renderer/src/lib/annotation-patch';
import { blocksTouching, highlightsByBlock } from '../../src/renderer/src/lib/highlights-by-block';
import { snapEnd, snapStart } from '../../src/renderer/src/lib/word-snap';
import { formatDate } from '../../src/renderer/src/lib/format';
import { localId } from '../../src/renderer/src/lib/local-id';
import { keyTable, resolveKey, type KeyPress } from '../../src/renderer/src/lib/keymap';
import { linesInRange } from '../../src/renderer/src/lib/reader-dom';

const highlight = (
  id: string,
  start: number,
  end: number,
  extra: Partial<HighlightView> = {},
): HighlightView => ({
  id,
  categoryId: 'evidence',
  start,
  end,
  exact: 'x',
  note: '',
  tags: [],
  orphaned: false,
  createdAt: 't',
  updatedAt: 't',
  ...extra,
});

const summary = (highlightCount: number) => ({
  id: 'a-1',
  title: 'Title',
  titleDerived: false,
  wordCount: 10,
  readingMinutes: 1,
  addedAt: 't',
  sourceFile: null,
  source: { outlet: null, author: null, publishedAt: null, url: null },
  flagCount: 0,
  highlightCount,
  noteCount: 0,
  tags: [],
  read: false,
  readingProgress: 0,
});

const change = (parts: Partial<AnnotationChange>): AnnotationChange => ({
  articleId: 'a-1',
  summary: summary(2),
  highlights: [],
  removedHighlightIds: [],
  ...parts,
});

describe('applying change replies', () => {
  it('replaces, adds and removes highlights, and keeps the untouched ones as they were', () => {
    const a = highlight('a', 0, 5);
    const b = highlight('b', 6, 9);
    const next = patchHighlights(
      [a, b],
      change({ highlights: [highlight('b', 6, 9, { note: 'n' }), highlight('c', 1, 2)] }),
    );
    expect(next.map((h) => [h.id, h.note])).toEqual([
      ['a', ''],
      ['b', 'n'],
      ['c', ''],
    ]);
    expect(next[0]).toBe(a);
    expect(patchHighlights(next, change({ removedHighlightIds: ['a'] })).map((h) => h.id)).toEqual([
      'b',
      'c',
    ]);
  });

  it('patches the open article (summary, note) only when the change is its own', () => {
    const article = {
      ...summary(1),
      highlights: [highlight('a', 0, 5)],
      articleNote: null,
    } as unknown as ArticleView;
    const patched = patchArticle(
      article,
      change({ articleNote: { text: 'N', updatedAt: 't' }, summary: { ...summary(1), noteCount: 1 } }),
    );
    expect(patched).toMatchObject({ noteCount: 1, articleNote: { text: 'N' } });
    expect(patchArticle(patched, change({ summary: summary(1) })).articleNote).toEqual({
      text: 'N',
      updatedAt: 't',
    });
    expect(patchArticle(article, { ...change({}), articleId: 'a-2' })).toBe(article);
  });

  it('keeps the tags in use for completion', () => {
    expect(
      withTagsOf(['aid'], change({ highlights: [highlight('a', 0, 1, { tags: ['nato', 'aid'] })] })),
    ).toEqual(['aid', 'nato']);
    // A change with no new tag (a note save) keeps the very same list, so nothing showing it re-renders.
    const known = ['aid', 'nato'];
    expect(withTagsOf(known, change({ highlights: [highlight('a', 0, 1, { tags: ['nato'] })] }))).toBe(known);
    expect(withTagsOf(known, change({}))).toBe(known);
  });
});

describe('highlights by block', () => {
  const blocks = [
    { kind: 'paragraph', text: 'aaaa', start: 0, end: 4 },
    { kind: 'break' },
    { kind: 'paragraph', text: 'bbbb', start: 6, end: 10 },
    { kind: 'paragraph', text: 'cccc', start: 12, end: 16 },
  ] as unknown as Block[];

  it('gives each block the highlights touching it, across blocks, and none to breaks', () => {
    const across = highlight('x', 2, 13);
    const inner = highlight('y', 7, 8);
    const result = highlightsByBlock(blocks, [inner, across, highlight('o', 0, 1, { orphaned: true })]);
    expect(result.map((list) => list.map((h) => h.id))).toEqual([['x'], [], ['x', 'y'], ['x']]);
  });

  it('finds the blocks a range touches, skipping breaks', () => {
    expect(blocksTouching(blocks, 2, 13)).toEqual([0, 2, 3]);
    expect(blocksTouching(blocks, 7, 8)).toEqual([2]);
    expect(blocksTouching(blocks, 4, 6)).toEqual([]);
    expect(blocksTouching(blocks, 16, 20)).toEqual([]);
  });

  it('returns the same array for a block whose highlights did not change', () => {
    const a = highlight('a', 0, 2);
    const b = highlight('b', 7, 8);
    const first = highlightsByBlock(blocks, [a, b]);
    const second = highlightsByBlock(blocks, [a, b, highlight('c', 12, 13)], first);
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[3]!.map((h) => h.id)).toEqual(['c']);
  });

  it('keeps a block when its highlight changed only in what the block does not paint (a note), not in colour or place', () => {
    const a = highlight('a', 0, 2);
    const first = highlightsByBlock(blocks, [a]);
    expect(highlightsByBlock(blocks, [{ ...a, note: 'a note', tags: ['t'] }], first)[0]).toBe(first[0]);
    expect(highlightsByBlock(blocks, [{ ...a, categoryId: 'question' }], first)[0]).not.toBe(first[0]);
    expect(highlightsByBlock(blocks, [{ ...a, end: 3 }], first)[0]).not.toBe(first[0]);
  });
});

describe('word snapping', () => {
  const text = 'The ceasefire’s terms were vague.';
  it('moves a start inside a word back to its start, and an end forward to its end', () => {
    expect(text.slice(snapStart(text, 7), snapEnd(text, 19))).toBe('ceasefire’s terms');
    expect(snapStart(text, 4)).toBe(4);
    expect(snapEnd(text, 3)).toBe(3);
    expect(snapEnd(text, 30)).toBe(32);
  });
});

describe('formats and ids', () => {
  it('shows every date one way, whatever the time zone', () => {
    expect(formatDate('2025-08-19')).toBe('19 Aug 2025');
    expect(formatDate('2025-08-19T23:30:00-05:00')).toBe('19 Aug 2025');
    expect(formatDate('someday')).toBe('someday');
  });

  it('makes distinct ids without crypto.randomUUID', () => {
    const saved = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, () => localId('s')));
      expect(ids.size).toBe(100);
      expect([...ids][0]).toMatch(/^s-[0-9a-f]{24}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: saved, configurable: true });
    }
  });
});

describe('the keymap', () => {
  const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('resolves keys per scope', () => {
    expect(resolveKey('anywhere', press('z', { ctrlKey: true }))?.action).toBe('undo');
    expect(resolveKey('anywhere', press('Z', { metaKey: true, shiftKey: true }))?.action).toBe('redo');
    expect(resolveKey('anywhere', press('y', { ctrlKey: true }))?.action).toBe('redo');
    expect(resolveKey('anywhere', press('?', { shiftKey: true }))?.action).toBe('show-keys');
    expect(resolveKey('library', press('j'))?.action).toBe('next');
    expect(resolveKey('library', press('End'))?.action).toBe('last');
    expect(resolveKey('reader', press('j'))?.action).toBe('focus-next');
    expect(resolveKey('reader', press('3'))?.action).toBe('highlight');
    expect(resolveKey('reader', press('6'))).toBeNull();
    expect(resolveKey('reader', press('Delete'))?.action).toBe('delete-highlight');
    expect(resolveKey('reader', press('x'))?.action).toBe('remove-lines');
    expect(resolveKey('reader', press('b', { ctrlKey: true }))).toBeNull();
    expect(resolveKey('anywhere', press('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('is exactly the README’s key table', async () => {
    const readme = await readFile('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('| Key '));
    const rows = table
      .slice(0, table.indexOf('\n\n'))
      .split('\n')
      .slice(2)
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .map(([keys, where, does]) => ({ keys, where, does }));
    expect(rows).toEqual(keyTable());
  });
});

describe('the lines a reader takes out of the article', () => {
  const blocks: Block[] = [
    { kind: 'paragraph', text: 'First para', lines: [3, 4], start: 0, end: 10 },
    { kind: 'break', marker: '***', lines: [5], start: 10, end: 10 },
    {
      kind: 'list',
      ordered: false,
      items: [
        { marker: '-', text: 'one', line: 7, start: 12, end: 15 },
        { marker: '-', text: 'two', line: 8, start: 16, end: 19 },
      ],
      lines: [7, 8],
      start: 12,
      end: 19,
    },
    { kind: 'heading', text: 'Head', marker: null, lines: [10], start: 21, end: 25 },
  ];
  it.each([
    ['a word in the first paragraph', { start: 2, end: 4 }, [3, 4]],
    ['from the paragraph into the list', { start: 8, end: 13 }, [3, 4, 7, 8]],
    ['the list and the heading', { start: 14, end: 22 }, [7, 8, 10]],
    ['only the blank between blocks', { start: 19, end: 21 }, []],
    ['a focused block (its whole range)', { start: 21, end: 25 }, [10]],
  ])('%s', (_name, range, lines) => {
    expect(linesInRange(blocks, range)).toEqual(lines);
  });
});
