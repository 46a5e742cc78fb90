/**
 * `npm run bench [-- --json FILE] [-- --quick] [-- --ONLY]`: runs every benchmark,
 * prints the figures with the machine they came from, and with --json writes them
 * to FILE as flat keys whose names carry their units (e.g. `save_p95_ms_10k`).
 * `--ONLY` runs one group: `--annotations`, `--painted`, `--search` (the store and
 * search benches), `--story`, `--store-speed`, `--library`, `--imports`, `--exports`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runStoreBench } from './store-bench';
import { runAnnotationBench } from './annotation-bench';
import { runExportBench } from './export-bench';
import { runImportBench } from './import-bench';
import { runPaintedBench } from './painted-bench';
import { runStoreSpeedBench } from './store-speed-bench';
import { runSearchBench } from './search-bench';
import { runStoryBench } from './story-bench';
import { runLibraryBench } from './library-bench';

const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const quick = args.includes('--quick');
const groups = [
  'annotations',
  'painted',
  'search',
  'story',
  'store-speed',
  'library',
  'imports',
  'exports',
] as const;
const only = groups.find((group) => args.includes(`--${group}`)) ?? null;
/** Whether a group runs: every group when none is named, else the named one (and what it needs). */
const runs = (group: 'store' | (typeof groups)[number]): boolean =>
  only === null || only === group || (group === 'store' && only === 'search');

const targets: Record<string, [string, (value: number) => boolean]> = {
  save_p95_ratio_10k_to_5: ['≤ 1.5', (value) => value <= 1.5],
  open_ms_10k: ['< 1000', (value) => value < 1000],
  open_rss_mb_10k: ['< 300', (value) => value < 300],
  reanchor_1000_ms: ['< 200', (value) => value < 200],
  highlight_roundtrip_p95_ms: ['< 20', (value) => value < 20],
  import_hostile_save_p95_ratio: ['≤ 2', (value) => value <= 2],
  highlight_painted_p95_ms_100k_words: ['< 50', (value) => value < 50],
  note_autosave_painted_p95_ms: ['< 50', (value) => value < 50],
  reloads_during_edits: ['= 0', (value) => value === 0],
  renderer_errors_during_edits: ['= 0', (value) => value === 0],
  import_app_articles_per_s_10k: ['≥ 200', (value) => value >= 200],
  import_app_cost_ratio_10k_vs_empty: ['≤ 1.5', (value) => value <= 1.5],
  settings_edit_ms_10k: ['≤ 10', (value) => value <= 10],
  title_edit_ms_10k: ['≤ 10', (value) => value <= 10],
  backup_stall_max_ms_10k: ['≤ 50', (value) => value <= 50],
  search_p95_ms_10k: ['< 20', (value) => value < 20],
  search_index_load_ms_10k: ['< 1500', (value) => value < 1500],
  search_update_ms_p95: ['< 5', (value) => value < 5],
  core_rss_mb_with_index_10k: ['< 300', (value) => value < 300],
  story_suggest_p95_ms_10k: ['< 200', (value) => value < 200],
  story_coverage_p95_ms_20_articles: ['< 500', (value) => value < 500],
  library_first_paint_ms_10k: ['< 300', (value) => value < 300],
  start_to_interactive_library_ms_10k: ['≤ 1000', (value) => value <= 1000],
  library_dom_nodes_10k: ['< 1000', (value) => value < 1000],
  back_to_library_ms_10k: ['≤ 100', (value) => value <= 100],
  library_jk_p95_ms_10k: ['≤ 16', (value) => value <= 16],
  library_scroll_longest_task_ms_10k: ['≤ 50', (value) => value <= 50],
  library_scroll_longest_task_cpu_ms_10k: ['≤ 50', (value) => value <= 50],
  all_highlights_first_paint_ms_50k: ['≤ 300', (value) => value <= 300],
  all_highlights_dom_nodes_50k: ['≤ 5000', (value) => value <= 5000],
  all_highlights_heap_mb_50k: ['≤ 50', (value) => value <= 50],
  all_highlights_filter_ms_50k: ['≤ 100', (value) => value <= 100],
  highlights_scroll_longest_task_ms_50k: ['≤ 50', (value) => value <= 50],
  highlights_scroll_longest_task_cpu_ms_50k: ['≤ 50', (value) => value <= 50],
  search_main_stall_max_ms_10k: ['< 50', (value) => value < 50],
};

const machine = {
  machine_cores: os.cpus().length,
  machine_memory_gb: Math.round(os.totalmem() / 2 ** 30),
};
console.log(
  `machine: ${machine.machine_cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${machine.machine_memory_gb} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
);

const workDir = await mkdtemp(path.join(os.tmpdir(), 'briefing-bench-'));
const figures: Record<string, number> = { ...machine };
try {
  const log = (line: string) => console.log(`  ${line}`);
  if (runs('store')) {
    console.log('\n== store');
    Object.assign(
      figures,
      await runStoreBench({
        workDir,
        articles: quick ? 1_000 : 10_000,
        highlights: quick ? 5_000 : 50_000,
        saves: quick ? 100 : 400,
        log,
      }),
    );
  }
  if (runs('search')) {
    console.log('\n== search');
    Object.assign(figures, await runSearchBench(path.join(workDir, 'store-10k'), log));
  }
  if (runs('story')) {
    console.log('\n== story desk');
    Object.assign(figures, await runStoryBench(log, quick ? 1_000 : 10_000));
  }
  if (runs('annotations')) {
    console.log('\n== annotations');
    Object.assign(figures, await runAnnotationBench(workDir, log));
  }
  if (runs('painted')) {
    console.log('\n== edits painted in the renderer');
    Object.assign(figures, await runPaintedBench(workDir, log, quick ? 15 : 40));
  }
  if (runs('store-speed')) {
    console.log('\n== store speed at 10,000 articles');
    Object.assign(figures, await runStoreSpeedBench(workDir, log, quick ? 1_000 : 10_000));
  }
  if (runs('library')) {
    console.log('\n== library and highlights view at size');
    Object.assign(figures, await runLibraryBench(workDir, log, quick ? 1_000 : 10_000));
  }
  if (runs('imports')) {
    console.log('\n== imports');
    Object.assign(figures, await runImportBench(workDir, log));
  }
  if (runs('exports')) {
    console.log('\n== exports');
    Object.assign(figures, await runExportBench(workDir, log));
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

console.log('\n== figures');
let missed = 0;
for (const [key, value] of Object.entries(figures)) {
  const target = targets[key];
  const verdict = target
    ? target[1](value)
      ? `  target ${target[0]}: met`
      : `  target ${target[0]}: MISSED`
    : '';
  if (target && !target[1](value)) missed += 1;
  console.log(`${key.padEnd(32)} ${String(value).padStart(10)}${verdict}`);
}
if (jsonFile) {
  await writeFile(jsonFile, JSON.stringify(figures, null, 2) + '\n');
  console.log(`\nwrote ${jsonFile}`);
}
if (missed > 0) console.log(`\n${missed} target(s) missed`);
