/**
 * The search index's own thread: holds the search index (search-engine.ts),
 * loads the saved file, reads article texts while rebuilding, answers queries
 * and saves, so the main thread never parses or builds an index and stays free
 * to answer every other request. The main thread (search-thread.ts) sends it
 * the store's records and annotations; it never opens the store itself.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { AnnotationShard } from '../store/schemas/annotation-shard';
import type { SearchKind } from './parse-query';
import { addressOf } from './search-documents';
import { SearchEngine } from './search-engine';
import { matchSavedIndex, readSavedIndex, writeIndexFile, type SavedIndex } from './search-index-file';
import { keepBest } from './keep-best';

/** One article as the main thread sends it: its record (null when gone), annotations and text or text file. */
export interface ArticlePart {
  articleId: string;
  record: ArticleRecord | null;
  shard: AnnotationShard;
  body: string | null;
  bodyFile: string | null;
}

export type SearchJob =
  /** Starts reading the saved index while the store opens; answered at once (see `load`). */
  | { type: 'load'; storeDir: string; fingerprint: string; articleFiles: string[] }
  | { type: 'reset' }
  | { type: 'put'; items: ArticlePart[] }
  | { type: 'record'; record: ArticleRecord }
  | { type: 'annotations'; shard: AnnotationShard }
  | { type: 'remove'; articleId: string }
  | { type: 'inventory' }
  | {
      type: 'search';
      words: string[];
      kinds: SearchKind[];
      allowed: string[] | null;
      limit: number;
      keep: Record<SearchKind, number>;
    }
  | { type: 'save'; storeDir: string; fingerprint: string; articleFiles: string[]; savedAt: string }
  | { type: 'count' }
  | { type: 'memory' };

export type SearchThreadReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** An article's text from its file; null when it cannot be read here (the main thread asks the store). */
async function readBody(file: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { cleaned?: { text?: unknown } };
    return typeof parsed.cleaned?.text === 'string' ? parsed.cleaned.text : null;
  } catch {
    return null;
  }
}

let engine = SearchEngine.empty();

const savedIndexOf = (storeDir: string): Promise<SavedIndex> =>
  readSavedIndex(storeDir).catch((error: unknown) => ({ state: 'damaged' as const, problem: String(error) }));

async function put(items: ArticlePart[]): Promise<string[]> {
  const unread: string[] = [];
  const bodies = await Promise.all(
    items.map((item) => item.body ?? (item.bodyFile ? readBody(item.bodyFile) : null)),
  );
  items.forEach((item, n) => {
    if (!item.record) return engine.removeArticle(item.articleId);
    engine.putRecord(item.record);
    engine.syncAnnotations(item.shard);
    const body = bodies[n];
    if (typeof body === 'string') engine.putBody(item.articleId, body);
    else if (item.bodyFile) unread.push(item.articleId);
  });
  return unread;
}

async function handle(job: SearchJob): Promise<unknown> {
  switch (job.type) {
    case 'load': {
      // Read, then checked against the store's state now: the store always wins.
      const saved = await savedIndexOf(job.storeDir);
      let reading;
      try {
        reading = matchSavedIndex(saved, job.fingerprint, job.articleFiles);
      } catch (error) {
        reading = { state: 'damaged' as const, problem: String(error) };
      }
      if (reading.state !== 'loaded') return { state: reading.state, problem: reading.problem };
      engine = reading.engine;
      return { state: 'loaded', problem: null };
    }
    case 'reset':
      engine = SearchEngine.empty();
      return null;
    case 'put':
      return put(job.items);
    case 'record':
      return engine.putRecord(job.record);
    case 'annotations':
      return engine.syncAnnotations(job.shard);
    case 'remove':
      return engine.removeArticle(job.articleId);
    case 'inventory': {
      const articleIds = engine.articleIds();
      return { articleIds, withBody: articleIds.filter((id) => engine.hasBody(id)) };
    }
    case 'search': {
      const allowed = job.allowed ? new Set(job.allowed) : null;
      const found = engine.search(
        {
          words: job.words,
          filter: (id) => (allowed ? allowed.has(id) : job.kinds.includes(addressOf(id).kind)),
        },
        job.limit,
      );
      return keepBest(found, job.keep);
    }
    case 'save':
      await writeIndexFile(job.storeDir, engine, job.fingerprint, job.articleFiles, new Date(job.savedAt));
      return null;
    case 'count':
      return engine.documentCount;
    case 'memory':
      // With --expose-gc (the benchmarks), garbage is collected first, as the benchmarks do in the main thread.
      (globalThis as { gc?: () => void }).gc?.();
      return { heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20, documents: engine.documentCount };
  }
}

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs only as a worker thread');
// One job at a time, in the order sent: an update never overtakes the load or rebuild it follows.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: SearchJob }) => {
  queue = queue.then(() =>
    handle(job).then(
      (value) => port.postMessage({ id, ok: true, value } satisfies SearchThreadReply),
      (error: unknown) =>
        port.postMessage({
          id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies SearchThreadReply),
    ),
  );
});
port.postMessage('ready');
