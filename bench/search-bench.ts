/**
 * Search benchmarks (issue 14) on the store benchmark's 10,000-article,
 * 50,000-highlight library: index build from the store, its size on disk, store
 * open plus index load at start, query p50/p95 over 100 realistic queries, the
 * index update after a highlight save, memory with the index loaded (the whole
 * process, index thread included, and the main thread alone once that thread has
 * ended), and the main thread's longest stall while the index loads or rebuilds.
 */
import { execFileSync } from 'node:child_process';
import { percentile, round } from './stats';

function child(step: 'build' | 'load', dir: string) {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/search-child.ts', step, dir],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  return JSON.parse(output);
}

export async function runSearchBench(storeDir: string, log: (line: string) => void) {
  log('building the search index from the store…');
  const built = child('build', storeDir);
  log(`built (${built.origin}, ${built.documents} documents); loading it in a fresh process…`);
  const loaded = child('load', storeDir);
  if (loaded.origin !== 'loaded') throw new Error(`The saved index was not used (${loaded.origin}).`);
  log(`${loaded.withResults} of ${loaded.queryMs.length} queries found something`);
  return {
    search_index_build_ms_10k: round(built.buildMs, 0),
    search_index_bytes_10k: built.bytes,
    search_index_load_ms_10k: round(loaded.loadMs, 0),
    search_p50_ms_10k: round(percentile(loaded.queryMs, 50)),
    search_p95_ms_10k: round(percentile(loaded.queryMs, 95)),
    search_update_ms_p95: round(percentile(loaded.updateMs, 95)),
    core_rss_mb_with_index_10k: round(loaded.rssMb, 1),
    core_rss_mb_main_only_10k: round(loaded.mainRssMb, 1),
    search_main_heap_mb_10k: round(loaded.mainHeapMb, 1),
    search_worker_heap_mb_10k: round(loaded.workerHeapMb, 1),
    store_open_ms_10k_search_run: round(loaded.openMs, 0),
    search_main_stall_load_ms_10k: round(loaded.stallMs, 0),
    search_main_stall_rebuild_ms_10k: round(built.stallMs, 0),
    search_main_stall_max_ms_10k: round(Math.max(loaded.stallMs, built.stallMs), 0),
  };
}
