/**
 * The conversion process: it runs at the lowest CPU priority (every thread of
 * it), a crash during one file fails that file alone and a fresh process
 * serves the next, and its time budget counts the CPU time it used, not the
 * time it waited for a busy machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { importArticles } from '../../src/main/importing/import-articles';
import {
  configureImportWorker,
  importWorkerRecycling,
  recleanInWorker,
  stopImportWorker,
} from '../../src/main/importing/conversion-worker';
import { storeLayout } from '../../src/main/store/store-layout';
import { forkNodeChild, type ConversionChild } from '../../src/main/importing/child-launcher';
import { processCpuMs, watchCpuBudget } from '../../src/main/importing/cpu-budget';
import { bigPage, file, now, prose, tracingLauncher } from './conversion-fixtures';
import { sampleArticle, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const linux = process.platform === 'linux';

const defaultRecycling = importWorkerRecycling();
afterEach(() => {
  stopImportWorker();
  configureImportWorker({
    launch: forkNodeChild,
    budget: { timeoutMs: 20_000 },
    recycling: defaultRecycling,
  });
});

describe('the conversion process', () => {
  it('fails only the file it was converting when it crashes, and a fresh process serves the next', async () => {
    let crashed = false;
    const { launch, children } = tracingLauncher((child) => {
      if (crashed) return;
      crashed = true;
      // Killed from outside while it converts: what a crash of the process looks like to the app.
      setTimeout(() => child.kill(), 100);
    });
    configureImportWorker({ launch, budget: { timeoutMs: 80_000 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const [first, second] = await importArticles(
      store,
      [bigPage(), file('small.txt', `Small\n\n${prose}`)],
      now,
    );
    expect(first).toMatchObject({ name: 'big.html', status: 'rejected' });
    expect(first!.status === 'rejected' && first!.reason).toMatch(/its conversion stopped unexpectedly/);
    expect(second).toMatchObject({ name: 'small.txt', status: 'imported' });
    expect(children).toHaveLength(2);
    expect(store.index().articles.map((record) => record.title)).toEqual(['Small']);
  }, 120_000);

  it('is replaced by a fresh process after its share of heavy files, and the fresh one converts the rest', async () => {
    const { launch, children } = tracingLauncher();
    // One file waits behind the running one: the second reply finds the process spent with the
    // third file already in it; it answers that one, then a fresh process takes the rest.
    configureImportWorker({ launch, recycling: { afterJobs: 2 }, queue: { jobs: 1 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const names = ['One', 'Two', 'Three', 'Four', 'Five'];
    const page = (name: string) =>
      file(
        `${name}.html`,
        `<html><head><title>${name}</title></head><body><article><h1>${name}</h1><p>${prose}</p><p>${prose}</p></article></body></html>`,
      );
    const results = await importArticles(store, names.map(page), now);
    expect(results.map((result) => result.status)).toEqual(names.map(() => 'imported'));
    expect(children).toHaveLength(2);
    expect(
      store
        .index()
        .articles.map((record) => record.title)
        .sort(),
    ).toEqual([...names].sort());
  }, 120_000);

  it('does not count plain text and Markdown toward replacing the process', async () => {
    const { launch, children } = tracingLauncher();
    configureImportWorker({ launch, recycling: { afterJobs: 2 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const names = ['One', 'Two', 'Three', 'Four', 'Five'];
    const results = await importArticles(
      store,
      names.map((name, n) => file(`${name}.${n % 2 ? 'md' : 'txt'}`, `${name}\n\n${prose}`)),
      now,
    );
    expect(results.map((result) => result.status)).toEqual(names.map(() => 'imported'));
    expect(children).toHaveLength(1);
  }, 120_000);

  it('counts a stored article toward replacing the process only when it was re-cleaned', async () => {
    const { launch, children } = tracingLauncher();
    configureImportWorker({ launch, recycling: { afterJobs: 2 } });
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.addArticles([1, 2, 3, 4, 5].map(sampleArticle));
    const files = store.index().articles.map((record) => storeLayout(dir).articleFile(record.id));
    // Already clean: five checks, one process.
    for (const path of files) expect(await recleanInWorker(path)).toBeNull();
    expect(children).toHaveLength(1);
    // Cleaned by older rules: every second re-cleaning replaces it.
    for (const path of files) {
      const stale = JSON.parse(await readFile(path, 'utf8'));
      stale.cleaned.rulesVersion = 0;
      await writeFile(path, JSON.stringify(stale));
    }
    for (const path of files) expect((await recleanInWorker(path))?.record.id).toBeDefined();
    expect(children).toHaveLength(3);
  }, 120_000);

  it('is replaced once its heap passes the bound, after the files already sent to it', async () => {
    const jobsPerChild = new Map<ConversionChild, number>();
    const { launch, children } = tracingLauncher((child) =>
      jobsPerChild.set(child, (jobsPerChild.get(child) ?? 0) + 1),
    );
    // Every process's heap is over 1 MB after a job: no file is sent to it after its first reply.
    configureImportWorker({ launch, recycling: { heapMb: 1 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const files = [
      bigPage(),
      ...['A', 'B', 'C', 'D', 'E'].map((name) => file(`${name}.txt`, `${name}\n\n${prose}`)),
    ];
    const results = await importArticles(store, files, now);
    expect(results.map((result) => result.status)).toEqual(files.map(() => 'imported'));
    expect(children.length).toBeGreaterThanOrEqual(2);
    // A process takes at most the running file and the queue's three behind it.
    for (const count of jobsPerChild.values()) expect(count).toBeLessThanOrEqual(4);
  }, 120_000);

  it('fails the file with a reason when the OS refuses to start the process, and imports once it can', async () => {
    configureImportWorker({
      launch: () => {
        throw new Error('spawn EAGAIN');
      },
    });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const [refused] = await importArticles(store, [file('first.txt', `First\n\n${prose}`)], now);
    expect(refused).toMatchObject({ status: 'rejected' });
    expect(refused!.status === 'rejected' && refused!.reason).toMatch(
      /the conversion process could not be started \(spawn EAGAIN\)/,
    );
    configureImportWorker({ launch: forkNodeChild });
    const [next] = await importArticles(store, [file('next.txt', `Next\n\n${prose}`)], now);
    expect(next).toMatchObject({ status: 'imported' });
  }, 120_000);

  it.runIf(linux)(
    'runs every one of its threads at the lowest priority (nice 19 below the app)',
    async () => {
      const { launch, children } = tracingLauncher();
      configureImportWorker({ launch });
      const store = await open({ dir: await makeTempDir(), backups: false });
      const [result] = await importArticles(store, [file('small.txt', `Small\n\n${prose}`)], now);
      expect(result).toMatchObject({ status: 'imported' });
      const pid = children[0]!.pid!;
      const threads = await readdir(`/proc/${pid}/task`);
      // Node's main thread, V8's helper threads and libuv's: more than one, and all lowered.
      expect(threads.length).toBeGreaterThan(1);
      const nice = await Promise.all(
        threads.map(async (id) => {
          const stat = await readFile(`/proc/${pid}/task/${id}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        }),
      );
      // This process (the app's) keeps its own priority; the child's is 19 below (the lowest there is).
      const own = await readFile(`/proc/${process.pid}/stat`, 'utf8');
      const ownNice = Number(own.slice(own.lastIndexOf(')') + 2).split(' ')[16]);
      expect(ownNice).toBeLessThan(19);
      expect(new Set(nice)).toEqual(new Set([Math.min(19, ownNice + 19)]));
    },
    120_000,
  );
});

describe.runIf(linux)('the time budget in CPU time', () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const child of started.splice(0)) child.kill('SIGKILL');
  });
  async function nodeChild(code: string): Promise<number> {
    const child = spawn(process.execPath, ['-e', `${code}`], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(child);
    await once(child.stdout!, 'data');
    return child.pid!;
  }

  it("reads the CPU time a process's main thread used", async () => {
    const pid = await nodeChild(
      'process.stdout.write("up"); const end = Date.now() + 400; while (Date.now() < end);',
    );
    const before = processCpuMs(pid)!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(before).toBeGreaterThanOrEqual(0);
    expect(processCpuMs(pid)).toBeGreaterThanOrEqual(before);
    expect(processCpuMs(2 ** 22 + 12_345)).toBeNull();
  });

  it('ends a process that keeps the CPU busy past the budget', async () => {
    const pid = await nodeChild('process.stdout.write("up"); for (;;);');
    const over = new Promise<void>((resolve) => watchCpuBudget(pid, 300, resolve));
    await expect(over).resolves.toBeUndefined();
    expect(processCpuMs(pid)).toBeGreaterThan(300);
  }, 60_000);

  it('leaves a process alone that waits without using the CPU, however long it waits', async () => {
    const pid = await nodeChild('process.stdout.write("up"); setTimeout(() => {}, 60_000);');
    let over = false;
    const stop = watchCpuBudget(pid, 300, () => {
      over = true;
    });
    // Three times the budget in wall-clock time: a wall-clock budget would have run out.
    await new Promise((resolve) => setTimeout(resolve, 900));
    stop();
    expect(over).toBe(false);
  });
});
