/**
 * Store speed at 10,000 articles (issue "The whole app stays fast"): import
 * through the app (the IPC dispatcher, the worker, the store) one file per
 * request with `limits.importsInFlight` requests in flight, as the renderer's
 * import queue sends them, into the 10,000-article library and into an empty
 * one; settings and title edits; the longest main-thread stall while a backup
 * is taken; and the core of start-up (store open plus the library's first
 * request) in a fresh process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { configureImportWorker, stopImportWorker } from '../src/main/importing/conversion-worker';
import { openLibraryStore, type LibraryStore } from '../src/main/store/library-store';
import { channels } from '../src/shared/channels';
import { limits } from '../src/shared/limits';
import { brownParagraphs, makeArticles } from './brown-corpus';
import { dispatchForStore } from './dispatch-for-store';
import { percentile, round } from './stats';

const encode = (text: string) => new TextEncoder().encode(text);

/** Imports each text as its own request, `limits.importsInFlight` at a time, into a warm conversion process; returns articles per second. */
async function importThroughApp(store: LibraryStore, texts: string[], tag: string): Promise<number> {
  const dispatch = dispatchForStore(store);
  // As in the app, where the conversion process is started at start-up (warmImportWorker, once the
  // first screen is painted), the import is timed with the process running: one article is imported
  // first, untimed (a copy of the first text, so the timed ones are all new).
  const warmUp = await dispatch(channels.importFiles, {
    files: [{ name: `${tag}-warm-up.txt`, bytes: encode(`${texts[0]!}\n\nWarm-up copy.`) }],
  });
  if (!warmUp.ok) throw new Error(`warm-up import failed: ${warmUp.error.message}`);
  let next = 0;
  const begin = performance.now();
  const sender = async () => {
    while (next < texts.length) {
      const n = next++;
      const reply = await dispatch(channels.importFiles, {
        files: [{ name: `${tag}-${n}.txt`, bytes: encode(texts[n]!) }],
      });
      if (!reply.ok) throw new Error(`import failed: ${reply.error.message}`);
      const [result] = reply.value as { status: string }[];
      if (result?.status !== 'imported') throw new Error(`import of ${tag}-${n} gave ${result?.status}`);
    }
  };
  await Promise.all(Array.from({ length: limits.importsInFlight }, sender));
  return texts.length / ((performance.now() - begin) / 1000);
}

async function editTimes(count: number, edit: (n: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const begin = performance.now();
    await edit(n);
    samples.push(performance.now() - begin);
  }
  return samples;
}

/** The longest event-loop stall (ms) while `task` runs. */
async function longestStall(task: () => Promise<void>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await task();
  delay.disable();
  return delay.max / 1e6;
}

export async function runStoreSpeedBench(
  workDir: string,
  log: (line: string) => void,
  articles = 10_000,
): Promise<Record<string, number>> {
  const built = path.resolve('out/main/import-worker.js');
  if (existsSync(built)) configureImportWorker({ script: built });
  const paragraphs = await brownParagraphs();
  // 1,000 imports (about five seconds): with 200, one second's noise on this machine moved the rate by 20 %.
  const incomingCount = 1_000;
  const texts = makeArticles(paragraphs, articles + incomingCount);
  // A closing line of this run's own, so a library kept from an earlier run still takes them as new.
  const stamp = new Date().toISOString();
  const incoming = texts.slice(articles).map((text, n) => `${text}\n\nFiled as number ${n} at ${stamp}.\n`);
  // The store benchmark's library (10,000 articles, 50,000 highlights) when it ran first.
  const dir = path.join(workDir, 'store-10k');
  if (!existsSync(dir)) {
    log(`building a ${articles}-article library (no highlights: the store benchmark did not run first)…`);
    const store = await openLibraryStore({ dir, backups: false });
    const addedAt = new Date().toISOString();
    for (let start = 0; start < articles; start += 500)
      await store.addArticles(
        texts
          .slice(start, Math.min(start + 500, articles))
          .map((text, n) => articleFromPlainText(text, { sourceFile: `base-${start + n}.txt`, addedAt })),
      );
    await store.close();
  }

  log('start-up core in a fresh process…');
  const starts = [0, 1, 2].map(
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', 'bench/start-core-child.ts', dir], {
          encoding: 'utf8',
        }),
      ) as { openMs: number; libraryMs: number },
  );
  const start = starts.map((run) => run.libraryMs).sort((a, b) => a - b)[1]!;

  log('backups: the one after opening, then one driven by a change…');
  const backupStalls: number[] = [];
  for (const backupIntervalMs of [undefined, 0]) {
    const opened = await openLibraryStore({ dir, backupIntervalMs });
    // flush takes the backup that waits after opening at once, and waits for it.
    backupStalls.push(await longestStall(() => opened.flush()));
    if (backupIntervalMs === 0) {
      // The interval is 0: this change starts a backup at once; flush waits for it.
      backupStalls.push(
        await longestStall(async () => {
          await opened.updateIndex((index) => void (index.settings.theme = 'dark'));
          await opened.flush();
        }),
      );
    }
    await opened.close();
  }

  log('settings and title edits (backups at their usual interval)…');
  const store = await openLibraryStore({ dir });
  await store.flush();
  const dispatch = dispatchForStore(store);
  const ids = store.index().articles.map((record) => record.id);
  const settings = await editTimes(40, async (n) => {
    const reply = await dispatch(channels.updateSettings, { theme: n % 2 ? 'dark' : 'light' });
    if (!reply.ok) throw new Error(reply.error.message);
  });
  const titles = await editTimes(40, async (n) => {
    const reply = await dispatch(channels.updateArticleMetadata, {
      id: ids[(n * 7919) % ids.length]!,
      title: `Edited title ${n}`,
    });
    if (!reply.ok) throw new Error(reply.error.message);
  });

  log(`importing ${incoming.length} articles through the app into ${ids.length} and into none…`);
  const intoFull = await importThroughApp(store, incoming, 'full');
  await store.close();
  const empty = await openLibraryStore({ dir: path.join(workDir, 'store-speed-empty') });
  const intoEmpty = await importThroughApp(empty, incoming, 'empty');
  await empty.close();
  stopImportWorker();

  return {
    start_to_library_ms_10k: round(start, 1),
    start_store_open_ms_10k: round(starts.map((run) => run.openMs).sort((a, b) => a - b)[1]!, 1),
    import_app_articles_per_s_10k: round(intoFull, 1),
    import_app_articles_per_s_empty: round(intoEmpty, 1),
    import_app_cost_ratio_10k_vs_empty: round(intoEmpty / intoFull),
    settings_edit_p50_ms_10k: round(percentile(settings, 50)),
    settings_edit_ms_10k: round(percentile(settings, 95)),
    title_edit_p50_ms_10k: round(percentile(titles, 50)),
    title_edit_ms_10k: round(percentile(titles, 95)),
    backup_stall_max_ms_10k: round(Math.max(...backupStalls), 1),
  };
}
