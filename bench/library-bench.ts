/**
 * The library and the all-highlights view at size (issue 14): a store of
 * 10,000 Brown-corpus articles with five real highlights each (50,000, every
 * third with a note), served by browser mode (in a process of its own, as the
 * app's main process is) over its HTTP transport to the built renderer in
 * Chromium. Measured in the page:
 * - start to interactive library: a new server's start (store open) to the first row painted, the
 *   previous server's close (quitting) timed apart;
 * - library first paint (navigation start to the first row painted) and DOM nodes;
 * - j/k: a key press to the selection moved and laid out (script, effects, layout), p95;
 * - scrolling the whole library: long tasks (> 50 ms) seen by a PerformanceObserver;
 * - back to the library from the reader (Esc to the first row painted);
 * - the highlights view: first row painted (its page fetched from the main process), DOM nodes, JS
 *   heap after GC, a category filter click to its first rows painted, scrolling the whole list.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { TextIndex } from '../src/main/anchoring/text-index';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { openLibraryStore } from '../src/main/store/library-store';
import { emptyShard } from '../src/main/store/schemas/annotation-shard';
import { rendererDir } from '../tests/e2e/harness/served-app';
import { highlightsOn } from './annotation-bench';
import { brownParagraphs, makeArticles } from './brown-corpus';
import { longTaskFigures, mainThreadTasks, type TraceEvent } from './main-thread-tasks';
import { serveAppProcess } from './served-app-process';
import { percentile, round } from './stats';

const categories = ['key-judgment', 'evidence', 'counterpoint', 'question', 'quote'];

/** Writes the store: articles through the store (durable), then each article's five highlights into its file. */
export async function buildStore(
  storeDir: string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const texts = makeArticles(await brownParagraphs(), count);
  const store = await openLibraryStore({ dir: storeDir, backups: false });
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let from = 0; from < texts.length; from += 500) {
    const batch = texts.slice(from, from + 500).map((text, n) =>
      articleFromPlainText(text, {
        sourceFile: `brown-${from + n}.txt`,
        addedAt: new Date(start + (from + n) * 60_000).toISOString(),
      }),
    );
    await store.addArticles(batch);
    log(`  ${Math.min(from + 500, texts.length)} articles`);
  }
  const records = store.index().articles;
  await store.close();
  // Each article's highlights are written straight into its annotation file (a generated fixture, not a save path).
  let done = 0;
  for (const record of records) {
    const article = await readFile(path.join(storeDir, 'articles', `${record.id}.json`), 'utf8');
    const text = (JSON.parse(article) as { cleaned: { text: string } }).cleaned.text;
    const highlights = highlightsOn(new TextIndex(text), 5).map((highlight, n) => ({
      ...highlight,
      categoryId: categories[(done + n) % categories.length]!,
      note:
        n % 3 === 0
          ? `Note on passage ${n} of ${record.title.slice(0, 30)}: check against the other reports.`
          : '',
    }));
    const shard = { ...emptyShard(record.id), highlights };
    await writeFile(path.join(storeDir, 'annotations', `${record.id}.json`), JSON.stringify(shard));
    done += 1;
  }
}

/** Writes the bench's store of `count` articles into `storeDir`. */
export async function writeStore(
  storeDir: string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  await mkdir(storeDir, { recursive: true });
  log(`writing ${count.toLocaleString('en')} articles with 5 highlights each (in a child process)…`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/build-store-child.ts', storeDir, String(count)],
    { maxBuffer: 1 << 24 },
  );
  for (const line of stdout.trim().split('\n')) log(line);
}

/** Chromium with a page of the bench's window size, ready to be served the app. */
export async function benchPage() {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx names the functions inside page.evaluate through a helper the page lacks: give it one.
  await page.addInitScript('window.__name = (f) => f');
  return { browser, page };
}

/** When `selector` first matches, the time of the frame after (performance.now); fails after 60 s. */
async function afterFrame(page: Page, selector: string): Promise<number> {
  await page
    .locator(selector)
    .first()
    .waitFor({ state: 'attached', timeout: 60_000 })
    .catch(async (error: unknown) => {
      const shown = await page.evaluate(() => document.querySelector('main')?.innerHTML.slice(0, 1500));
      throw new Error(`${String(error)}\nThe page showed: ${shown}`);
    });
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** Presses a key `times` times, each timed from dispatch to its DOM update laid out. */
function keyTimes(page: Page, key: string, times: number): Promise<number[]> {
  return page.evaluate(
    async ({ key, times }) => {
      const spent: number[] = [];
      for (let n = 0; n < times; n += 1) {
        const started = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        void document.body.offsetHeight;
        spent.push(performance.now() - started);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return spent;
    },
    { key, times },
  );
}

/** A full collection of this process's heap, when run with `--expose-gc` (`npm run bench` is). */
function collectBenchGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Scrolls the window from top to bottom a screen per frame, and returns the long tasks seen meanwhile. */
export function scrollLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    window.scrollTo(0, 0);
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
      window.scrollBy(0, window.innerHeight);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    window.scrollTo(0, 0);
    return long;
  });
}

