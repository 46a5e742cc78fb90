/** Helpers for store tests: open a store in a temp folder and make sample highlights. */
import { afterEach } from 'vitest';
import {
  openLibraryStore,
  type LibraryStore,
  type OpenStoreOptions,
} from '../../src/main/store/library-store';
import type { Highlight } from '../../src/main/store/schemas/annotation-shard';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';

export function storeOpener(): (options: OpenStoreOptions) => Promise<LibraryStore> {
  const opened: LibraryStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return async (options) => {
    const store = await openLibraryStore(options);
    opened.push(store);
    return store;
  };
}

export function sampleHighlight(id: string, exact = 'a quoted passage'): Highlight {
  return {
    id,
    categoryId: 'key-judgment',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 7 + [...exact].length },
    rulesVersion: 1,
    note: `note for ${id}`,
    tags: ['tag'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    orphaned: false,
  };
}

export function sampleArticle(n: number) {
  return articleFromPlainText(`Headline number ${n}\n\nBody of article ${n}, with a few words.`, {
    sourceFile: `sample-${n}.txt`,
    addedAt: '2026-01-01T00:00:00.000Z',
  });
}

export function sampleBriefing(id: string) {
  return {
    id,
    title: `Briefing ${id}`,
    author: 'Analyst',
    date: '2026-01-02',
    audience: 'Desk',
    bluf: 'The bottom line.',
    sections: [{ id: `${id}-s`, title: 'Key judgments', categoryId: null, items: [] }],
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
  };
}

/**
 * Writes a store with something in every file (two articles, a highlight and a
 * note on the first, a briefing, one undo step), closes it, and opens and
 * closes it once more so the newest backup holds all of it.
 */
export async function writePopulatedStore(dir: string, now: () => Date): Promise<string[]> {
  const store = await openLibraryStore({ dir, now });
  const [first, second] = [sampleArticle(1), sampleArticle(2)];
  await store.addArticles([first, second]);
  const articleId = first.record.id;
  await store.updateAnnotations(articleId, (shard) => {
    shard.highlights.push(sampleHighlight('h-1'));
    shard.articleNote = { text: 'my article note', updatedAt: '2026-01-01T00:00:00.000Z' };
  });
  await store.updateBriefings((file) => {
    file.briefings.push(sampleBriefing('b-1'));
  });
  await store.updateOperations((log) => {
    log.undo.push({
      id: 'op-1',
      at: '2026-01-01T00:00:00.000Z',
      label: 'Edit the article note',
      articleId,
      target: 'article-note',
      before: null,
      after: { text: 'my article note', updatedAt: '2026-01-01T00:00:00.000Z' },
    });
  });
  await store.close();
  await (await openLibraryStore({ dir, now })).close();
  return [first.record.id, second.record.id];
}
