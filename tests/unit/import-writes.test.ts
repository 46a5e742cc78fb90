/**
 * Imports running at the same time share their store writes (one write for
 * the articles of every import that finished while the last write was on
 * disk), each import still resolving only once its own articles are written;
 * a shared write that fails is retried per import, so only the import whose
 * article failed fails; two imports of the same text at once import it once.
 */
import { describe, expect, it } from 'vitest';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { importArticles } from '../../src/main/importing/import-articles';
import type { PreparedArticle } from '../../src/main/importing/import-input';
import { writeImported } from '../../src/main/importing/import-writes';
import type { LibraryStore } from '../../src/main/store/library-store';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');
const prose =
  'Officials from thirty countries met on Tuesday to discuss support, and agreed to meet again in the spring. ';

const prepared = (title: string): PreparedArticle => {
  const article = articleFromPlainText(`${title}\n\n${prose}`, {
    sourceFile: `${title}.txt`,
    addedAt: now.toISOString(),
  });
  return {
    record: article.record,
    content: new TextEncoder().encode(JSON.stringify(article)),
    bodyBlank: false,
  };
};

/** The real store, with every write it is asked for recorded, and one title whose write fails. */
function recordingStore(store: LibraryStore, failing: string) {
  const writes: string[][] = [];
  const wrapped: LibraryStore = {
    ...store,
    addPreparedArticles: async (articles) => {
      writes.push(articles.map((article) => article.record.title));
      if (articles.some((article) => article.record.title === failing)) throw new Error('the disk is full');
      await store.addPreparedArticles(articles);
    },
  };
  return { wrapped, writes };
}

describe('imports running at the same time', () => {
  it('share a write, and a failed shared write fails only the import whose article failed', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const { wrapped, writes } = recordingStore(store, 'Broken');
    const noUrl = () => null;
    // The first starts writing at once; the next two arrive while it is on disk and are written together.
    const outcomes = await Promise.allSettled(
      ['First', 'Broken', 'Third'].map((title) => writeImported(wrapped, [prepared(title)], noUrl)),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('the disk is full'));
    expect(writes).toEqual([['First'], ['Broken', 'Third'], ['Broken'], ['Third']]);
    expect(
      store
        .index()
        .articles.map((record) => record.title)
        .sort(),
    ).toEqual(['First', 'Third']);
  });

  it('import the same text once when two imports of it run at once', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const text = new TextEncoder().encode(`Same\n\n${prose}`);
    const [one, two] = await Promise.all([
      importArticles(store, [{ name: 'one.txt', bytes: text }], now),
      importArticles(store, [{ name: 'two.txt', bytes: text }], now),
    ]);
    expect([one![0]!.status, two![0]!.status].sort()).toEqual(['duplicate', 'imported']);
    expect(store.index().articles.map((record) => record.title)).toEqual(['Same']);
  }, 60_000);
});
