/**
 * Where a painted edit's time goes (`npm run bench:profile-painted -- [N]
 * [--notes]`): on the painted bench's 100,000-word article, each highlight edit
 * (or, with `--notes`, each note save) split into its phases — the user's act
 * to the request leaving, the HTTP round trip (with the durable save; split
 * by the server's `Server-Timing` header into the way there, the server's own
 * time and the way back, each way being the transport and the page's main
 * thread when busy; the two clocks agree to well under a millisecond on one
 * machine), the reply to the DOM showing it, and the DOM to the next frame — p50 / p95 each;
 * then, over the same edits, the renderer's CPU profile (Chromium's sampling
 * profiler through CDP) as self and inclusive time by function, and its
 * rendering work from a Chromium trace (style, layout, paint), heaviest first.
 * Figures to find the cause, not targets.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { highlightPainted, noteSaved, openLongArticle, takeCalls } from './painted-bench';
import { percentile, round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { frame?: string } };
}

const notes = process.argv.includes('--notes');
const samples = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20);
const channel = notes ? 'highlight:update' : 'highlight:create';
const workDir = await mkdtemp(path.join(os.tmpdir(), 'briefing-profile-'));
const { page, close } = await openLongArticle(workDir, (line) => console.log(line));

const keyOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;

function printTop(title: string, totals: Map<string, number>, count = 25) {
  console.log(`\n${title}`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`  ${round(ms, 1).toString().padStart(8)} ms  ${key}`);
}

/** Self time per function, and inclusive time (counted once along a recursive path). */
function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
  );
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const walk = (node: ProfileNode, onPath: Set<string>): number => {
    const key = keyOf(node.callFrame);
    const own = selfMs.get(node.id) ?? 0;
    self.set(key, (self.get(key) ?? 0) + own);
    const nested = onPath.has(key);
    const path = nested ? onPath : new Set(onPath).add(key);
    let total = own;
    for (const child of node.children ?? []) total += walk(byId.get(child)!, path);
    if (!nested) inclusive.set(key, (inclusive.get(key) ?? 0) + total);
    return total;
  };
  const root = profile.nodes[0]!;
  const total = walk(root, new Set());
  return { self, inclusive, total };
}

try {
  await takeCalls(page);
  if (notes) {
    // A highlight to write notes on: the first row of the panel's list.
    await page.locator('[aria-label="Highlights in this article"] .row').first().click();
    await page.getByLabel('Note (Markdown)').waitFor();
  }
  const phases = {
    beforeRequest: [] as number[],
    roundTrip: [] as number[],
    wayThere: [] as number[],
    inServer: [] as number[],
    wayBack: [] as number[],
    replyToDom: [] as number[],
    domToFrame: [] as number[],
    total: [] as number[],
  };
  const browser = page.context().browser()!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await cdp.send('Profiler.start');
  for (let n = 0; n < samples; n += 1) {
    phases.total.push(await (notes ? noteSaved(page, n) : highlightPainted(page, n + 100)));
    await page.waitForFunction(
      () => document.querySelector('header .saved')?.getAttribute('data-state') === 'saved',
    );
    const edit = await page.evaluate(
      () =>
        (window as unknown as { __lastEdit: { started: number; domAt: number; paintedAt: number } })
          .__lastEdit,
    );
    const call = (await takeCalls(page)).findLast((candidate) => candidate.channel === channel);
    if (!call) continue;
    phases.beforeRequest.push(call.sentAt - edit.started);
    phases.roundTrip.push(call.repliedAt - call.sentAt);
    phases.wayThere.push(call.receivedAt - call.sentAt);
    phases.inServer.push(call.serverMs);
    phases.wayBack.push(call.repliedAt - call.receivedAt - call.serverMs);
    phases.replyToDom.push(edit.domAt - call.repliedAt);
    phases.domToFrame.push(edit.paintedAt - edit.domAt);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };

  console.log(`\nphases of ${samples} ${notes ? 'note saves' : 'highlight edits'}, p50 / p95 ms:`);
  for (const [name, values] of Object.entries(phases))
    console.log(
      `  ${name.padEnd(14)} ${round(percentile(values, 50), 1)} / ${round(percentile(values, 95), 1)}`,
    );

  const { self, inclusive, total } = summarise(profile);
  printTop(`renderer CPU self time over the edits (${round(total, 0)} ms sampled), heaviest first:`, self);
  printTop('renderer CPU inclusive time, heaviest first:', inclusive, 40);

  // The renderer's main thread is the one running the page's scripts (FunctionCall events).
  const mainThread = trace.traceEvents.find((event) => event.name === 'FunctionCall');
  const rendering = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const event of trace.traceEvents)
    if (
      mainThread &&
      event.ph === 'X' &&
      event.pid === mainThread.pid &&
      event.tid === mainThread.tid &&
      event.dur !== undefined
    ) {
      rendering.set(event.name, (rendering.get(event.name) ?? 0) + event.dur / 1000);
      counts.set(event.name, (counts.get(event.name) ?? 0) + 1);
    }
  printTop(
    'renderer main thread by trace event (nested events overlap; ×count), heaviest first:',
    new Map([...rendering].map(([name, ms]) => [`${name} ×${counts.get(name)}`, ms])),
    15,
  );
} finally {
  await close();
  await rm(workDir, { recursive: true, force: true });
}
