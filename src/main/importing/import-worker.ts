/**
 * The conversion process's entry: converts and cleans inputs for the app's
 * process (`conversion-worker.ts`), and checks stored article files (reading,
 * validating and, for older cleaning rules, re-cleaning them), so none of that
 * work holds up the app. The app keeps a few jobs queued here so this process
 * never waits for the next one, but they run one at a time, in the order
 * sent, with one reply each: the app then knows which job is running (the
 * oldest unanswered), and memory holds one job's work. It runs at the lowest
 * CPU priority and holds no state between jobs; when a job runs past its time
 * or memory budget, or crashes, the app kills this process and starts a fresh
 * one.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { lowestPriorityBelow } from './child-priority';
import { convertInput } from './convert-input';
import { articleFileSchema, type ArticleFile } from '../store/schemas/article-file';
import { inspectArticleFile } from '../store/article-versions';
import type { Conversion, ImportInput, PreparedArticle, PreparedConversion } from './import-input';

export type WorkerJob =
  | { id: number; kind: 'convert'; input: ImportInput; addedAt: string }
  | { id: number; kind: 'inspect-article'; file: string };

/** A queued job the app no longer wants (cancelled): answered without being run, if not yet begun. */
export interface WorkerSkip {
  kind: 'skip';
  id: number;
}

/** What checking a stored article file found; `prepared` when it was re-cleaned and must be saved. */
export type ArticleCheck =
  | { ok: true; state: 'sound'; prepared: PreparedArticle | null }
  | { ok: true; state: 'missing' | 'newer' }
  | { ok: true; state: 'damaged'; problem: string }
  | { ok: false; reason: string };

export type WorkerResult = PreparedConversion | ArticleCheck;
export interface WorkerReply {
  id: number;
  result: WorkerResult;
  /** This process's JavaScript heap after the job, in MB: the app replaces a process grown past its bound. */
  heapMb?: number;
  /** Its whole memory (resident set) after the job, in MB: buffers outside the heap count too. */
  rssMb?: number;
}

const encoder = new TextEncoder();
const preparedArticle = (article: ArticleFile): PreparedArticle => ({
  record: article.record,
  content: encoder.encode(JSON.stringify(article)),
  bodyBlank: article.cleaned.text.trim() === '',
});

/** Checks the article here and sends it as one string (see `PreparedArticle`). */
function prepare(conversion: Conversion): PreparedConversion {
  if (!conversion.ok) return conversion;
  return {
    ok: true,
    prepared: preparedArticle(articleFileSchema.parse(conversion.article)),
    encoding: conversion.encoding,
    format: conversion.format,
  };
}

async function checkArticle(file: string): Promise<ArticleCheck> {
  const inspection = await inspectArticleFile(file);
  if (inspection.state !== 'sound') return { ok: true, ...inspection };
  const prepared = inspection.upgraded ? preparedArticle(articleFileSchema.parse(inspection.article)) : null;
  return { ok: true, state: 'sound', prepared };
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'its structure is nested too deeply to read';
  return `it could not be converted (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
}

/**
 * Lowers this whole process to the priority the app gives (`--priority=N`: the lowest below its
 * own), so the app's own process gets the CPU first. Linux keeps a priority per thread, and V8
 * started its helper threads (garbage collection, compilation) before this ran: each of them is
 * lowered too; threads started later inherit the priority. Elsewhere the priority is the
 * process's, which the parent sets as well.
 */
function lowerPriority(): void {
  const given = Number(
    process.argv.find((arg) => arg.startsWith('--priority='))?.slice('--priority='.length),
  );
  const lowest = Number.isInteger(given) ? given : lowestPriorityBelow(getPriority());
  let threads: string[] = [];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    // Not Linux.
  }
  for (const id of [0, ...threads.map(Number)]) {
    try {
      setPriority(id, lowest);
    } catch {
      // Not permitted, or the thread has ended: it keeps its priority.
    }
  }
}

type WorkerMessage = WorkerJob | WorkerSkip | 'warm';

/** The channel to the parent: an Electron utility process's port, or a forked Node child's IPC. */
interface ParentChannel {
  send(message: WorkerReply | 'ready'): void;
  listen(handler: (message: WorkerMessage) => void): void;
}

/** Electron's `process.parentPort` in a utility process (typed here: this file must not import electron). */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentChannel(): ParentChannel {
  const utilityPort = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (utilityPort)
    return {
      send: (message) => utilityPort.postMessage(message),
      listen: (handler) => utilityPort.on('message', (event) => handler(event.data as WorkerMessage)),
    };
  const send = process.send?.bind(process);
  if (!send) throw new Error('import-worker.ts runs only as a child process of the app');
  // The app has gone: nothing is left to convert for.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => send(message),
    listen: (handler) => process.on('message', (message) => handler(message as WorkerMessage)),
  };
}

const mb = (bytes: number) => bytes / 2 ** 20;

function runJob(job: WorkerJob): Promise<WorkerResult> {
  const work: Promise<WorkerResult> =
    job.kind === 'convert' ? convertInput(job.input, job.addedAt).then(prepare) : checkArticle(job.file);
  return work.catch((error: unknown): WorkerResult => ({ ok: false, reason: describeFailure(error) }));
}

const queued: WorkerJob[] = [];
const skipped = new Set<number>();
let running = false;

/**
 * Runs the oldest queued job, then the next on a later turn of the event loop: jsdom leaves a
 * `process.nextTick` callback holding each page, which Node runs only between turns, so chaining
 * the jobs in one promise chain would keep every page in memory (see conversion-memory.test.ts).
 */
function runNext(): void {
  if (running) return;
  const job = queued.shift();
  if (!job) return;
  running = true;
  const cancelled = skipped.delete(job.id);
  const work = cancelled
    ? Promise.resolve<WorkerResult>({ ok: false, reason: 'the import was cancelled' })
    : runJob(job);
  void work.then((result) => {
    const memory = process.memoryUsage();
    parent.send({
      id: job.id,
      result,
      heapMb: mb(memory.heapUsed),
      rssMb: mb(memory.rss),
    } satisfies WorkerReply);
    running = false;
    setImmediate(runNext);
  });
}

lowerPriority();
const parent = parentChannel();
parent.listen((message) => {
  if (message === 'warm') {
    // Load the HTML libraries ahead of the first import (the module cache keeps them).
    void Promise.all([import('jsdom'), import('@mozilla/readability')]).catch(() => undefined);
    return;
  }
  if (message.kind === 'skip') {
    if (queued.some((job) => job.id === message.id)) skipped.add(message.id);
    return;
  }
  queued.push(message);
  runNext();
});
parent.send('ready');
