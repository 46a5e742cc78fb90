/**
 * Runs each input's conversion and cleaning in a separate conversion process
 * at the lowest CPU priority (a Node child on the command line, in tests and
 * in browser mode; an Electron utility process in the app), kept warm between
 * inputs and kept fed: a few jobs wait in it (`conversion-process.ts`), run
 * one at a time, each with a time budget (its CPU time, see `cpu-budget.ts`)
 * and a memory cap (`--max-old-space-size`). An input that runs past either,
 * or crashes the process, is rejected with that reason: the process is killed
 * and a fresh one serves the jobs that were waiting behind it, while the
 * app's process, which only waits for messages, stays free to answer every
 * other request. Cancelling (an AbortSignal) ends the job the same way. One
 * process at a time, so memory stays that of one process.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLimits } from './import-limits';
import { forkNodeChild, type LaunchChild } from './child-launcher';
import {
  cancelledReason,
  ConversionProcess,
  isHeavyJob,
  type Job,
  type PendingJob,
  type WorkerBudget,
  type WorkerQueueBounds,
  type WorkerRecycling,
} from './conversion-process';
import type { ImportInput, PreparedArticle, PreparedConversion } from './import-input';
import type { ArticleCheck, WorkerResult } from './import-worker';

export type { WorkerBudget, WorkerRecycling, WorkerQueueBounds } from './conversion-process';

interface Settings {
  script: string;
  budget: WorkerBudget;
  launch: LaunchChild;
  recycling: WorkerRecycling;
  queue: WorkerQueueBounds;
}

const settings: Settings = {
  script: path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker-from-source.mjs'),
  launch: forkNodeChild,
  budget: { timeoutMs: importLimits.workerTimeoutMs, memoryMb: importLimits.workerMemoryMb },
  recycling: {
    afterJobs: 100,
    heapMb: Math.round(importLimits.workerMemoryMb / 3),
    rssMb: Math.round((importLimits.workerMemoryMb * 2) / 3),
  },
  // Enough that the process never waits for its next file; files are at most 5 MB each.
  queue: { jobs: 3, bytes: 8 * 1024 * 1024 },
};

/**
 * The built app names its bundled entry (and the Electron app its utility-process launcher);
 * tests may tighten the budget.
 */
export function configureImportWorker(options: {
  script?: string;
  budget?: Partial<WorkerBudget>;
  launch?: LaunchChild;
  recycling?: Partial<WorkerRecycling>;
  queue?: Partial<WorkerQueueBounds>;
}): void {
  const before = JSON.stringify(settings);
  const launcher = settings.launch;
  if (options.script) settings.script = options.script;
  if (options.launch) settings.launch = options.launch;
  settings.budget = { ...settings.budget, ...options.budget };
  settings.recycling = { ...settings.recycling, ...options.recycling };
  settings.queue = { ...settings.queue, ...options.queue };
  if (JSON.stringify(settings) === before && settings.launch === launcher) return;
  stopImportWorker();
}

export function importWorkerBudget(): WorkerBudget {
  return { ...settings.budget };
}

export function importWorkerRecycling(): WorkerRecycling {
  return { ...settings.recycling };
}

export function importWorkerQueue(): WorkerQueueBounds {
  return { ...settings.queue };
}

let current: ConversionProcess | null = null;
/** Jobs asked for and not yet sent, oldest first. */
const waiting: PendingJob[] = [];
let pumping = false;

function newProcess(): ConversionProcess {
  return new ConversionProcess(
    settings.script,
    settings.budget,
    settings.launch,
    settings.recycling,
    settings.queue,
    {
      // Jobs that never began in a process that ended go first again, in their order.
      requeue: (jobs) => {
        waiting.unshift(...jobs);
        pump();
      },
      freed: () => pump(),
    },
  );
}

/** Sends waiting jobs to the process while it has room, starting a fresh one when it has ended. */
function pump(): void {
  if (pumping) return;
  pumping = true;
  try {
    while (waiting.length > 0) {
      // A job cancelled while it was handed back (its batch cancelled at once) starts no process.
      if (waiting[0]!.signal?.aborted) {
        waiting.shift()!.settle({ ok: false, reason: cancelledReason });
        continue;
      }
      if (!current?.alive) {
        current = newProcess();
        // A process the OS would not start fails the job that asked for it; the next job tries again.
        if (!current.alive) {
          waiting.shift()!.settle({ ok: false, reason: current.endReason! });
          continue;
        }
      }
      if (!current.accepts(waiting[0]!)) break;
      current.submit(waiting.shift()!);
    }
  } finally {
    pumping = false;
  }
}

/** Runs one job in the conversion process; jobs are started in the order asked. */
function runInWorker(job: Job, signal?: AbortSignal): Promise<WorkerResult> {
  return new Promise<WorkerResult>((resolve) => {
    if (signal?.aborted) return resolve({ ok: false, reason: cancelledReason });
    let settled = false;
    const cancel = () => {
      const index = waiting.indexOf(pending);
      if (index >= 0) {
        waiting.splice(index, 1);
        pending.settle({ ok: false, reason: cancelledReason });
      } else current?.cancel(pending);
    };
    const pending: PendingJob = {
      job,
      signal,
      bytes: job.kind === 'convert' ? job.input.bytes.byteLength : 0,
      heavy: isHeavyJob(job),
      settle: (result) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', cancel);
        resolve(result);
      },
    };
    signal?.addEventListener('abort', cancel, { once: true });
    waiting.push(pending);
    pump();
  });
}

/** Converts one input in the conversion process (the article comes back as checked JSON bytes). */
export function convertInWorker(
  input: ImportInput,
  addedAt: string,
  signal?: AbortSignal,
): Promise<PreparedConversion> {
  return runInWorker({ kind: 'convert', input, addedAt }, signal) as Promise<PreparedConversion>;
}

/**
 * Reads and checks a stored article file in the conversion process, re-cleaning it there when older
 * cleaning rules made it: the app process gets only the state and, if re-cleaned, the new bytes.
 */
export function inspectArticleInWorker(file: string, signal?: AbortSignal): Promise<ArticleCheck> {
  return runInWorker({ kind: 'inspect-article', file }, signal) as Promise<ArticleCheck>;
}

/** The article file re-cleaned with the current rules in the worker; null when it needed none or could not be. */
export async function recleanInWorker(file: string, signal?: AbortSignal): Promise<PreparedArticle | null> {
  const check = await inspectArticleInWorker(file, signal);
  return check.ok && check.state === 'sound' ? check.prepared : null;
}

/**
 * Starts the conversion process and has it load its libraries now, so the first import does not wait
 * for them (called when the app core starts); an idle process still ends after a while.
 */
export function warmImportWorker(): void {
  if (!current?.alive) current = newProcess();
  current.warm();
}

/** Ends the conversion process (tests, quitting): every job waiting or on its way fails. */
export function stopImportWorker(): void {
  const reason = 'the import worker was stopped';
  for (const pending of waiting.splice(0)) pending.settle({ ok: false, reason });
  const stopping = current;
  current = null;
  stopping?.kill(reason, 'fail-all');
}
