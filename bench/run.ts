/**
 * `npm run bench [-- --json FILE] [-- --quick] [-- --search]`: runs every benchmark
 * (`--search`: only the store and search ones), prints the figures with the machine
 * they came from, and with --json writes them to FILE as flat keys whose names
 * carry their units (e.g. `save_p95_ms_10k`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runStoreBench } from './store-bench';
import { runAnnotationBench } from './annotation-bench';
import { runExportBench } from './export-bench';
import { runImportBench } from './import-bench';
import { runPaintedBench } from './painted-bench';
import { runSearchBench } from './search-bench';

const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const quick = args.includes('--quick');
const only = args.includes('--annotations')
  ? 'annotations'
  : args.includes('--painted')
    ? 'painted'
    : args.includes('--search')
      ? 'search'
      : null;

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
  search_p95_ms_10k: ['< 20', (value) => value < 20],
  search_index_load_ms_10k: ['< 1500', (value) => value < 1500],
  search_update_ms_p95: ['< 5', (value) => value < 5],
  core_rss_mb_with_index_10k: ['< 300', (value) => value < 300],
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
  if (only === null || only === 'search') console.log('\n== store');
  if (only === null || only === 'search')
    Object.assign(
      figures,
      await runStoreBench({
        workDir,
        articles: quick ? 1_000 : 10_000,
        highlights: quick ? 5_000 : 50_000,
        saves: quick ? 100 : 400,
        log: (line) => console.log(`  ${line}`),
      }),
    );
  if (only === null || only === 'search') {
    console.log('\n== search');
    Object.assign(
      figures,
      await runSearchBench(path.join(workDir, 'store-10k'), (line) => console.log(`  ${line}`)),
    );
  }
  if (only !== 'painted' && only !== 'search') {
    console.log('\n== annotations');
    Object.assign(figures, await runAnnotationBench(workDir, (line) => console.log(`  ${line}`)));
  }
  if (only !== 'search') console.log('\n== edits painted in the renderer');
  if (only !== 'search')
    Object.assign(
      figures,
      await runPaintedBench(workDir, (line) => console.log(`  ${line}`), quick ? 15 : 40),
    );
  if (only === null) {
    console.log('\n== imports');
    Object.assign(figures, await runImportBench(workDir, (line) => console.log(`  ${line}`)));
    console.log('\n== exports');
    Object.assign(figures, await runExportBench(workDir, (line) => console.log(`  ${line}`)));
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
