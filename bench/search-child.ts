/**
 * One step of the search benchmark in a fresh process, so its timings and
 * memory are not mixed with the process that built the library:
 *   build: opens the store, builds the index from it, saves it (build time, bytes);
 *   load:  opens the store and loads the saved index (the start-up figure), then
 *          times the 100 bench queries and the index update after highlight saves,
 *          and reports the process's memory with the index loaded.
 * Both report the main thread's longest event-loop delay while the index is loaded
 * or rebuilt (in its worker thread): how long any other request could have waited.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openLibraryStore } from '../src/main/store/library-store';
import { createAppServices } from '../src/main/app-services';
import { searchIndexPath } from '../src/main/search/search-index-file';
import { useBuiltSearchWorker } from '../src/main/search/search-thread';
import { brownParagraphs } from './brown-corpus';
import { benchQueries } from './search-queries';

const [step, dir] = process.argv.slice(2) as ['build' | 'load', string];
// The index's thread runs the bundled worker, as the built app does (electron-vite bundles
// src/main/search/search-worker.ts the same way), not the TypeScript sources through tsx,
// whose loader in the thread would add its own memory to the figures.
const workerDir = await mkdtemp(path.join(os.tmpdir(), 'search-worker-'));
await build({
  entryPoints: ['src/main/search/search-worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: path.join(workerDir, 'search-worker.js'),
  logLevel: 'error',
});
useBuiltSearchWorker(workerDir);
const started = performance.now();
const store = await openLibraryStore({ dir, backups: false });
const openMs = performance.now() - started;
const services = createAppServices(store);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
// As the app does (app-core.ts, startBackgroundWork): after the open, the index thread starts, reads
// the saved index and checks it against the store. Timed back to back with the open.
await services.search.start();
await services.search.idle();
delay.disable();
const readyMs = performance.now() - started;
const stallMs = delay.max / 1e6;
const { origin, documents } = services.search.status();

if (step === 'build') {
  await services.search.save();
  await store.close();
  const bytes = (await stat(searchIndexPath(dir))).size;
  process.stdout.write(JSON.stringify({ buildMs: readyMs - openMs, origin, documents, bytes, stallMs }));
} else {
  global.gc?.();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const mainHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const { heapUsedMb: workerHeapMb } = await services.search.threadMemory();
  const queryMs: number[] = [];
  let withResults = 0;
  for (const query of benchQueries(await brownParagraphs())) {
    const began = performance.now();
    const reply = await services.search.search(query.text);
    queryMs.push(performance.now() - began);
    if (reply.results.length > 0) withResults += 1;
  }
  const updateMs: number[] = [];
  const ids = store.index().articles.map((record) => record.id);
  for (let n = 0; n < 100; n += 1) {
    const articleId = ids[(n * 7919) % ids.length]!;
    const highlight = store.annotations(articleId).highlights[0];
    if (!highlight) continue;
    // Saved through the store directly, then handed to the index as the change hook would: only the index update is timed.
    await store.updateAnnotations(articleId, (shard) => {
      shard.highlights = shard.highlights.map((item) =>
        item.id === highlight.id
          ? { ...item, note: `Edited note ${n}`, updatedAt: new Date(Date.now() + n).toISOString() }
          : item,
      );
    });
    const began = performance.now();
    services.search.changed({ type: 'annotations-changed', articleId });
    await services.search.idle();
    updateMs.push(performance.now() - began);
  }
  // The index's thread ended (as on quit): what the main thread itself holds with the store open.
  await services.search.save();
  await sleep(500);
  global.gc?.();
  const mainRssMb = process.memoryUsage().rss / 2 ** 20;
  await store.close();
  process.stdout.write(
    JSON.stringify({
      openMs,
      loadMs: readyMs,
      origin,
      documents,
      rssMb,
      mainRssMb,
      mainHeapMb,
      workerHeapMb,
      stallMs,
      queryMs,
      withResults,
      updateMs,
    }),
  );
}
await rm(workerDir, { recursive: true, force: true });
