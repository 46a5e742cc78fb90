/**
 * Where a painted edit's time goes (`npm run bench:profile-painted`): on the
 * painted bench's 100,000-word article, each highlight edit split into its
 * phases — key press to the request leaving, the HTTP round trip (with the
 * durable save), the reply to the new highlight in the DOM, and the DOM to the
 * next frame — p50 each; then a CPU profile of the renderer over the same
 * edits (Chromium's sampling profiler through CDP), its self time summed by
 * function, heaviest first. Figures to find the cause, not targets.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { highlightPainted, openLongArticle, takeCalls } from './painted-bench';
import { percentile, round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const samples = Number(process.argv[2] ?? 20);
const workDir = await mkdtemp(path.join(os.tmpdir(), 'briefing-profile-'));
const { page, close } = await openLongArticle(workDir, (line) => console.log(line));
try {
  await takeCalls(page);
  const phases = {
    beforeRequest: [] as number[],
    roundTrip: [] as number[],
    replyToDom: [] as number[],
    domToFrame: [] as number[],
    total: [] as number[],
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (let n = 0; n < samples; n += 1) {
    phases.total.push(await highlightPainted(page, n + 100));
    await page.waitForFunction(
      () => document.querySelector('header .saved')?.getAttribute('data-state') === 'saved',
    );
    const edit = await page.evaluate(
      () =>
        (window as unknown as { __lastEdit: { started: number; domAt: number; paintedAt: number } })
          .__lastEdit,
    );
    const call = (await takeCalls(page)).find((candidate) => candidate.channel === 'highlight:create');
    if (!call) continue;
    phases.beforeRequest.push(call.sentAt - edit.started);
    phases.roundTrip.push(call.repliedAt - call.sentAt);
    phases.replyToDom.push(edit.domAt - call.repliedAt);
    phases.domToFrame.push(edit.paintedAt - edit.domAt);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  console.log(`\nphases of ${samples} highlight edits, p50 / p95 ms:`);
  for (const [name, values] of Object.entries(phases))
    console.log(
      `  ${name.padEnd(14)} ${round(percentile(values, 50), 1)} / ${round(percentile(values, 95), 1)}`,
    );

  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
  );
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  const total = [...byFunction.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`\nrenderer CPU self time over the edits (${round(total, 0)} ms sampled), heaviest first:`);
  for (const [key, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${round(ms, 1).toString().padStart(8)} ms  ${key}`);
} finally {
  await close();
  await rm(workDir, { recursive: true, force: true });
}
