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
