/**
 * Search follows article texts written outside the edit paths, on a real store
 * (the bundled seeds) with the real import worker: a text changed on disk after
 * the index was saved makes the saved index stale (rebuilt, with a notice); an
 * article re-cleaned when read, and every article re-cleaned by the background
 * pass after a rules change, are re-indexed from their new text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { recleanStaleArticles } from '../../src/main/articles/reclean-stale-articles';
import { recleanInWorker } from '../../src/main/importing/conversion-worker';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

/** Makes the article's file look cleaned by older rules, with a made-up word only in that old cleaned text. */
async function makeStale(file: string, word: string) {
  const article = JSON.parse(await readFile(file, 'utf8'));
  article.cleaned.rulesVersion = 0;
  article.cleaned.text = `${article.cleaned.text} ${word}`;
  await writeFile(file, JSON.stringify(article));
}

describe('search after re-cleaning', () => {
  it('re-indexes articles re-cleaned on read and by the background pass', async () => {
    const dataDir = await makeTempDir();
    const first = await dispatchApp(dataDir);
    await first.core.services!.search.idle();
    const [one, two] = await first.ok('listArticles', {});
    await first.core.close();
    const layout = first.core.store!.layout;
    await makeStale(layout.articleFile(one!.id), 'zorblaxian');
    await makeStale(layout.articleFile(two!.id), 'quorbinthic');
    // The index, closed, holds everything: it now says the library was last brought to older rules.
    const index = JSON.parse(await readFile(layout.libraryFile, 'utf8'));
    index.cleanedWithRules = 0;
    await writeFile(layout.libraryFile, JSON.stringify(index));

    const app = await dispatchApp(dataDir);
    const { search, store } = app.core.services!;
    await search.idle();
    expect(search.status().origin).toBe('rebuilt');
    const find = async (word: string) => {
      await search.idle();
      return (await search.search(word)).results.map((result) => result.articleId);
    };
    const stale = await search.search('zorblaxian');
    expect(stale.notices.join(' ')).toMatch(/article texts changed/);
    expect(stale.results.map((result) => result.articleId)).toEqual([one!.id]);
    expect(await find('quorbinthic')).toEqual([two!.id]);

    // Read (as the reader opens it): re-cleaned from its raw text, saved, and re-indexed.
    await app.ok('getArticle', { id: two!.id });
    expect(JSON.parse(await readFile(layout.articleFile(two!.id), 'utf8')).cleaned.text).not.toContain(
      'quorbinthic',
    );
    expect(await find('quorbinthic')).toEqual([]);

    // The background pass after a rules change, as the app runs it (through the services' store).
    const done = await recleanStaleArticles(store, recleanInWorker, new AbortController().signal);
    expect(done).toBeGreaterThan(0);
    expect(await find('zorblaxian')).toEqual([]);
    const word = (await store.readArticle(one!.id)).cleaned.text
      .split(/\s+/)
      .find((candidate) => /^[a-z]{9,}$/.test(candidate))!;
    expect(await find(word)).toContain(one!.id);

    // Saved on close with the texts' fingerprint: used again as it is.
    await app.core.close();
    const again = await dispatchApp(dataDir);
    await again.core.services!.search.idle();
    expect(again.core.services!.search.status().origin).toBe('loaded');
    expect((await again.core.services!.search.search('zorblaxian')).results).toEqual([]);
  }, 120_000);
});
