/**
 * Search over the library. The index lives in its own worker thread
 * (search-worker.ts): this side, in the main process, only tells it what the
 * store holds and what changed (through the store's change hook,
 * observe-store.ts) and asks it queries with a time limit; it never parses,
 * builds or holds the index, so loading or rebuilding it never holds up other
 * requests. Once the store is open the thread loads the saved index; if it is
 * missing, damaged, empty, newer or does not match the store, the index is
 * rebuilt from the store in small steps, with a notice. Saved on close.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { SearchReply } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { StoreChange } from './observe-store';
import { runSearch, type IndexQuery } from './run-search';
import type { IndexAnswer } from './keep-best';
import { SearchThread, SearchTimeout } from './search-thread';
import type { ArticlePart } from './search-worker';
import { storeFingerprint } from './store-fingerprint';
import { storeFs } from '../store/store-fs';

/** A query unanswered this long is given up with a notice (the index is busy or stuck). */
const queryTimeoutMs = 3_000;
/** Articles sent to the thread in one message while rebuilding. */
const rebuildSlice = 100;

/**
 * An article's text for snippets: the file parsed without the store's full
 * validation (ten times faster on a large article); anything unexpected goes the store's way.
 */
async function quickText(store: LibraryStore, articleId: string): Promise<string> {
  try {
    const parsed = JSON.parse(await storeFs.readFile(store.layout.articleFile(articleId))) as {
      cleaned?: { text?: unknown };
    };
    if (typeof parsed.cleaned?.text === 'string') return parsed.cleaned.text;
  } catch {
    // Damaged or missing: the store repairs or reports it.
  }
  return (await store.readArticle(articleId)).cleaned.text;
}

/** A reply with nothing found yet, and why. */
const noResults = (notice: string): SearchReply => ({
  results: [],
  counts: { article: 0, highlight: 0, note: 0 },
  capped: false,
  notices: [notice],
  indexing: true,
});

export interface SearchServiceOptions {
  now?: () => Date;
  /** Where failures of the background work go (they never reach the user as errors). */
  logError?: (error: unknown) => void;
}

/** How the index came to be, for the notice and the benchmarks. */
export type IndexOrigin = 'loaded' | 'rebuilt' | 'pending';

