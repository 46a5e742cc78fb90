/**
 * Runs each input's conversion and cleaning in a separate conversion process
 * at the lowest CPU priority (a Node child on the command line, in tests and
 * in browser mode; an Electron utility process in the app), kept warm between
 * inputs and taking one at a time, with a time budget (its CPU time, see
 * `cpu-budget.ts`) and a memory cap (`--max-old-space-size`). An input that
 * runs past either, or crashes the process, is rejected with that reason: the
 * process is killed and a fresh one serves the next input, while the app's
 * process, which only waits for a message, stays free to answer every other
 * request. Cancelling (an AbortSignal) ends the process the same way.
 */
import { getPriority, setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLimits } from './import-limits';
import { forkNodeChild, type ConversionChild, type LaunchChild } from './child-launcher';
import { watchCpuBudget } from './cpu-budget';
import { lowestPriorityBelow } from './child-priority';
import type { ImportInput, PreparedArticle, PreparedConversion } from './import-input';
import type { ArticleCheck, WorkerJob, WorkerReply, WorkerResult } from './import-worker';

/** A job without its id (the process numbers them). */
type Job = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never;

export interface WorkerBudget {
  timeoutMs: number;
  memoryMb: number;
}

/**
 * When a kept-warm process is replaced by a fresh one, between files: after this many jobs, or
 * once its heap after a job passes this many MB. Whatever a library keeps from file to file (a
 * cache, a leak like jsdom's windows held by a pending callback) is then given back, however long
 * the import session runs.
 */
export interface WorkerRecycling {
  afterJobs: number;
  heapMb: number;
}

const settings: { script: string; budget: WorkerBudget; launch: LaunchChild; recycling: WorkerRecycling } = {
  script: path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker-from-source.mjs'),
  launch: forkNodeChild,
  budget: { timeoutMs: importLimits.workerTimeoutMs, memoryMb: importLimits.workerMemoryMb },
  recycling: { afterJobs: 100, heapMb: Math.round(importLimits.workerMemoryMb / 3) },
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
}): void {
  const before = JSON.stringify(settings);
  const launcher = settings.launch;
  if (options.script) settings.script = options.script;
  if (options.launch) settings.launch = options.launch;
  settings.budget = { ...settings.budget, ...options.budget };
  settings.recycling = { ...settings.recycling, ...options.recycling };
  if (JSON.stringify(settings) === before && settings.launch === launcher) return;
  current?.stop();
  current = null;
}

export function importWorkerBudget(): WorkerBudget {
  return { ...settings.budget };
}

