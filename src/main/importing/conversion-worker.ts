/**
 * Runs each input's conversion and cleaning in a worker thread
 * (`node:worker_threads`, the same in Electron's main process, the browser-mode
 * harness and the command line), one input at a time, with a time budget and a
 * memory cap (`resourceLimits`). An input that runs past either is rejected
 * with that reason: the thread is ended and a fresh one serves the next input,
 * while the main thread, which only waits for a message, stays free to answer
 * every other request. Cancelling (an AbortSignal) ends the thread the same way.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLimits } from './import-limits';
import type { ImportInput, PreparedArticle, PreparedConversion } from './import-input';
import type { ArticleCheck, WorkerJob, WorkerReply, WorkerResult } from './import-worker';

/** A job without its id (the thread numbers them). */
type Job = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never;

export interface WorkerBudget {
  timeoutMs: number;
  memoryMb: number;
}

const settings: { script: string; budget: WorkerBudget } = {
  script: path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker-from-source.mjs'),
  budget: { timeoutMs: importLimits.workerTimeoutMs, memoryMb: importLimits.workerMemoryMb },
};

/** The built app names its bundled worker; tests may tighten the budget. */
export function configureImportWorker(options: { script?: string; budget?: Partial<WorkerBudget> }): void {
  const before = JSON.stringify(settings);
  if (options.script) settings.script = options.script;
  settings.budget = { ...settings.budget, ...options.budget };
  if (JSON.stringify(settings) === before) return;
  current?.stop();
  current = null;
}

export function importWorkerBudget(): WorkerBudget {
  return { ...settings.budget };
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** How long a started thread may take to load its libraries before the input is given up. */
const startupMs = 60_000;
/** An idle thread is ended after this long, giving its memory back. */
const idleMs = 30_000;

class ConversionThread {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private ended: string | null = null;
  private onEnd: ((reason: string) => void) | null = null;
  private onReply: ((reply: WorkerReply) => void) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(
    script: string,
    private readonly budget: WorkerBudget,
  ) {
    this.worker = new Worker(script, {
      resourceLimits: {
        maxOldGenerationSizeMb: budget.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(budget.memoryMb / 8))),
        stackSizeMb: 8,
      },
      stdout: false,
      stderr: false,
    });
    this.ready = new Promise((resolve, reject) => {
      this.onEnd = (reason) => reject(new Error(reason));
      this.worker.once('message', () => resolve());
    });
    this.ready.catch(() => {});
    this.worker.on('message', (message: WorkerReply | 'ready') => {
      if (message !== 'ready') this.onReply?.(message);
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.end(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it needed more than the ${budget.memoryMb} MB of memory one file may use`
          : `its conversion failed (${error.message.slice(0, 200)})`,
      );
    });
    this.worker.on('exit', () => this.end('its conversion stopped unexpectedly'));
  }

  get alive(): boolean {
    return this.ended === null;
  }

  private end(reason: string): void {
    if (this.ended !== null) return;
    this.ended = reason;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.onEnd?.(reason);
  }

  warm(): void {
    this.worker.postMessage('warm');
    this.idle();
  }

  private idle(): void {
    if (!this.alive) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), idleMs);
    this.idleTimer.unref();
  }

  stop(reason = 'the import worker was stopped'): void {
    this.end(reason);
    void this.worker.terminate();
  }

  async run(job: Job, signal?: AbortSignal): Promise<WorkerResult> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.worker.ref();
    try {
      const startup = setTimeout(() => this.stop('the import worker did not start'), startupMs);
      // Cancelling while the thread still loads its libraries ends it too.
      const cancelStartup = () => this.stop('the import was cancelled');
      signal?.addEventListener('abort', cancelStartup, { once: true });
      try {
        await this.ready;
      } finally {
        clearTimeout(startup);
        signal?.removeEventListener('abort', cancelStartup);
      }
      return await new Promise<WorkerResult>((resolve) => {
        const id = this.nextId++;
        const finish = (result: WorkerResult) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', cancel);
          this.onReply = null;
          this.onEnd = null;
          resolve(result);
        };
        const timer = setTimeout(
          () =>
            this.stop(
              job.kind === 'convert'
                ? `it took longer than the ${duration(this.budget.timeoutMs)} one file may take to convert`
                : `reading it took longer than ${duration(this.budget.timeoutMs)}`,
            ),
          this.budget.timeoutMs,
        );
        const cancel = () => this.stop('the import was cancelled');
        if (signal?.aborted) return cancel();
        signal?.addEventListener('abort', cancel, { once: true });
        this.onReply = (reply) => {
          if (reply.id === id) finish(reply.result);
        };
        this.onEnd = (reason) => finish({ ok: false, reason });
        this.worker.postMessage({ ...job, id } as WorkerJob);
      });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      this.idle();
    }
  }
}

let current: ConversionThread | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Runs one job in the worker thread; jobs are taken one at a time, in the order asked. */
function runInWorker(job: Job, signal?: AbortSignal): Promise<WorkerResult> {
  const run = async (): Promise<WorkerResult> => {
    if (signal?.aborted) return { ok: false, reason: 'the import was cancelled' };
    if (!current?.alive) current = new ConversionThread(settings.script, settings.budget);
    return current.run(job, signal);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}

/** Converts one input in the worker thread (the article comes back as checked JSON bytes). */
export function convertInWorker(
  input: ImportInput,
  addedAt: string,
  signal?: AbortSignal,
): Promise<PreparedConversion> {
  return runInWorker({ kind: 'convert', input, addedAt }, signal) as Promise<PreparedConversion>;
}

/**
 * Reads and checks a stored article file in the worker thread, re-cleaning it there when older
 * cleaning rules made it: the main thread gets only the state and, if re-cleaned, the new bytes.
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
 * Starts the worker thread and has it load its libraries now, so the first import does not wait
 * for them (called when the app core starts); an idle thread still ends after a while.
 */
export function warmImportWorker(): void {
  if (!current?.alive) current = new ConversionThread(settings.script, settings.budget);
  current.warm();
}

/** Ends the worker thread (tests, quitting). */
export function stopImportWorker(): void {
  current?.stop();
  current = null;
}
