/**
 * The saved search index, read apart from its check (search-index-file.ts,
 * `readSavedIndex`, which may run before the store is open), is trusted only
 * once checked against the store as opened: a library or an article text that
 * changed after the index was read makes it stale, as when it was read after
 * the open; damaged bytes are still found.
 */
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { matchSavedIndex, readSavedIndex, searchIndexPath } from '../../src/main/search/search-index-file';
import { storeFingerprint } from '../../src/main/search/store-fingerprint';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

/** A store (the bundled seeds) whose search index was built and saved on close. */
async function storeWithSavedIndex(): Promise<string> {
  const dataDir = await makeTempDir();
  const app = await dispatchApp(dataDir);
  await app.core.services!.search.idle();
  await app.core.close();
  return dataDir;
}

const articleFiles = (store: LibraryStore) =>
  store.index().articles.map((record) => store.layout.articleFile(record.id));

async function checkedAfterOpen(dataDir: string, saved: Awaited<ReturnType<typeof readSavedIndex>>) {
  const store = await openLibraryStore({ dir: dataDir, backups: false });
  try {
    return matchSavedIndex(saved, storeFingerprint(store), articleFiles(store));
  } finally {
    await store.close();
  }
}

describe('the search index read ahead of the store open', () => {
  it('is used when the store is as it was saved', async () => {
    const dataDir = await storeWithSavedIndex();
    const saved = await readSavedIndex(dataDir);
    expect(saved.state).toBe('read');
    expect((await checkedAfterOpen(dataDir, saved)).state).toBe('loaded');
  });

  it('is stale when a note changed after it was read', async () => {
    const dataDir = await storeWithSavedIndex();
    const saved = await readSavedIndex(dataDir);
    const store = await openLibraryStore({ dir: dataDir, backups: false });
    await store.updateAnnotations(store.index().articles[0]!.id, (shard) => {
      shard.articleNote = { text: 'Written after the read-ahead', updatedAt: new Date().toISOString() };
    });
    await store.close();
    expect(await checkedAfterOpen(dataDir, saved)).toEqual({
      state: 'stale',
      problem: 'the saved search index did not match the library',
    });
  });

  it('is stale when an article text was written after it was read', async () => {
    const dataDir = await storeWithSavedIndex();
    const saved = await readSavedIndex(dataDir);
    const store = await openLibraryStore({ dir: dataDir, backups: false });
    const file = articleFiles(store)[0]!;
    await store.close();
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect((await checkedAfterOpen(dataDir, saved)).state).toBe('stale');
  });

  it('reports damaged index bytes after the header matched, as a whole read did', async () => {
    const dataDir = await storeWithSavedIndex();
    const file = searchIndexPath(dataDir);
    const content = await readFile(file);
    const newline = content.indexOf(10);
    await writeFile(file, Buffer.concat([content.subarray(0, newline + 1), Buffer.from('not an index')]));
    const saved = await readSavedIndex(dataDir);
    expect(saved.state).toBe('read');
    expect(await checkedAfterOpen(dataDir, saved)).toEqual({
      state: 'damaged',
      problem: 'the saved search index was damaged',
    });
  });
});