export function importWorkerRecycling(): WorkerRecycling {
  return { ...settings.recycling };
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** How long a started process may take to load its libraries before the input is given up. */
const startupMs = 60_000;
/** An idle process is ended after this long, giving its memory back. */
const idleMs = 30_000;

/** What V8 prints to stderr when a heap reaches its cap (the child then aborts). */
const outOfMemory = /heap out of memory|reached heap limit|allocation failed/i;

class ConversionProcess {
  private readonly child: ConversionChild;
  private readonly ready: Promise<void>;
  private ended: string | null = null;
  private onReady: (() => void) | null = null;
  private onEnd: ((reason: string) => void) | null = null;
  private onReply: ((reply: WorkerReply) => void) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private stderrTail = '';
  private nextId = 1;
  /** Jobs answered, and the heap the last reply reported (see `WorkerRecycling`). */
  private jobsDone = 0;
  private heapMb = 0;
  /** The child's nice value: the lowest below the app's. */
  private readonly priority = lowestPriorityBelow(getPriority());

  constructor(
    script: string,
    private readonly budget: WorkerBudget,
    launch: LaunchChild,
    private readonly recycling: WorkerRecycling = settings.recycling,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.onEnd = (reason) => reject(new Error(reason));
    });
    this.ready.catch(() => {});
    const started = this.start(script, launch);
    this.child = started.child;
    if (started.failure) this.end(started.failure);
    // The child lowers every one of its threads to the priority it is given (Linux keeps one per
    // thread); this covers systems where the priority is the whole process's (macOS, Windows).
    try {
      if (this.child.pid !== undefined && process.platform !== 'linux')
        setPriority(this.child.pid, this.priority);
    } catch {
      // Not permitted: the child keeps its own lowered priority.
    }
  }

  /** Launches the child; one the OS refuses to start (no memory, too many processes) is a failure. */
  private start(script: string, launch: LaunchChild): { child: ConversionChild; failure?: string } {
    try {
      return { child: this.launchChild(script, launch, this.budget.memoryMb) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        child: { pid: undefined, send: () => {}, kill: () => {}, hold: () => {} },
        failure: `the conversion process could not be started (${message.slice(0, 200)})`,
      };
    }
  }

  private launchChild(script: string, launch: LaunchChild, memoryMb: number): ConversionChild {
    const options = { execArgv: [`--max-old-space-size=${memoryMb}`], args: [`--priority=${this.priority}`] };
    return launch(script, options, {
      message: (message) => {
        if (message === 'ready') this.onReady?.();
        else this.onReply?.(message as WorkerReply);
      },
      stderr: (text) => {
        this.stderrTail = (this.stderrTail + text).slice(-4096);
      },
      exit: () =>
        this.end(
          outOfMemory.test(this.stderrTail)
            ? `it needed more than the ${memoryMb} MB of memory one file may use`
            : 'its conversion stopped unexpectedly',
        ),
    });
  }

  get alive(): boolean {
    return this.ended === null;
  }

  /** Whether this process has served its share of jobs or grown past its heap bound. */
  get spent(): boolean {
    return this.jobsDone >= this.recycling.afterJobs || this.heapMb >= this.recycling.heapMb;
  }

  private end(reason: string): void {
    if (this.ended !== null) return;
    this.ended = reason;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.hold(false);
    this.onEnd?.(reason);
  }

  warm(): void {
    // Sent once the child listens (a message before that could be lost).
    void this.ready.then(() => this.child.send('warm')).catch(() => undefined);
    this.idle();
  }

  private idle(): void {
    if (!this.alive) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.hold(false);
    this.idleTimer = setTimeout(() => this.stop(), idleMs);
    this.idleTimer.unref();
  }

  stop(reason = 'the import worker was stopped'): void {
    this.end(reason);
    this.child.kill();
  }

  async run(job: Job, signal?: AbortSignal): Promise<WorkerResult> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.hold(true);
    try {
      const unwatchStartup = watchCpuBudget(this.child.pid, startupMs, () =>
        this.stop('the import worker did not start'),
      );
      // Cancelling while the process still loads its libraries ends it too.
      const cancelStartup = () => this.stop('the import was cancelled');
      signal?.addEventListener('abort', cancelStartup, { once: true });
      try {
        await this.ready;
      } finally {
        unwatchStartup();
        signal?.removeEventListener('abort', cancelStartup);
      }
      return await new Promise<WorkerResult>((resolve) => {
        const id = this.nextId++;
        let unwatch = () => {};
        const finish = (result: WorkerResult) => {
          unwatch();
          signal?.removeEventListener('abort', cancel);
          this.onReply = null;
          this.onEnd = null;
          resolve(result);
        };
        const cancel = () => this.stop('the import was cancelled');
        if (signal?.aborted) return cancel();
        signal?.addEventListener('abort', cancel, { once: true });
        this.onReply = (reply) => {
          if (reply.id !== id) return;
          this.jobsDone += 1;
          this.heapMb = reply.heapMb ?? 0;
          finish(boundedResult(reply.result));
        };
        this.onEnd = (reason) => finish({ ok: false, reason });
        this.child.send({ ...job, id } as WorkerJob);
        unwatch = watchCpuBudget(this.child.pid, this.budget.timeoutMs, () =>
          this.stop(
            job.kind === 'convert'
              ? `it took longer than the ${duration(this.budget.timeoutMs)} one file may take to convert`
              : `reading it took longer than ${duration(this.budget.timeoutMs)}`,
          ),
        );
      });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      // A spent process ends now, giving its memory back; the next job starts a fresh one.
      if (this.spent) this.stop('the conversion process was replaced by a fresh one');
      else this.idle();
    }
  }
}

/** The article the child sent is refused when over the stored-article cap (the child checks it too). */
function boundedResult(result: WorkerResult): WorkerResult {
  const bytes = 'prepared' in result && result.prepared ? result.prepared.content.byteLength : 0;
  if (bytes <= importLimits.maxArticleBytes) return result;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  return {
    ok: false,
    reason: `the stored article would take ${mb(bytes)}, over the ${mb(importLimits.maxArticleBytes)} limit`,
  };
}

let current: ConversionProcess | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Runs one job in the conversion process; jobs are taken one at a time, in the order asked. */
function runInWorker(job: Job, signal?: AbortSignal): Promise<WorkerResult> {
  const run = async (): Promise<WorkerResult> => {
    if (signal?.aborted) return { ok: false, reason: 'the import was cancelled' };
    if (!current?.alive) current = new ConversionProcess(settings.script, settings.budget, settings.launch);
    return current.run(job, signal);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
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
  if (!current?.alive) current = new ConversionProcess(settings.script, settings.budget, settings.launch);
  current.warm();
}

/** Ends the conversion process (tests, quitting). */
export function stopImportWorker(): void {
  current?.stop();
  current = null;
}
