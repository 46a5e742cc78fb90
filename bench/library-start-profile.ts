/**
 * Where the library's start goes (`npx tsx bench/library-start-profile.ts [STORE_DIR]`): on the
 * library bench's 10,000-article store (built into STORE_DIR once and kept), a restart of the
 * browser-mode server split into its phases (the old server's close, the new core's start, the
 * page's load to the first row painted), then a reload, each with the server's CPU profile (this
 * process's, through node:inspector) and the page's Chromium trace; the heaviest functions and
 * the page's main-thread events are printed. Figures to find the cause, not targets.
 */
import { Session } from 'node:inspector/promises';
import { access, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { serveApp } from '../tests/e2e/harness/served-app';
import { buildStore } from './library-bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const args = process.argv.slice(2);
/** `--times`: only the phases' times, without profiles or traces (their cost out of the figures), five of each. */
const timesOnly = args.includes('--times');
const profileDir = path.resolve(
  args.find((arg) => !arg.startsWith('--')) ?? path.join(os.tmpdir(), 'library-start-profile'),
);
const storeDir = path.join(profileDir, 'store');
const outDir = path.join(profileDir, 'traces');
await mkdir(outDir, { recursive: true });
try {
  await access(path.join(storeDir, 'library.json'));
} catch {
  await mkdir(storeDir, { recursive: true });
  await buildStore(storeDir, 10_000, (line) => console.log(line));
}

/** Self time by function, heaviest first. */
function topSelf(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, count = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, n) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[n] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** The renderer main thread's top-level tasks (RunTask) and what each mostly was. */
function longTasks(json: string, begunMs: number): string[] {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page's renderer main thread: of the renderers traced (an old one may still be there), the busiest.
  const busy = (thread: TraceEvent) =>
    events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X').length;
  const main = events
    .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
    .sort((a, b) => busy(b) - busy(a))[0];
  if (!main) return ['(no renderer main thread in the trace)'];
  const onMain = events.filter(
    (event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X',
  );
  const first = Math.min(...events.filter((event) => event.ts > 0).map((event) => event.ts));
  void begunMs;
  const tasks = onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > 4000);
  return tasks.map((task) => {
    const inside = onMain
      .filter(
        (event) =>
          event !== task &&
          event.name !== 'RunTask' &&
          event.ts >= task.ts &&
          event.ts + (event.dur ?? 0) <= task.ts + task.dur! &&
          (event.dur ?? 0) > 1000,
      )
      .slice(0, 6)
      .map((event) => {
        const what = event.args?.data?.url?.replace(/^.*\//, '') ?? event.args?.data?.functionName ?? '';
        return `${event.name}${what ? `(${what})` : ''} ${((event.dur ?? 0) / 1000).toFixed(1)}`;
      });
    return `${((task.ts - first) / 1000).toFixed(0).padStart(6)}  ${(task.dur! / 1000).toFixed(1).padStart(6)}  ${inside.join(', ')}`;
  });
}

const firstRow = async (page: Page) => {
  await page.locator('[role="option"]').first().waitFor({ state: 'attached', timeout: 120_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
};

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript('window.__name = (f) => f');
const app = await serveApp(page, profileDir);
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
try {
  await firstRow(page);
  if (timesOnly) {
    for (const run of ['restart', 'reload'] as const)
      for (let n = 0; n < 5; n += 1) {
        const begun = Date.now();
        let closed = begun;
        if (run === 'restart')
          await app.restart(async () => {
            closed = Date.now();
          });
        else await page.reload();
        await firstRow(page);
        const end = await page.evaluate(() => Math.round(performance.now()));
        console.log(
          `${run}: ${Date.now() - closed} ms` +
            (run === 'restart' ? ` after the close (close ${closed - begun} ms)` : '') +
            `, navigation to first row ${end} ms`,
        );
      }
  }
  for (const run of timesOnly ? [] : (['restart', 'restart', 'reload', 'reload'] as const)) {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'loading'],
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await inspector.post('Profiler.start');
    const begun = Date.now();
    let closed = 0;
    let started = 0;
    if (run === 'restart') {
      await app.restart(async () => {
        closed = Date.now();
      });
      started = Date.now();
    } else {
      await page.reload();
      started = Date.now();
    }
    await firstRow(page);
    const done = Date.now();
    const { profile: server } = (await inspector.post('Profiler.stop')) as never as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance
        .getEntriesByType('resource')
        .map((entry) => entry as PerformanceResourceTiming)
        .map(
          (entry) =>
            `${entry.name.replace(/^.*\//, '')} ${Math.round(entry.startTime)}→${Math.round(entry.responseEnd)}`,
        );
      return {
        now: Math.round(performance.now()),
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        responseEnd: Math.round(nav.responseEnd),
        resources,
      };
    });
    const { profile: renderer } = (await cdp.send('Profiler.stop')) as never as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    await cdp.detach();
    const trace = await browser.stopTracing();
    await writeFile(path.join(outDir, `${run}-${begun}-trace.json`), trace);
    await writeFile(path.join(outDir, `${run}-${begun}-renderer.cpuprofile`), JSON.stringify(renderer));
    await writeFile(path.join(outDir, `${run}-${begun}-server.cpuprofile`), JSON.stringify(server));
    console.log(
      `\n== ${run}: ${done - begun} ms` +
        (run === 'restart' ? ` (close ${closed - begun}, core start + goto ${started - closed}, ` : ' (') +
        `goto to first row ${done - started})`,
    );
    console.log('page:', JSON.stringify(timing));
    console.log('page main thread, top-level tasks over 4 ms (ms from the trace start):');
    for (const line of longTasks(trace.toString('utf8'), begun)) console.log(`  ${line}`);
    console.log('renderer self time (ms):');
    for (const [name, ms] of topSelf(renderer, 15)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
    console.log('server self time (ms):');
    for (const [name, ms] of topSelf(server)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
  }
} finally {
  inspector.disconnect();
  await app.close();
  await browser.close();
}
