/**
 * The conversion process kept fed: several files are on their way to one real
 * child process at once, and every per-file guarantee still holds. A file
 * that runs past its time or memory budget, or that is converting when the
 * process crashes, fails alone with its reason; the files queued behind it
 * are converted by a fresh process, each imported once, the results in the
 * order asked; cancelling a queued file or the running one loses nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importArticles, importDetailed, type ImportFile } from '../../src/main/importing/import-articles';
import {
  configureImportWorker,
  convertInWorker,
  importWorkerBudget,
  importWorkerQueue,
  importWorkerRecycling,
  stopImportWorker,
} from '../../src/main/importing/conversion-worker';
import { forkNodeChild } from '../../src/main/importing/child-launcher';
import type { ImportInput } from '../../src/main/importing/import-input';
import { bigPage, file, now, prose, tracingLauncher } from './conversion-fixtures';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const small = (name: string) => file(`${name}.txt`, `${name}\n\n${prose}`);

const defaults = {
  budget: importWorkerBudget(),
  recycling: importWorkerRecycling(),
  queue: importWorkerQueue(),
};
afterEach(() => {
  stopImportWorker();
  configureImportWorker({ launch: forkNodeChild, ...defaults });
});

const titles = (store: { index(): { articles: readonly { title: string }[] } }) =>
  store
    .index()
    .articles.map((record) => record.title)
    .sort();
const input = (imported: ImportFile): ImportInput => ({ kind: 'file', ...imported });

describe('the conversion process kept fed', () => {
  it('has several files on their way at once, one process, the results in the order asked', async () => {
    const { launch, children, events } = tracingLauncher();
    configureImportWorker({ launch });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const names = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight'];
    const results = await importArticles(store, names.map(small), now);
    expect(results.map((result) => [result.name, result.status])).toEqual(
      names.map((name) => [`${name}.txt`, 'imported']),
    );
    expect(children).toHaveLength(1);
    // The running job and the queue's three behind it were sent before the first reply came.
    const firstReply = events.findIndex((event) => event.kind === 'reply');
    expect(events.slice(0, firstReply).filter((event) => event.kind === 'job')).toHaveLength(
      1 + defaults.queue.jobs,
    );
    // Never more than that in the process at once, and every job answered once.
    let inFlight = 0;
    for (const event of events) {
      inFlight += event.kind === 'job' ? 1 : -1;
      expect(inFlight).toBeLessThanOrEqual(1 + defaults.queue.jobs);
    }
    expect(events.filter((event) => event.kind === 'reply')).toHaveLength(names.length);
    expect(titles(store)).toEqual([...names].sort());
  }, 120_000);

  it('fails only the file that runs past its time budget; the files queued behind it import once', async () => {
    const { launch, children, events } = tracingLauncher();
    configureImportWorker({ launch, budget: { timeoutMs: 300 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const files = [small('Before'), bigPage(), small('After one'), small('After two'), small('After three')];
    const results = await importArticles(store, files, now);
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['Before.txt', 'imported'],
      ['big.html', 'rejected'],
      ['After one.txt', 'imported'],
      ['After two.txt', 'imported'],
      ['After three.txt', 'imported'],
    ]);
    expect(results[1]!.status === 'rejected' && results[1]!.reason).toMatch(
      /took longer than the 300 ms one file may take to convert/,
    );
    // The first process had the later files queued when it was killed: a fresh one converted them.
    expect(children).toHaveLength(2);
    expect(events.filter((event) => event.child === 0 && event.kind === 'job').length).toBeGreaterThan(2);
    expect(titles(store)).toEqual(['After one', 'After three', 'After two', 'Before']);
  }, 120_000);

  it('fails only the file converting when the process crashes mid-batch; the rest go to a fresh process', async () => {
    let crashed = false;
    const { launch, children } = tracingLauncher((child, sent) => {
      // Killed from outside once the big page and the files behind it are on their way.
      if (crashed || sent < 3) return;
      crashed = true;
      setTimeout(() => child.kill(), 100);
    });
    configureImportWorker({ launch, budget: { timeoutMs: 80_000 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const files = [bigPage(), small('Second'), small('Third'), small('Fourth')];
    const results = await importArticles(store, files, now);
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['big.html', 'rejected'],
      ['Second.txt', 'imported'],
      ['Third.txt', 'imported'],
      ['Fourth.txt', 'imported'],
    ]);
    expect(results[0]!.status === 'rejected' && results[0]!.reason).toMatch(
      /its conversion stopped unexpectedly/,
    );
    expect(children).toHaveLength(2);
    expect(titles(store)).toEqual(['Fourth', 'Second', 'Third']);
  }, 120_000);

  it('fails only the file that needs more than the memory cap; the files queued behind it import', async () => {
    const { launch, children } = tracingLauncher();
    configureImportWorker({ launch, budget: { memoryMb: 48, timeoutMs: 80_000 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const results = await importArticles(store, [bigPage(), small('Queued one'), small('Queued two')], now);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'imported', 'imported']);
    expect(results[0]!.status === 'rejected' && results[0]!.reason).toMatch(
      /needed more than the 48 MB of memory/,
    );
    expect(children).toHaveLength(2);
    expect(titles(store)).toEqual(['Queued one', 'Queued two']);
  }, 120_000);

  it('cancels a queued file without ending the process; the others still convert', async () => {
    const { launch, children, events } = tracingLauncher();
    configureImportWorker({ launch, budget: { timeoutMs: 80_000 } });
    const page = file(
      'page.html',
      `<html><head><title>Page</title></head><body><article><h1>Page</h1>${`<p>${prose}</p>`.repeat(200)}</article></body></html>`,
    );
    const cancelling = new AbortController();
    const first = convertInWorker(input(page), now.toISOString());
    const second = convertInWorker(input(small('Cancelled')), now.toISOString(), cancelling.signal);
    const third = convertInWorker(input(small('Third')), now.toISOString());
    cancelling.abort();
    expect(await second).toEqual({ ok: false, reason: 'the import was cancelled' });
    const [converted, last] = await Promise.all([first, third]);
    expect(converted.ok && converted.prepared.record.title).toBe('Page');
    expect(last.ok && last.prepared.record.title).toBe('Third');
    expect(children).toHaveLength(1);
    // The child was told to skip it, and still answered it once (so the running job stays known).
    const cancelledId = events.filter((event) => event.kind === 'job')[1]!.id;
    expect(events.filter((event) => event.kind === 'skip').map((event) => event.id)).toEqual([cancelledId]);
    expect(events.filter((event) => event.kind === 'reply' && event.id === cancelledId)).toHaveLength(1);
  }, 120_000);

  it('cancels the running file by ending the process; the files queued behind it convert in a fresh one', async () => {
    const { launch, children } = tracingLauncher();
    configureImportWorker({ launch, budget: { timeoutMs: 80_000 } });
    const cancelling = new AbortController();
    const big = convertInWorker(input(bigPage()), now.toISOString(), cancelling.signal);
    const next = convertInWorker(input(small('Queued one')), now.toISOString());
    const last = convertInWorker(input(small('Queued two')), now.toISOString());
    setTimeout(() => cancelling.abort(), 200);
    expect(await big).toEqual({ ok: false, reason: 'the import was cancelled' });
    const converted = await Promise.all([next, last]);
    expect(converted.map((result) => result.ok && result.prepared.record.title)).toEqual([
      'Queued one',
      'Queued two',
    ]);
    expect(children).toHaveLength(2);
  }, 120_000);

  it('cancels a whole batch at once: every file is answered, no process is started for the cancelled', async () => {
    const { launch, children } = tracingLauncher();
    configureImportWorker({ launch, budget: { timeoutMs: 80_000 } });
    const store = await open({ dir: await makeTempDir(), backups: false });
    const cancelling = new AbortController();
    const names = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    const importing = importDetailed(store, [bigPage(), ...names.map(small)], now, cancelling.signal);
    setTimeout(() => cancelling.abort(), 200);
    const results = await importing;
    expect(results).toHaveLength(names.length + 1);
    for (const result of results)
      expect(result).toMatchObject({ status: 'rejected', reason: 'the import was cancelled' });
    expect(children).toHaveLength(1);
    expect(store.index().articles).toHaveLength(0);
  }, 120_000);
});
