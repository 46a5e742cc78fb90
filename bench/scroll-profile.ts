/**
 * What the long tasks are while the library or the highlights view scrolls
 * (`npm run bench:profile-scroll -- [--highlights | --load] [--dir DIR] [--articles N]`):
 * on the library bench's store (10,000 Brown-corpus articles, 50,000
 * highlights; kept in DIR when given, so a second run skips building it), the
 * bench's own scroll is run under a Chromium trace and the sampling profiler.
 * Every main-thread task over 50 ms is listed with its wall time, its thread
 * CPU time (on a loaded machine a task can be long only because the thread
 * was not running), what ran inside it (trace events, self time) and the
 * JavaScript functions sampled in it. With `--load`, a reload is traced instead,
 * until the whole library is in (its first screen, then the background slices).
 * Figures to find causes, not targets.
 */
import os from 'node:os';
import path from 'node:path';
import { access, mkdtemp, rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { serveApp } from '../tests/e2e/harness/served-app';
import { benchPage, scrollLongTasks, writeStore } from './library-bench';
import { mainThreadTasks, type TraceEvent } from './main-thread-tasks';
import { round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const highlights = args.includes('--highlights');
/** Instead of a scroll: a reload, until the whole library is in (the first screen, then the background slices). */
const load = args.includes('--load');
const articles = Number(option('--articles') ?? 10_000);
const keptDir = option('--dir');
const workDir = keptDir ?? (await mkdtemp(path.join(os.tmpdir(), 'briefing-scroll-profile-')));
const log = (line: string) => console.log(line);

const storeDir = path.join(workDir, 'store');
const built = await access(path.join(storeDir, 'library.json')).then(
  () => true,
  () => false,
);
if (!built) await writeStore(storeDir, articles, log);

const { browser, page } = await benchPage();
const app = await serveApp(page, workDir);

/** Opens the view to scroll the way the library bench does before its scroll. */
async function prepare(page: Page): Promise<void> {
  await page.locator('[role="option"]').first().waitFor({ timeout: 120_000 });
  await page.reload();
  await page.locator('[role="option"]').first().waitFor({ timeout: 120_000 });
  if (load) return;
  if (!highlights) {
    for (let n = 0; n < 160; n += 1) await page.keyboard.press(n < 110 ? 'j' : 'k');
    return;
  }
  await page.getByRole('button', { name: 'Highlights', exact: true }).click();
  await page.locator('#highlight-row-0[aria-busy="false"] .highlight').waitFor({ timeout: 60_000 });
}

const keyOf = ({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;

/**
 * Each sample of the CPU profile as [time µs, the sampled function, µs, the innermost function of the
 * app's own bundle on its stack (what native work, a DOM call or a layout, was done for)].
 */
function samplesOf(profile: CpuProfile): [number, string, number, string][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const appFrame = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.url.includes('/assets/')) return keyOf(frame);
    }
    return keyOf(byId.get(id)!.callFrame);
  };
  const out: [number, string, number, string][] = [];
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    out.push([time, keyOf(byId.get(id)!.callFrame), delta, appFrame(id)]);
  });
  return out;
}

/** Each call the page makes to the server meanwhile: its channel and the server's own time on it. */
const calls: { channel: string; serverMs: number }[] = [];
page.on('response', (response) => {
  if (!response.url().endsWith('/api')) return;
  const channel = (JSON.parse(response.request().postData() ?? '{}') as { channel?: string }).channel ?? '?';
  const timing = /app;dur=([\d.]+)/.exec(response.headers()['server-timing'] ?? '');
  calls.push({ channel, serverMs: Number(timing?.[1] ?? NaN) });
});

