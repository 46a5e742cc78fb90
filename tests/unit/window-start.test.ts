/**
 * The window's start in one round trip (issue 14): `startWindow` answers what
 * the page asked for in three (status; settings and stories; the first screen
 * in the saved view), equal to those answers (with a store that failed to
 * open, the status alone: tests/unit/ipc-contract.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultLibraryView } from '../../src/shared/contract';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

describe('startWindow', () => {
  it('answers the status, settings, stories and the first screen of the saved view', async () => {
    const { ok } = await dispatchApp(await makeTempDir());
    const articles = await ok('listArticles', {});
    expect(articles.length).toBeGreaterThan(2);
    await ok('createStory', { name: 'Guarantees', articleIds: [articles[1]!.id] });
    const view = { ...defaultLibraryView, sort: 'title' as const, descending: false };
    await ok('updateSettings', { library: view });

    const start = await ok('startWindow', { firstPageRows: 2 });
    expect(start.status).toEqual(await ok('getStatus', {}));
    expect(start.settings).toEqual(await ok('getSettings', {}));
    expect(start.stories).toEqual(await ok('listStories', {}));
    expect(start.stories.map((story) => story.name)).toEqual(['Guarantees']);
    expect(start.firstPage).toEqual(await ok('listArticlePage', { view, offset: 0, limit: 2 }));
    expect(start.firstPage!.rows).toHaveLength(2);
    const titles = articles.map((article) => article.title).sort((a, b) => a.localeCompare(b));
    expect(start.firstPage!.rows[0]!.title).toBe(titles[0]);
  });

  it('rejects a first screen larger than a page', async () => {
    const { call } = await dispatchApp(await makeTempDir());
    expect(await call('startWindow', { firstPageRows: 1_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