/**
 * The scroll as a user's: the pointer over the list (rows under it change as it scrolls), the whole
 * list a screen per frame. Long tasks both as the page sees them (wall time, PerformanceObserver) and
 * by the main thread's CPU time in a Chromium trace taken in a second pass: on a busy machine a task is long
 * by wall time when its thread was not scheduled, which the CPU time tells apart.
 */
async function scrollFigures(page: Page, key: string, size: string): Promise<Record<string, number>> {
  await page.mouse.move(640, 500);
  // This process drives Chromium and parses traces of hundreds of megabytes: its garbage is collected
  // before the pass, so the collection (on parallel threads, taking both cores) does not land in it.
  collectBenchGarbage();
  // Two passes: the wall-time long tasks without a trace running (recording one costs the page's
  // threads time on two cores), then the same scroll traced for the CPU figures.
  const observed = await scrollLongTasks(page);
  const browser = page.context().browser()!;
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  const observedTraced = await scrollLongTasks(page);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const tasks = mainThreadTasks(trace.traceEvents).tasks;
  const figures = longTaskFigures(tasks);
  return {
    [`${key}_long_tasks_${size}`]: observed.length,
    [`${key}_longest_task_ms_${size}`]: round(Math.max(0, ...observed), 0),
    [`${key}_long_tasks_traced_${size}`]: observedTraced.length,
    [`${key}_longest_task_traced_ms_${size}`]: round(Math.max(0, ...observedTraced), 0),
    [`${key}_long_tasks_by_cpu_${size}`]: figures.overByCpu,
    [`${key}_longest_task_cpu_ms_${size}`]: round(figures.longestCpuMs, 1),
    [`${key}_task_cpu_p99_ms_${size}`]: round(
      percentile(
        tasks.map((task) => task.cpuMs),
        99,
      ),
      1,
    ),
  };
}

