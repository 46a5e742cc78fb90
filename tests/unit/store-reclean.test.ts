/**
 * Articles cleaned by older rules are cleaned again from their unchanged raw
 * text when read, and saved; the user's title edit and source metadata survive.
 * In the app this happens in the import worker: on read, and in a background
 * pass over the whole library after a rules change.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cleaningRulesVersion } from '../../src/main/cleaning/rules-version';
import { storeLayout } from '../../src/main/store/store-layout';
import { recleanInWorker, stopImportWorker } from '../../src/main/importing/conversion-worker';
import { recleanStaleArticles } from '../../src/main/articles/reclean-stale-articles';
import type { LibraryStore } from '../../src/main/store/library-store';
import { sampleArticle, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();

describe('re-cleaning', () => {
  it('re-cleans an article made by older rules, keeping the edited title and metadata, and saves it', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    const article = sampleArticle(1);
    await store.addArticles([article]);
    await store.updateArticleRecord(article.record.id, (record) => {
      record.title = 'My own title';
      record.titleEdited = true;
      record.source.outlet = 'The Herald';
    });

    const file = storeLayout(dir).articleFile(article.record.id);
    const stale = JSON.parse(await readFile(file, 'utf8'));
    stale.cleaned.rulesVersion = 0;
    stale.cleaned.blocks = [];
    await writeFile(file, JSON.stringify(stale));

    const read = await store.readArticle(article.record.id);
    expect(read.cleaned.rulesVersion).toBe(cleaningRulesVersion);
    expect(read.cleaned.blocks.length).toBeGreaterThan(0);
    expect(read.rawText).toBe(article.rawText);
    expect(read.record).toMatchObject({
      title: 'My own title',
      titleEdited: true,
      source: { outlet: 'The Herald' },
    });
    expect(JSON.parse(await readFile(file, 'utf8')).cleaned.rulesVersion).toBe(cleaningRulesVersion);
    expect(store.index().articles[0]).toMatchObject({ title: 'My own title' });
  });

  /**
   * As a rules change leaves a library: each stored article cleaned by rules older than any (its
   * blocks emptied), and the index recording the older rules as the last it was brought to.
   */
  async function makeStale(dir: string, store: LibraryStore) {
    await staleFiles(dir, store);
    await store.updateIndex((index) => {
      index.cleanedWithRules = cleaningRulesVersion - 1;
    });
  }

  /** The article files alone made stale (the index still says every article is current). */
  async function staleFiles(dir: string, store: LibraryStore) {
    for (const { id } of store.index().articles) {
      const file = storeLayout(dir).articleFile(id);
      const stale = JSON.parse(await readFile(file, 'utf8'));
      stale.cleaned.rulesVersion = 0;
      stale.cleaned.blocks = [];
      await writeFile(file, JSON.stringify(stale));
    }
  }

  it('has nothing to re-clean in a new library: it records the current rules from the start', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    expect(store.index().cleanedWithRules).toBe(cleaningRulesVersion);
    await store.addArticles([8, 9].map(sampleArticle));
    let asked = 0;
    const reclean = async () => {
      asked += 1;
      return null;
    };
    expect(await recleanStaleArticles(store, reclean, new AbortController().signal)).toBe(0);
    expect(asked).toBe(0);
    await store.close();
    // A library whose index is lost and rebuilt from its article files does not claim it.
    await rm(storeLayout(dir).libraryFile);
    const rebuilt = await open({ dir, backups: false });
    expect(rebuilt.recovery.map((entry) => entry.outcome)).toEqual(['rebuilt-from-articles']);
    expect(rebuilt.index().cleanedWithRules).toBeUndefined();
    expect(await recleanStaleArticles(rebuilt, reclean, new AbortController().signal)).toBe(0);
    expect(asked).toBe(2);
  });

  it('re-cleans in the import worker when the store is given it, and saves the result', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false, recleanArticleFile: recleanInWorker });
    const article = sampleArticle(2);
    await store.addArticles([article]);
    await makeStale(dir, store);
    const read = await store.readArticle(article.record.id);
    expect(read.cleaned.rulesVersion).toBe(cleaningRulesVersion);
    expect(read.cleaned.blocks.length).toBeGreaterThan(0);
    const file = storeLayout(dir).articleFile(article.record.id);
    expect(JSON.parse(await readFile(file, 'utf8')).cleaned.rulesVersion).toBe(cleaningRulesVersion);
    stopImportWorker();
  }, 60_000);

  it('brings every stored article to the current rules in the background, once', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.addArticles([3, 4, 5].map(sampleArticle));
    await makeStale(dir, store);
    const signal = new AbortController().signal;
    expect(await recleanStaleArticles(store, recleanInWorker, signal, 2)).toBe(3);
    for (const { id } of store.index().articles) {
      const stored = JSON.parse(await readFile(storeLayout(dir).articleFile(id), 'utf8'));
      expect(stored.cleaned.rulesVersion).toBe(cleaningRulesVersion);
      expect(stored.cleaned.blocks.length).toBeGreaterThan(0);
    }
    expect(store.index().cleanedWithRules).toBe(cleaningRulesVersion);
    // Recorded in the index: the next start skips the pass.
    await staleFiles(dir, store);
    expect(await recleanStaleArticles(store, recleanInWorker, signal)).toBe(0);
    stopImportWorker();
  }, 60_000);

  it('takes the library back to re-cleaning when a delete undone brings back an article cleaned by older rules', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.addArticles([10, 11].map(sampleArticle));
    const [current, old] = store.index().articles.map((record) => record.id) as [string, string];
    // Undoing the delete of an article as clean as the rest changes nothing.
    const asideCurrent = await store.setArticleAside(current);
    await store.restoreArticle(asideCurrent.record, asideCurrent.position);
    expect(store.index().cleanedWithRules).toBe(cleaningRulesVersion);
    // One deleted before a rules change (its file cleaned by older rules) and brought back after it.
    const file = storeLayout(dir).articleFile(old);
    const stale = JSON.parse(await readFile(file, 'utf8'));
    stale.cleaned.rulesVersion = 0;
    await writeFile(file, JSON.stringify(stale));
    const asideOld = await store.setArticleAside(old);
    await store.restoreArticle(asideOld.record, asideOld.position);
    expect(store.index().cleanedWithRules).toBeUndefined();
    expect(await recleanStaleArticles(store, recleanInWorker, new AbortController().signal)).toBe(1);
    expect(store.index().cleanedWithRules).toBe(cleaningRulesVersion);
    stopImportWorker();
  }, 60_000);

  it('stops when asked, without recording the rules version', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.addArticles([6, 7].map(sampleArticle));
    await makeStale(dir, store);
    const stop = new AbortController();
    stop.abort();
    expect(await recleanStaleArticles(store, recleanInWorker, stop.signal)).toBe(0);
    expect(store.index().cleanedWithRules).toBe(cleaningRulesVersion - 1);
  });
});
