/**
 * The stale-lock race: ten processes started together on a store whose lock
 * was left by a dead process; in every trial exactly one takes the store and
 * the other nine are told it is in use. The contenders are started once and
 * released into each trial together through their stdin (so the trial, not
 * process start-up, is what races).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleChild } from './bundle-child';

const contenders = 10;
const trials = 30;

let workDir: string;
let bundle: Awaited<ReturnType<typeof bundleChild>>;
const children: { process: ChildProcessWithoutNullStreams; lines: string[]; waiters: (() => void)[] }[] = [];

function nextLine(child: (typeof children)[number]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a contender did not answer in 10 s')), 10_000);
    const take = () => {
      if (child.lines.length === 0) return void child.waiters.push(take);
      clearTimeout(timer);
      resolve(child.lines.shift()!);
    };
    take();
  });
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'briefing-lock-race-'));
  bundle = await bundleChild('tests/robustness/lock-contender.ts');
  for (let i = 0; i < contenders; i += 1) {
    const child = {
      process: spawn(process.execPath, [bundle.script]),
      lines: [] as string[],
      waiters: [] as (() => void)[],
    };
    let buffer = '';
    child.process.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      child.lines.push(...parts);
      for (const waiter of child.waiters.splice(0)) waiter();
    });
    children.push(child);
  }
  await Promise.all(children.map(async (child) => expect(await nextLine(child)).toBe('ready')));
}, 60_000);

afterAll(async () => {
  for (const child of children) child.process.kill();
  await bundle?.remove();
  await rm(workDir, { recursive: true, force: true });
});

/** The pid of a process that has exited (so the lock it "left" is stale). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

it(`lets exactly one of ${contenders} processes take over a stale lock, in each of ${trials} trials`, async () => {
  const winners: number[] = [];
  for (let trial = 0; trial < trials; trial += 1) {
    const dir = path.join(workDir, `trial-${trial}`);
    await mkdir(dir);
    const lockFile = path.join(dir, 'store.lock');
    await writeFile(
      lockFile,
      JSON.stringify({ pid: deadPid(), host: hostname(), since: 'earlier', token: `stale-${trial}` }),
    );
    for (const child of children) child.process.stdin.write(`go ${lockFile}\n`);
    const answers = await Promise.all(children.map((child) => nextLine(child)));
    const won = answers.filter((answer) => answer === 'won').length;
    winners.push(won);
    expect(answers.filter((answer) => answer !== 'won')).toEqual(
      Array(contenders - won).fill(expect.stringMatching(/^lost The library is in use/)),
    );
    for (const child of children) child.process.stdin.write('release\n');
    await Promise.all(children.map(async (child) => expect(await nextLine(child)).toBe('released')));
    // Nothing but the lock's own traffic was ever in the folder, and the released lock is gone.
    expect(await readdir(dir)).toEqual([]);
  }
  console.log(`lock race: winners per trial ${winners.join(',')}`);
  expect(winners).toEqual(Array(trials).fill(1));
}, 120_000);
