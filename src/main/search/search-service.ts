/**
 * Search over the library, in the main process: loads the saved index in the
 * background once the store is open (start-up never waits for it), and if the
 * saved index is missing, damaged, empty, newer or does not match the store,
 * rebuilds it from the store in small steps, with a notice. Keeps it current
 * through the store's change hook (observe-store.ts), and saves it on close.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { SearchReply } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';
import { mapLimited } from '../store/map-limited';
import type { StoreChange } from './observe-store';
import { runSearch } from './run-search';
import { SearchEngine } from './search-engine';
import { readIndexFile, writeIndexFile } from './search-index-file';
import { storeFingerprint } from './store-fingerprint';
import { storeFs } from '../store/store-fs';

/**
 * An article's text for snippets and indexing: the file parsed without the store's full
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
  let engine = SearchEngine.empty();
  let origin: IndexOrigin = 'pending';
  let notice: string | null = null;
  let dirty = false;
  /** Changes that arrived while the index was being loaded or rebuilt, replayed after. */
  const pending = new Set<string>();
  let fullCheckPending = false;
  let loaded = false;
  let quitting = false;
  const texts = new Map<string, string>();
  const readText = async (articleId: string) => {
    const cached = texts.get(articleId);
    if (cached !== undefined) return cached;
    const text = await quickText(store, articleId);
    texts.set(articleId, text);
    if (texts.size > 64) texts.delete(texts.keys().next().value!);
    return text;
  };

  const indexArticle = async (target: SearchEngine, articleId: string, body?: string) => {
    const record = store.index().articles.find((candidate) => candidate.id === articleId);
    if (!record) return target.removeArticle(articleId);
    target.putRecord(record);
    target.syncAnnotations(store.annotations(articleId));
    const text = body ?? (await readText(articleId).catch(() => null));
    if (text !== null) target.putBody(articleId, text);
  };

  /** The whole library against the index: articles added or gone, records and annotations changed. */
  const recheckAll = async () => {
    const present = new Set<string>();
    for (const record of store.index().articles) {
      present.add(record.id);
      engine.putRecord(record);
      engine.syncAnnotations(store.annotations(record.id));
      if (!engine.hasBody(record.id)) await indexArticle(engine, record.id);
    }
    for (const id of engine.articleIds()) if (!present.has(id)) engine.removeArticle(id);
  };

  const rebuild = async (): Promise<SearchEngine> => {
    const fresh = SearchEngine.empty();
    const ids = store.index().articles.map((record) => record.id);
    for (let start = 0; start < ids.length && !quitting; start += 50) {
      const slice = ids.slice(start, start + 50);
      const bodies = await mapLimited(slice, 8, (id) => quickText(store, id).catch(() => ''));
      slice.forEach((id, n) => void indexArticle(fresh, id, bodies[n]));
      await yieldToEvents();
    }
    return fresh;
  };

  const load = async () => {
    await yieldToEvents(); // start-up goes on; the fingerprint and the load come after
    const fingerprint = storeFingerprint(store);
    const reading = await readIndexFile(store.layout.dir, fingerprint).catch((error: unknown) => ({
      state: 'damaged' as const,
      problem: String(error),
    }));
    if (reading.state === 'loaded') {
      engine = reading.engine;
      for (const id of store.annotatedArticleIds()) engine.adoptSignatures(store.annotations(id));
      origin = 'loaded';
    } else {
      // A missing index is a first start (or a crash before the save): rebuilding it is routine, not news.
      if (reading.state !== 'missing')
        notice = `The search index was rebuilt from the library: ${reading.problem}.`;
      const rebuilt = await rebuild();
      if (quitting) return; // cut short by a quit: never kept, never saved
      engine = rebuilt;
      origin = 'rebuilt';
      dirty = true;
    }
    loaded = true;
    const waiting = [...pending];
    pending.clear();
    for (const id of waiting) await indexArticle(engine, id);
    if (fullCheckPending) await recheckAll();
  };
  let started: Promise<void> | null = null;
  /** Starts loading (or rebuilding) the index, once; the app calls it after opening the store. */
  const start = () => (started ??= load().catch(logError));

  const apply = async (change: StoreChange) => {
    dirty = true;
    if (change.type === 'articles-added' || change.type === 'article-replaced') {
      const articles = change.type === 'articles-added' ? change.articles : [change.article];
      for (const article of articles) {
        texts.delete(article.record.id);
        if (!loaded) pending.add(article.record.id);
        else await indexArticle(engine, article.record.id, article.cleaned.text);
      }
      return;
    }
    if (change.type === 'unknown') {
      if (!loaded) fullCheckPending = true;
      else await recheckAll();
      return;
    }
    if (!loaded) return void pending.add(change.articleId);
    if (change.type === 'article-removed') return engine.removeArticle(change.articleId);
    if (change.type === 'annotations-changed')
      return engine.syncAnnotations(store.annotations(change.articleId));
    const record = store.index().articles.find((candidate) => candidate.id === change.articleId);
    if (change.type === 'record-changed' && record) return engine.putRecord(record);
    await indexArticle(engine, change.articleId);
  };
  let applying: Promise<void> = Promise.resolve();

  return {
    /** The store's change listener (see observe-store.ts). */
    changed(change: StoreChange): void {
      applying = applying.then(() => apply(change)).catch(logError);
    },
    start,
    /** Resolves once the index is loaded or rebuilt and every change so far is in it. */
    async idle(): Promise<void> {
      await start();
      await applying;
    },
    status: () => ({ origin, notice, documents: engine.documentCount }),
    async search(query: string): Promise<SearchReply> {
      void start();
      const reply = await runSearch({ store, engine, readText }, query, !loaded);
      if (!loaded)
        reply.notices.push('The search index is still being prepared; some results may be missing.');
      else if (notice) reply.notices.push(notice);
      notice = null;
      return reply;
    },
    /** On quit (the store still open): saves the index if it changed since it was loaded. */
    async save(): Promise<void> {
      // Quitting never waits for a load or rebuild still under way: it stops, and the next start rebuilds.
      quitting = !loaded;
      if (!started || !loaded) return;
      await applying;
      if (!dirty || store.readOnly) return;
      try {
        await writeIndexFile(store.layout.dir, engine, storeFingerprint(store), now());
        dirty = false;
      } catch (error) {
        // The library folder itself is gone: there is nothing to keep the index with.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