export function createSearchService(store: LibraryStore, options: SearchServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('Search index:', error));
  let origin: IndexOrigin = 'pending';
  let notice: string | null = null;
  let documents = 0;
  let dirty = false;
  /** Changes that arrived while the index was being loaded or rebuilt, replayed after. */
  const pending = new Set<string>();
  let fullCheckPending = false;
  let loaded = false;
  let quitting = false;
  let thread: SearchThread | null = null;
  let started: Promise<void> | null = null;
  const texts = new Map<string, string>();

  /** The running thread; a new one (and a new load) after the last one ended. */
  const current = (): SearchThread => {
    if (thread?.alive) return thread;
    const fresh: SearchThread = new SearchThread((reason) => {
      if (thread !== fresh) return;
      loaded = false;
      started = null;
      origin = 'pending';
      if (!quitting) notice = `The search index is being prepared again: ${reason}.`;
    });
    thread = fresh;
    return fresh;
  };

  const readText = async (articleId: string) => {
    const cached = texts.get(articleId);
    if (cached !== undefined) return cached;
    const text = await quickText(store, articleId);
    texts.set(articleId, text);
    if (texts.size > 64) texts.delete(texts.keys().next().value!);
    return text;
  };

  /** What the thread needs of one article; the text it reads from the article's file itself. */
  const partOf = (
    articleId: string,
    body: string | null = null,
    record = store.index().articles.find((candidate) => candidate.id === articleId),
  ): ArticlePart => ({
    articleId,
    record: record ?? null,
    shard: store.annotations(articleId),
    body,
    bodyFile: body === null ? store.layout.articleFile(articleId) : null,
  });

  /** Sends articles to the thread; those whose file it could not read go through the store's own reading. */
  const putArticles = async (parts: ArticlePart[]) => {
    const unread = await current().ask<string[]>({ type: 'put', items: parts });
    for (const id of unread) {
      const text = await readText(id).catch(() => '');
      await current().ask({ type: 'put', items: [partOf(id, text)] });
    }
  };

  /** The whole library against the index: articles added or gone, records and annotations changed. */
  const recheckAll = async () => {
    const inventory = await current().ask<{ articleIds: string[]; withBody: string[] }>({
      type: 'inventory',
    });
    const withBody = new Set(inventory.withBody);
    const present = new Set<string>();
    const records = store.index().articles;
    for (let start = 0; start < records.length; start += rebuildSlice) {
      const parts = records.slice(start, start + rebuildSlice).map((record) => {
        present.add(record.id);
        return {
          ...partOf(record.id, null, record),
          bodyFile: withBody.has(record.id) ? null : store.layout.articleFile(record.id),
        };
      });
      await putArticles(parts);
    }
    for (const id of inventory.articleIds)
      if (!present.has(id)) await current().ask({ type: 'remove', articleId: id });
  };

  const rebuild = async () => {
    await current().ask({ type: 'reset' });
    const records = store.index().articles;
    for (let start = 0; start < records.length && !quitting; start += rebuildSlice) {
      const slice = records.slice(start, start + rebuildSlice);
      await putArticles(slice.map((record) => partOf(record.id, null, record)));
      await yieldToEvents();
    }
  };

  /** Every article's text file, in library order (their stats fingerprint the texts). */
  const articleFiles = () => store.index().articles.map((record) => store.layout.articleFile(record.id));

  const refreshCount = async () => {
    documents = await current().ask<number>({ type: 'count' });
  };

  const load = async () => {
    await yieldToEvents(); // start-up goes on; the fingerprint and the load come after
    // The fingerprint reads every annotation file: those the store's open left for later come first.
    await store.whenAnnotationsLoaded();
    const reading = await current().ask<{ state: string; problem: string | null }>({
      type: 'load',
      storeDir: store.layout.dir,
      fingerprint: storeFingerprint(store),
      articleFiles: articleFiles(),
    });
    if (reading.state === 'loaded') {
      // The saved index keeps each highlight's signature: nothing more is sent to the thread.
      origin = 'loaded';
    } else {
      // A missing index is a first start (or a crash before the save): rebuilding it is routine, not news.
      if (reading.state !== 'missing')
        notice = `The search index was rebuilt from the library: ${reading.problem}.`;
      await rebuild();
      if (quitting) return; // cut short by a quit: never kept, never saved
      origin = 'rebuilt';
      dirty = true;
    }
    loaded = true;
    const waiting = [...pending];
    pending.clear();
    if (waiting.length > 0) await putArticles(waiting.map((id) => partOf(id)));
    if (fullCheckPending) await recheckAll();
    fullCheckPending = false;
    await refreshCount();
  };
  /** Starts loading (or rebuilding) the index, once; the app calls it after opening the store. */
  const start = () =>
    (started ??= load().catch((error: unknown) => {
      if (!quitting) logError(error); // a quit stops the thread under a load still going
    }));

  const apply = async (change: StoreChange) => {
    dirty = true;
    if (change.type === 'articles-added' || change.type === 'article-replaced') {
      const articles = change.type === 'articles-added' ? change.articles : [change.article];
      for (const article of articles) texts.delete(article.record.id);
      if (!loaded) for (const article of articles) pending.add(article.record.id);
      else await putArticles(articles.map((article) => partOf(article.record.id, article.cleaned.text)));
      return;
    }
    if (change.type === 'texts-written') {
      for (const id of change.articleIds) texts.delete(id);
      if (!loaded) for (const id of change.articleIds) pending.add(id);
      else {
        // Only the written ones' records, in one pass: an import writes a few articles into 10,000.
        const written = new Set(change.articleIds);
        const records = new Map<string, ArticleRecord>();
        for (const record of store.index().articles)
          if (written.has(record.id)) records.set(record.id, record);
        await putArticles(change.articleIds.map((id) => partOf(id, null, records.get(id))));
      }
      return;
    }
    if (change.type === 'unknown') {
      if (!loaded) fullCheckPending = true;
      else await recheckAll();
      return;
    }
    if (!loaded) return void pending.add(change.articleId);
    if (change.type === 'article-removed')
      return void (await current().ask({ type: 'remove', articleId: change.articleId }));
    if (change.type === 'annotations-changed')
      return void (await current().ask({ type: 'annotations', shard: store.annotations(change.articleId) }));
    const record = store.index().articles.find((candidate) => candidate.id === change.articleId);
    if (change.type === 'record-changed' && record)
      return void (await current().ask({ type: 'record', record }));
    await putArticles([partOf(change.articleId)]);
  };
  let applying: Promise<void> = Promise.resolve();

  const find = (query: IndexQuery) =>
    current().ask<IndexAnswer>({ type: 'search', ...query }, queryTimeoutMs);

  return {
    /** The store's change listener (see observe-store.ts). */
    changed(change: StoreChange): void {
      // After the edit's reply has gone: copying an article's annotations to the index thread (1,000
      // highlights) is then not part of the edit's round trip.
      applying = applying
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => apply(change))
        .catch(logError);
    },
    start,
    /** Resolves once the index is loaded or rebuilt and every change so far is in it. */
    async idle(): Promise<void> {
      await start();
      await applying;
      if (loaded) await refreshCount().catch(logError);
    },
    status: () => ({ origin, notice, documents }),
    /** The index thread's heap (for the benchmarks' memory figures). */
    threadMemory: () => current().ask<{ heapUsedMb: number; documents: number }>({ type: 'memory' }),
    async search(query: string): Promise<SearchReply> {
      void start();
      // While the thread loads or rebuilds the index it answers nothing else: say so at once.
      if (!loaded) return noResults('The search index is still being prepared; some results may be missing.');
      let reply: SearchReply;
      try {
        reply = await runSearch({ store, find, readText }, query, false);
      } catch (error) {
        if (!(error instanceof SearchTimeout)) logError(error);
        return noResults(
          error instanceof SearchTimeout
            ? 'The search index is busy and did not answer in time; try again in a moment.'
            : 'The search index is being prepared again; try again in a moment.',
        );
      }
      if (notice) reply.notices.push(notice);
      notice = null;
      return reply;
    },
    /** On quit (the store still open): saves the index if it changed since it was loaded, then ends the thread. */
    async save(): Promise<void> {
      // Quitting never waits for a load or rebuild still under way: it stops, and the next start rebuilds.
      quitting = !loaded;
      if (!started || !loaded) return thread?.stop();
      await applying;
      try {
        if (!dirty || store.readOnly) return;
        await current().ask({
          type: 'save',
          storeDir: store.layout.dir,
          fingerprint: storeFingerprint(store),
          articleFiles: articleFiles(),
          savedAt: now().toISOString(),
        });
        dirty = false;
      } catch (error) {
        // The library folder itself is gone: there is nothing to keep the index with.
        if (!/ENOENT/.test((error as Error).message)) throw error;
      } finally {
        thread?.stop();
      }
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
