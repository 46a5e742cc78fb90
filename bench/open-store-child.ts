/**
 * Opens a store in a fresh process and reports how long the open took and the
 * process's memory afterwards, so the figures are not skewed by the benchmark
 * process that built the library. With `--defer`, opens it as the app's start
 * does (`deferAnnotations`: the annotation files the digest written by the last
 * close still describes are left for later) and counts highlights from the digest.
 */
import { performance } from 'node:perf_hooks';
import { openLibraryStore } from '../src/main/store/library-store';

const dir = process.argv[2]!;
const deferAnnotations = process.argv.includes('--defer');
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const store = await openLibraryStore({ dir, backups: false, deferAnnotations });
const openMs = performance.now() - start;
if (typeof global.gc === 'function') global.gc();
const rss = process.memoryUsage().rss;
const articles = store.index().articles.length;
const highlights = deferAnnotations
  ? store.annotatedArticleIds().reduce((sum, id) => sum + store.annotationCounts(id).highlightCount, 0)
  : store.annotatedArticleIds().reduce((sum, id) => sum + store.annotations(id).highlights.length, 0);
await store.close();
process.stdout.write(
  JSON.stringify({ openMs, rssMb: rss / 2 ** 20, rssBeforeMb: rssBefore / 2 ** 20, articles, highlights }),
);
