/**
 * Import benchmark (issue "No file can freeze the app"): the highlight save
 * round trip (through the IPC dispatcher, to its durable write), with the
 * app quiet and while hostile imports run one after another: a 2.6 MB page of
 * 8,000 paragraphs that converts for seconds, a million-letter word, a million
 * lines, 100,000 nested <div>s. Conversion runs in its own low-priority
 * process, so the save's p95 should stay within twice the quiet figure.
 *
 * Fair by construction: the same article and store throughout (each timed
 * save is followed by an untimed delete, and the warm-up fills the undo
 * history to its depth first, so every save writes the same amount), and the
 * quiet and busy phases alternate over several rounds, so a change in the
 * machine's load during the run weighs on both.
 */
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { channels } from '../src/shared/channels';
import { openLibraryStore } from '../src/main/store/library-store';
import { existsSync } from 'node:fs';
import { configureImportWorker, stopImportWorker } from '../src/main/importing/conversion-worker';
import { brownParagraphs } from './brown-corpus';
import { percentile, round } from './stats';
import { dispatchForStore } from './dispatch-for-store';
import { historyDepth } from '../src/main/store/schemas/operation-log';

const encode = (text: string) => new TextEncoder().encode(text);
/** Quiet and busy phases alternate this many times. */
const rounds = 3;
/** Timed quiet saves per round (rounds × this ≥ 200, enough for a p95). */
const quietSavesPerRound = 70;

function hostileFiles(paragraphs: string[]): { name: string; bytes: Uint8Array }[] {
  const body = Array.from({ length: 8_000 }, (_, n) => `<p>${paragraphs[n % paragraphs.length]}</p>`).join(
    '',
  );
  return [
    {
      name: 'large-page.html',
      bytes: encode(`<html><body><article><h1>Large</h1>${body}</article></body></html>`),
    },
    { name: 'one-word.txt', bytes: encode('a'.repeat(1_000_000)) },
    { name: 'million-lines.txt', bytes: encode('a\n'.repeat(1_000_000)) },
    {
      name: 'nested.html',
      bytes: encode(`<body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body>`),
    },
  ];
}

export async function runImportBench(
  workDir: string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const paragraphs = await brownParagraphs();
  // The app's own worker bundle when it is built (`npm run build`), as the installed app runs it.
  const built = path.resolve('out/main/import-worker.js');
  if (existsSync(built)) configureImportWorker({ script: built });
  log(
    `worker: ${existsSync(built) ? built : 'TypeScript sources through tsx (run npm run build to bench the bundle)'}`,
  );
  const store = await openLibraryStore({ dir: path.join(workDir, 'import-store') });
  const article = articleFromPlainText(`A Report\n\n${paragraphs.slice(0, 200).join('\n\n')}\n`, {
    sourceFile: 'report.txt',
    addedAt: new Date().toISOString(),
  });
  await store.addArticles([article]);
  const dispatch = dispatchForStore(store);
  await dispatch(channels.getArticle, { id: article.record.id });
  const text = article.cleaned.text;
  let n = 0;
  const saves = async (count: number, until?: () => boolean) => {
    const timings: number[] = [];
    for (let i = 0; i < count || (until && !until()); i += 1) {
      const start = (n++ * 7919) % (text.length - 40);
      const begin = performance.now();
      const reply = await dispatch(channels.createHighlight, {
        articleId: article.record.id,
        start,
        end: start + 20,
        categoryId: 'evidence',
      });
      timings.push(performance.now() - begin);
      if (!reply.ok) throw new Error(`createHighlight failed: ${reply.error.message}`);
      // Untimed: the highlight is deleted again, so every timed save writes the same amount,
      // quiet or busy (without this the busy phase, which runs more saves, saves into a larger file).
      const removed = await dispatch(channels.deleteHighlight, {
        articleId: article.record.id,
        highlightId: (reply.value as { highlight: { id: string } }).highlight.id,
      });
      if (!removed.ok) throw new Error(`deleteHighlight failed: ${removed.error.message}`);
    }
    return timings;
  };

  // Warm-up: enough save/delete pairs to fill the undo history to its depth, so every timed save,
  // quiet or busy, writes a history of the same size (a shorter one would favour the first phase).
  log('warm-up…');
  await saves(historyDepth / 2 + 10);
  // The large page is imported once before timing (it is a duplicate in every pass after), so the
  // store holds the same articles throughout and the conversion process is started and warm.
  const files = hostileFiles(paragraphs);
  const first = await dispatch(channels.importFiles, { files: [files[0]!] });
  if (!first.ok) throw new Error(`import failed: ${first.error.message}`);

  // Quiet and busy phases alternate, several rounds, each busy phase one full pass over the hostile
  // files: on a shared machine a change of load over the run then weighs on both figures alike.
  const quiet: number[] = [];
  const busy: number[] = [];
  const quietDelay = monitorEventLoopDelay({ resolution: 5 });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const importMs: number[] = [];
  let imports = 0;
  for (let at = 1; at <= rounds; at += 1) {
    log(`round ${at}/${rounds}: highlight saves, quiet…`);
    quietDelay.enable();
    quiet.push(...(await saves(quietSavesPerRound)));
    quietDelay.disable();

    log(`round ${at}/${rounds}: highlight saves while hostile files import…`);
    let passed = 0;
    const importPass = (async () => {
      for (const file of files) {
        const begin = performance.now();
        const reply = await dispatch(channels.importFiles, { files: [file] });
        importMs.push(performance.now() - begin);
        if (!reply.ok) throw new Error(`import failed: ${reply.error.message}`);
        passed += 1;
      }
    })();
    delay.enable();
    busy.push(...(await saves(0, () => passed >= files.length)));
    delay.disable();
    await importPass;
    imports += passed;
  }
  stopImportWorker();
  await store.close();

  const quietP95 = percentile(quiet, 95);
  const busyP95 = percentile(busy, 95);
  log(`${imports} hostile imports ran during ${busy.length} saves (${quiet.length} quiet saves)`);
  return {
    import_quiet_save_p95_ms: round(quietP95),
    import_hostile_save_p95_ms: round(busyP95),
    import_hostile_save_p95_ratio: round(busyP95 / quietP95),
    // How long the main thread was held up, quiet and meanwhile (it only waits for the worker's
    // messages; on a loaded machine the OS scheduler's delays show in both).
    import_quiet_event_loop_delay_p99_ms: round(quietDelay.percentile(99) / 1e6),
    import_hostile_event_loop_delay_p99_ms: round(delay.percentile(99) / 1e6),
    import_hostile_event_loop_delay_max_ms: round(delay.max / 1e6),
    import_hostile_files_imported: imports,
    import_quiet_saves: quiet.length,
    import_hostile_saves: busy.length,
    import_hostile_longest_ms: round(Math.max(...importMs)),
  };
}
