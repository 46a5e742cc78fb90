/**
 * The renderer's state classes, compiled by Svelte as the app compiles them:
 * notices expire on their own, a repeated message replaces its copy, at most
 * three show at once; the save path reports saving, saved and failures; a new
 * highlight is painted before its save answers and goes again if it fails.
 */
import { describe, expect, it } from 'vitest';
import { Notices, type NoticeTimers } from '../../src/renderer/src/state/notices.svelte';
import { Saves } from '../../src/renderer/src/state/saves.svelte';
import { Library } from '../../src/renderer/src/state/library.svelte';
import { LibraryQuery } from '../../src/renderer/src/state/library-query.svelte';
import { StoryList } from '../../src/renderer/src/state/story-list.svelte';
import { ReaderSession, provisionalPrefix } from '../../src/renderer/src/state/reader.svelte';
import { AppState } from '../../src/renderer/src/state/app-state.svelte';
import type { ArticleView } from '../../src/shared/contract';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: NoticeTimers = {
    set: (run) => {
      pending.set(++next, run);
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fireAll = () => [...pending.values()].forEach((run) => run());
  return { timers, pending, fireAll };
}

describe('notices', () => {
  it('expire on their own, replace a repeated message, and keep at most three', () => {
    const { timers, pending, fireAll } = manualTimers();
    const notices = new Notices({ info: 5000, error: 9000 }, timers);
    notices.show('Added to the briefing.');
    notices.show('Added to the briefing.');
    expect(notices.items.map((n) => n.text)).toEqual(['Added to the briefing.']);
    expect(pending.size).toBe(1);
    notices.show('Undid: highlight');
    notices.error('Not added: gone');
    notices.show('Deleted.');
    expect(notices.items.map((n) => n.text)).toEqual(['Undid: highlight', 'Not added: gone', 'Deleted.']);
    expect(notices.items[1]!.kind).toBe('error');
    fireAll();
    expect(notices.items).toEqual([]);
  });
});

describe('the save path', () => {
  it('says saving while a write is in flight, saved after, and keeps a failure until the next success', async () => {
    const saves = new Saves();
    expect(saves.state).toBe('idle');
    let finish!: (value: number) => void;
    const writing = saves.track(new Promise<number>((resolve) => (finish = resolve)));
    expect(saves.state).toBe('saving');
    finish(1);
    await writing;
    expect(saves.state).toBe('saved');
    await expect(saves.track(Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect([saves.state, saves.error]).toEqual(['error', 'disk full']);
    await saves.track(Promise.resolve(2));
    expect(saves.state).toBe('saved');
  });
});

describe('a new highlight in the reader', () => {
  const summary = {
    id: 'a-1',
    title: 'An article',
    titleDerived: false,
    wordCount: 3,
    readingMinutes: 1,
    sourceFile: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    highlightCount: 0,
    noteCount: 0,
  };
  const saved = (id: string) => ({
    id,
    categoryId: 'evidence',
    start: 0,
    end: 5,
    exact: 'Hello',
    note: '',
    tags: [],
    orphaned: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  /** A reader on an open article whose `createHighlight` answers when the test says. */
  function openReader() {
    let answer!: (envelope: unknown) => void;
    (globalThis as { window?: unknown }).window = {
      api: { createHighlight: () => new Promise((resolve) => (answer = resolve)) },
    };
    const saves = new Saves();
    const library = new Library(new LibraryQuery(saves), new StoryList(saves, new Notices()));
    const reader = new ReaderSession(saves, library);
    reader.article = {
      ...summary,
      blocks: [],
      flags: [],
      highlights: [],
      articleNote: null,
    } as unknown as ArticleView;
    return { reader, saves, answer: (envelope: unknown) => answer(envelope) };
  }

  it('is painted at once as a provisional highlight, then replaced by the saved one', async () => {
    const { reader, saves, answer } = openReader();
    const creating = reader.createHighlight({ start: 0, end: 5 }, 'evidence');
    expect(reader.article!.highlights).toHaveLength(1);
    expect(reader.article!.highlights[0]!.id.startsWith(provisionalPrefix)).toBe(true);
    expect(saves.state).toBe('saving');
    answer({
      ok: true,
      value: {
        highlight: saved('h-1'),
        change: { articleId: 'a-1', summary, highlights: [saved('h-1')], removedHighlightIds: [] },
      },
    });
    expect((await creating)?.id).toBe('h-1');
    expect(reader.article!.highlights.map((h) => h.id)).toEqual(['h-1']);
    expect(saves.state).toBe('saved');
  });

  it('leaves the article text the body renders untouched: the same object until the text itself changes', async () => {
    const { reader, answer } = openReader();
    const text = reader.text;
    expect(text).not.toBeNull();
    const creating = reader.createHighlight({ start: 0, end: 5 }, 'evidence');
    answer({
      ok: true,
      value: {
        highlight: saved('h-1'),
        change: { articleId: 'a-1', summary, highlights: [saved('h-1')], removedHighlightIds: [] },
      },
    });
    await creating;
    expect(reader.article!.highlights).toHaveLength(1);
    expect(reader.text).toBe(text);
    reader.showRecleaned({ ...reader.article!, blocks: [] });
    expect(reader.text).not.toBe(text);
    expect(reader.text!.blocks).toBe(reader.article!.blocks);
    reader.close();
    expect(reader.text).toBeNull();
  });

  it('goes again if the save fails, and the reader says why', async () => {
    const { reader, saves, answer } = openReader();
    const creating = reader.createHighlight({ start: 0, end: 5 }, 'evidence');
    expect(reader.article!.highlights).toHaveLength(1);
    answer({
      ok: false,
      error: { code: 'storage-failed', message: 'The disk is full: the highlight was not saved.' },
    });
    expect(await creating).toBeUndefined();
    expect(reader.article!.highlights).toEqual([]);
    expect(reader.error).toBe('The disk is full: the highlight was not saved.');
    expect(saves.state).toBe('error');
  });

  it('is added to the briefing when B is pressed before its save answers, once it is saved', async () => {
    let answer!: (envelope: unknown) => void;
    (globalThis as { window?: unknown }).window = {
      api: { createHighlight: () => new Promise((resolve) => (answer = resolve)) },
    };
    const app = new AppState();
    const added: [string, string][] = [];
    app.briefings.add = async (articleId, highlightId) => void added.push([articleId, highlightId]);
    app.reader.article = {
      ...summary,
      blocks: [],
      flags: [],
      highlights: [saved('h-0')],
      articleNote: null,
    } as unknown as ArticleView;

    const creating = app.reader.createHighlight({ start: 0, end: 5 }, 'evidence');
    const adding = app.addToBriefing('a-1', 'h-0');
    await Promise.resolve();
    expect(added).toEqual([]);
    answer({
      ok: true,
      value: {
        highlight: saved('h-1'),
        change: { articleId: 'a-1', summary, highlights: [saved('h-1')], removedHighlightIds: [] },
      },
    });
    await Promise.all([creating, adding]);
    expect(added).toEqual([['a-1', 'h-1']]);
    expect(app.reader.savingHighlight).toBeNull();

    // With no highlight being saved, B adds the selected one.
    await app.addToBriefing('a-1', 'h-0');
    expect(added).toEqual([
      ['a-1', 'h-1'],
      ['a-1', 'h-0'],
    ]);

    // A save that fails adds nothing.
    const failing = app.reader.createHighlight({ start: 0, end: 5 }, 'evidence');
    const notAdding = app.addToBriefing('a-1', null);
    answer({ ok: false, error: { code: 'storage-failed', message: 'The disk is full.' } });
    await Promise.all([failing, notAdding]);
    expect(added).toHaveLength(2);
  });
});