try {
  await prepare(page);
  calls.splice(0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'blink.user_timing',
      'loading',
    ],
  });
  await cdp.send('Profiler.start');
  log(
    load
      ? 'reloading the library under the trace, until all of it is in…'
      : `scrolling the ${highlights ? 'highlights view' : 'library'} under the trace…`,
  );
  const observed = load ? [] : await scrollLongTasks(page);
  if (load) {
    await page.reload();
    await page.locator('[role="listbox"][data-complete="true"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  log(
    `the page's PerformanceObserver saw ${observed.length} tasks over 50 ms: ${observed.map((ms) => round(ms, 0)).join(', ')} ms`,
  );

  const byChannel = new Map<string, number[]>();
  for (const call of calls)
    byChannel.set(call.channel, [...(byChannel.get(call.channel) ?? []), call.serverMs]);
  for (const [channel, times] of byChannel)
    log(
      `server calls meanwhile: ${times.length} × ${channel}, server time total ${round(
        times.reduce((sum, ms) => sum + ms, 0),
        0,
      )} ms, longest ${round(Math.max(...times), 1)} ms`,
    );
  const { thread: main, tasks } = mainThreadTasks(trace.traceEvents);
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = trace.traceEvents
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const samples = samplesOf(profile);
  const first = tasks[0]?.ts ?? 0;
  const spanMs = ((tasks.at(-1)?.ts ?? 0) - first) / 1000;
  const busy = tasks.reduce((sum, task) => sum + task.wallMs, 0);
  const cpu = tasks.reduce((sum, task) => sum + task.cpuMs, 0);
  log(
    `\n${tasks.length} main-thread tasks over ${round(spanMs, 0)} ms: ${round(busy, 0)} ms busy (wall), ${round(cpu, 0)} ms on the CPU`,
  );
  const long = tasks.filter((task) => task.wallMs > 50);
  log(
    `${long.length} over 50 ms by wall time, ${tasks.filter((task) => task.cpuMs > 50).length} over 50 ms of CPU time`,
  );

  const byCpu = tasks.map((task) => task.cpuMs).sort((a, b) => a - b);
  const at = (share: number) =>
    round(byCpu[Math.min(byCpu.length - 1, Math.floor(share * byCpu.length))] ?? 0, 1);
  log(
    `task CPU time, p50 / p95 / p99 / max: ${at(0.5)} / ${at(0.95)} / ${at(0.99)} / ${round(byCpu.at(-1) ?? 0, 1)} ms`,
  );

  const labelOf = (event: TraceEvent) =>
    event.name === 'EventDispatch' ? `EventDispatch(${String(event.args?.data?.['type'])})` : event.name;
  /** Self time (wall and CPU) by trace event name, and sampled JavaScript, between two trace times. */
  const describe = (from: number, to: number) => {
    const inside = onMain.filter((event) => event.ts >= from && event.ts + event.dur! <= to);
    const self = new Map<string, [number, number]>();
    const add = (label: string, wall: number, cpu: number) => {
      const [w, c] = self.get(label) ?? [0, 0];
      self.set(label, [w + wall, c + cpu]);
    };
    const stack: TraceEvent[] = [];
    for (const event of inside) {
      while (stack.length > 0 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= event.ts) stack.pop();
      const parent = stack.at(-1);
      add(labelOf(event), event.dur! / 1000, (event.tdur ?? 0) / 1000);
      if (parent) add(labelOf(parent), -event.dur! / 1000, -(event.tdur ?? 0) / 1000);
      stack.push(event);
    }
    const js = new Map<string, number>();
    const app = new Map<string, number>();
    for (const [time, key, delta, appKey] of samples)
      if (time >= from && time <= to) {
        js.set(key, (js.get(key) ?? 0) + delta / 1000);
        app.set(appKey, (app.get(appKey) ?? 0) + delta / 1000);
      }
    return { self, js, app };
  };
  const top = (values: Map<string, number>, count: number) =>
    [...values]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .filter(([, ms]) => ms >= 0.5);
  for (const task of long) {
    const { self, js } = describe(task.ts, task.ts + task.wallMs * 1000);
    log(
      `\n  task at +${round((task.ts - first) / 1000, 0)} ms: ${round(task.wallMs, 1)} ms wall, ${round(task.cpuMs, 1)} ms CPU`,
    );
    for (const [name, [wall, cpu]] of [...self].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8))
      if (wall >= 0.5) log(`    ${round(wall, 1).toString().padStart(7)} ms (CPU ${round(cpu, 1)})  ${name}`);
    log('    JS sampled:');
    for (const [name, ms] of top(js, 8)) log(`    ${round(ms, 1).toString().padStart(7)} ms  ${name}`);
  }
  const whole = describe(first, Infinity);
  log('\nthe whole scroll, main thread self time by trace event (wall, CPU):');
  for (const [name, [wall, cpu]] of [...whole.self].sort((a, b) => b[1][1] - a[1][1]).slice(0, 18))
    log(`  ${round(wall, 1).toString().padStart(8)} ms  ${round(cpu, 1).toString().padStart(8)} ms  ${name}`);
  log('the whole scroll, JavaScript self time sampled:');
  for (const [name, ms] of top(whole.js, 20)) log(`  ${round(ms, 1).toString().padStart(8)} ms  ${name}`);
  log('the same, each sample credited to the innermost app function on its stack:');
  for (const [name, ms] of top(whole.app, 25)) log(`  ${round(ms, 1).toString().padStart(8)} ms  ${name}`);
  const durations = tasks.map((task) => task.wallMs).sort((a, b) => b - a);
  log(
    `the ten longest tasks (wall ms): ${durations
      .slice(0, 10)
      .map((ms) => round(ms, 1))
      .join(', ')}`,
  );
} finally {
  await app.close();
  await browser.close();
  if (!keptDir) await rm(workDir, { recursive: true, force: true });
}
