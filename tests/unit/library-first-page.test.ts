/**
 * The renderer's library at start (issue 14), against a real app core over its
 * dispatcher: the first screen comes in the saved sort and filters with the
 * counts of the whole library, before the rest; the background load then
 * brings every article, after which the list, counts and sort are the
 * renderer's own; a deletion while the load runs starts it again.
 */
import { describe, expect, it } from 'vitest';
import { channels, type ApiMethod } from '../../src/shared/channels';
import { defaultLibraryView } from '../../src/shared/contract';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { Library } from '../../src/renderer/src/state/library.svelte';
import { LibraryQuery } from '../../src/renderer/src/state/library-query.svelte';
import { Notices } from '../../src/renderer/src/state/notices.svelte';
import { Saves } from '../../src/renderer/src/state/saves.svelte';
import { StoryList } from '../../src/renderer/src/state/story-list.svelte';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

/** The app core over a store of `count` generated articles plus the seeds, as `window.api`; logs each call. */
async function appWith(count: number) {
  const { core, call } = await dispatchApp(await makeTempDir());
  await core.store!.addArticles(
    Array.from({ length: count }, (_, n) =>
      articleFromPlainText(`Dispatch ${String(n).padStart(4, '0')}\n\nText ${n}.\n`, {
        sourceFile: `${n}.txt`,
        addedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
      }),
    ),
  );
  const calls: { method: string; request: unknown }[] = [];
  (globalThis as { window?: unknown }).window = {
    innerHeight: 800,
    api: Object.fromEntries(
      (Object.keys(channels) as ApiMethod[]).map((method) => [
        method,
        (request: never) => {
          calls.push({ method, request });
          return call(method, request);
        },
      ]),
    ),
  };
  const saves = new Saves();
  const library = new Library(new LibraryQuery(saves), new StoryList(saves, new Notices()));
  return { core, library, calls };
}

describe('the library at start', () => {
  it(
    'shows the first screen in the saved view with the whole library’s counts, then every article',
    { timeout: 120_000 },
    async () => {
      const { core, library, calls } = await appWith(1_100);
      const total = core.store!.index().articles.length;
      const view = { ...defaultLibraryView, sort: 'title' as const, descending: false };
      library.query.adopt(view);
      await library.showFirstPage(view, 800);
      expect(library.complete).toBe(false);
      expect(library.visible.length).toBe(Math.ceil(800 / 64) * 2 + 10);
      expect(library.shownCount).toBe(total);
      expect(library.total).toBe(total);
      expect(library.facets.total).toBe(total);
      const firstTitles = library.visible.map((article) => article.title);
      expect(firstTitles.slice(0, 2)).toEqual([...firstTitles].sort().slice(0, 2));

      await library.loadAll();
      expect(library.complete).toBe(true);
      expect(library.articles.length).toBe(total);
      expect(library.visible.map((article) => article.title).slice(0, firstTitles.length)).toEqual(
        firstTitles,
      );
      const slices = calls.filter(
        (c) => c.method === 'listArticlePage' && (c.request as { view: unknown }).view === null,
      );
      expect(slices.length).toBe(Math.ceil(total / 1_000));
      // Once everything is in, a view change is worked out here: no request.
      const before = calls.length;
      library.query.view = { ...view, descending: true };
      await library.showFirstPage(library.query.view, 800);
      expect(calls.length).toBe(before);
      expect(library.visible[0]!.title >= library.visible[1]!.title).toBe(true);
    },
  );

  it(
    'starts the background load again when an article is deleted during it',
    { timeout: 60_000 },
    async () => {
      const { core, library } = await appWith(40);
      await library.showFirstPage(defaultLibraryView, 800);
      const gone = library.visible[0]!;
      const loading = library.loadAll();
      await core.services!.articles.remove(gone.id);
      library.removed(gone.id);
      await loading;
      // The superseded load returns at once; wait for the one the deletion started.
      await vitestWaitFor(() => library.complete);
      expect(library.articles.some((article) => article.id === gone.id)).toBe(false);
      expect(library.articles.length).toBe(core.store!.index().articles.length);
    },
  );
});

async function vitestWaitFor(done: () => boolean): Promise<void> {
  for (let n = 0; n < 200 && !done(); n += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}