/** Opens the highlights view from the library and measures it. */
async function highlightsView(
  page: Page,
  cdp: CDPSession,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  log('the highlights view…');
  const opened = await page.evaluate(() => {
    const at = performance.now();
    [...document.querySelectorAll('button')]
      .find((button) => button.textContent?.trim() === 'Highlights')!
      .click();
    return at;
  });
  // The first row with its highlight in it (an empty slot is a row whose page has not come yet).
  const highlightsPaint = (await afterFrame(page, '#highlight-row-0[aria-busy="false"] .highlight')) - opened;
  const highlightNodes = await domNodes(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const filterMs: number[] = [];
  for (const name of ['Evidence', 'Question', 'All', 'Quote', 'Key judgment', 'All']) {
    filterMs.push(
      await page.evaluate(async (name) => {
        const chip = [
          ...document.querySelectorAll<HTMLButtonElement>('[aria-label="Filter All highlights"] button'),
        ].find((button) => button.textContent?.trim().startsWith(name))!;
        const started = performance.now();
        chip.click();
        // The rows come from the main process: wait, a frame at a time, until the list shows the
        // first page of the new filter (the list is busy meanwhile), then for that frame.
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const shown = () =>
          chip.getAttribute('aria-pressed') === 'true' &&
          document.querySelector('[aria-label="All highlights"]')?.getAttribute('aria-busy') === 'false' &&
          document.querySelector('#highlight-row-0 .highlight') !== null;
        await frame();
        while (!shown()) await frame();
        return performance.now() - started;
      }, name),
    );
  }
  log('scrolling the highlights…');
  const highlightsScroll = await scrollFigures(page, 'highlights_scroll', '50k');
  const rowsShown = await page.evaluate(
    () => document.querySelectorAll('#highlight-row-0, [id^="highlight-row-"]').length,
  );

  return {
    all_highlights_first_paint_ms_50k: round(highlightsPaint, 0),
    all_highlights_dom_nodes_50k: highlightNodes,
    all_highlights_rows_in_dom_50k: rowsShown,
    all_highlights_heap_mb_50k: round(heap.usedSize / 2 ** 20, 1),
    all_highlights_filter_ms_50k: round(percentile(filterMs, 50), 1),
    all_highlights_filter_max_ms_50k: round(Math.max(...filterMs), 1),
    ...highlightsScroll,
  };
}

export async function runLibraryBench(
  workDir: string,
  log: (line: string) => void,
  articles = 10_000,
): Promise<Record<string, number>> {
  try {
    await access(path.join(rendererDir, 'index.html'));
  } catch {
    log('building the renderer (electron-vite build)…');
    await promisify(execFile)('npx', ['electron-vite', 'build'], { maxBuffer: 1 << 24 });
  }
  const profileDir = path.join(workDir, 'library-profile');
  await writeStore(path.join(profileDir, 'store'), articles, log);

  const { browser, page } = await benchPage();
  // Every long task since the page started, with its start (for the background load's share).
  await page.addInitScript(() => {
    const seen: PerformanceEntry[] = [];
    (window as unknown as { __longTasks: PerformanceEntry[] }).__longTasks = seen;
    new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ type: 'longtask' });
  });
  // The app's main process runs in a process of its own, as the installed app's does.
  const app = await serveAppProcess(profileDir).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  try {
    await page.goto(app.url());
    const cdp = await page.context().newCDPSession(page);
    await page.locator('[role="option"]').first().waitFor({ timeout: 120_000 });
    // Start to interactive library, as a relaunch does it: the server starts (store open, search
    // index loaded), the page loads and asks for the library, the first row is painted. Timed from
    // the moment the previous process has quit and the new one, its modules already loaded (not
    // timed, as a built app's load in moments), is told to start; that quit (the last backup, the
    // search index saved) is reported apart. Taken twice; the second, once the first start has
    // written what it builds (the search index).
    log('start to interactive library (restart)…');
    const starts: number[] = [];
    const closes: number[] = [];
    for (let n = 0; n < 2; n += 1) {
      let begun = 0;
      const { quitMs } = await app.restart(() => (begun = Date.now()));
      await page.goto(app.url());
      await page.locator('[role="option"]').first().waitFor({ timeout: 120_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      starts.push(Date.now() - begun);
      closes.push(quitMs);
    }
    // The reloads measure the page and the answers it waits for, not the start-up work still going in
    // the main process after a start (the search index's load, the backup taken after opening): they
    // come once that is over, as a reload in use does.
    await app.idle();
    log('library first paint (reload)…');
    const paints: number[] = [];
    for (let n = 0; n < 3; n += 1) {
      await page.reload();
      paints.push(await afterFrame(page, '[role="option"]'));
    }
    const libraryNodes = await domNodes(page);
    // When the rest of the library (coming in the background after the first screen) is all in.
    await page.evaluate(() => {
      const target = window as unknown as { __completeAt?: number };
      const list = document.querySelector('[role="listbox"]')!;
      const check = () => {
        if (target.__completeAt === undefined && list.getAttribute('data-complete') === 'true')
          requestAnimationFrame(() => (target.__completeAt = performance.now()));
      };
      new MutationObserver(check).observe(list, { attributes: true, attributeFilter: ['data-complete'] });
      check();
    });
    log('j/k…');
    await keyTimes(page, 'j', 10);
    const jk = [...(await keyTimes(page, 'j', 100)), ...(await keyTimes(page, 'k', 50))];
    // The rest of the library comes in the background after the first screen: its long tasks are
    // counted apart (from the first row painted to the whole library in), and the scroll waits for it,
    // so the scroll's figures are the scroll's alone.
    log('the rest of the library loading…');
    await page.waitForFunction(() => (window as unknown as { __completeAt?: number }).__completeAt, null, {
      timeout: 120_000,
    });
    const loadLong = await page.evaluate((from) => {
      const { __longTasks, __completeAt } = window as unknown as {
        __longTasks: PerformanceEntry[];
        __completeAt: number;
      };
      return __longTasks
        .filter((entry) => entry.startTime >= from && entry.startTime <= __completeAt)
        .map((entry) => entry.duration);
    }, paints.at(-1)!);
    log('scrolling the library…');
    const libraryScroll = await scrollFigures(page, 'library_scroll', '10k');

    log('back to the library from the reader…');
    const back: number[] = [];
    for (let n = 0; n < 5; n += 1) {
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.locator('.body').waitFor();
      const started = await page.evaluate(() => {
        const at = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        return at;
      });
      back.push((await afterFrame(page, '[role="option"][aria-selected="true"]')) - started);
    }

    const library = {
      library_articles: articles,
      library_first_paint_ms_10k: round(percentile(paints, 50), 0),
      start_to_interactive_library_ms_10k: starts[1]!,
      quit_before_restart_ms_10k: closes[1]!,
      library_dom_nodes_10k: libraryNodes,
      library_jk_p50_ms_10k: round(percentile(jk, 50), 1),
      library_jk_p95_ms_10k: round(percentile(jk, 95), 1),
      library_background_load_long_tasks_10k: loadLong.length,
      library_background_load_longest_task_ms_10k: round(Math.max(0, ...loadLong), 0),
      ...libraryScroll,
      back_to_library_ms_10k: round(percentile(back, 50), 0),
    };
    try {
      return { ...library, ...(await highlightsView(page, cdp, log)) };
    } catch (error) {
      log(`the highlights view could not be measured: ${String(error).slice(0, 300)}`);
      return library;
    }
  } finally {
    await app.close();
    await browser.close();
  }
}
