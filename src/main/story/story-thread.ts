/**
 * The main thread's side of the story desk's worker (story-worker.ts): starts
 * the thread when first needed, sends it one job at a time and bounds each
 * job. A job that runs past its time ends the thread; a thread that runs out
 * of memory or crashes ends too; either way that job answers "not available"
 * with the reason, and the next job starts a fresh thread. The thread is
 * unreferenced while idle (it never keeps a command-line run or a test alive)
 * and ended after a few idle minutes, giving back the parser's memory.
 */
import { Worker } from 'node:worker_threads';
import { useBuiltWorkerScript, workerExecArgv, workerScriptBeside } from '../worker-script';
import type { StoryJob, StoryJobValue, StoryThreadReply } from './story-worker';

const script = workerScriptBeside(import.meta.url, 'story-worker-from-source.mjs');

/** The built app names its bundled worker (`story-worker.js` beside its entry). */
export function useBuiltStoryWorker(entryDir: string): void {
  useBuiltWorkerScript(script, entryDir, 'story-worker.js');
}

export interface StoryThreadLimits {
  /** The thread's heap; the parser needs about 150 MB on the 20,000 words it reads of an article. */
  memoryMb: number;
  /** One job's time, from when the thread is ready (its start-up is bounded apart). */
  jobTimeoutMs: number;
  /** The thread's start-up: loading its code and the parser's lexicon. */
  startTimeoutMs: number;
  /** An idle thread is ended after this long. */
  idleMs: number;
}

export const defaultStoryThreadLimits: StoryThreadLimits = {
  memoryMb: 768,
  jobTimeoutMs: 60_000,
  startTimeoutMs: 60_000,
  idleMs: 5 * 60_000,
};

export type StoryOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

type Running = { id: number; finish: (outcome: StoryOutcome<unknown>) => void };

const seconds = (ms: number) => `${ms >= 10_000 ? Math.round(ms / 1000) : ms / 1000} s`;

export class StoryThread {
  readonly #limits: StoryThreadLimits;
  readonly #script: string | null;
  #worker: Worker | null = null;
  /** Resolved when the current thread has loaded. */
  #ready: Promise<void> = Promise.resolve();
  #running: Running | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;
  /** How many threads have been started (a test sees a crashed thread replaced). */
  started = 0;

  /** `script` runs another worker entry from the sources (a test's crashing worker). */
  constructor(limits: Partial<StoryThreadLimits> = {}, script: string | null = null) {
    this.#limits = { ...defaultStoryThreadLimits, ...limits };
    this.#script = script;
  }

  /** The current thread's id, or null when none runs. */
  get threadId(): number | null {
    return this.#worker?.threadId ?? null;
  }

  /** Runs one job after the ones already sent; never rejects. */
  run<K extends StoryJob['type']>(
    job: Extract<StoryJob, { type: K }>,
  ): Promise<StoryOutcome<StoryJobValue[K]>> {
    const outcome = this.#queue.then(() => this.#runNow(job));
    this.#queue = outcome;
    return outcome as Promise<StoryOutcome<StoryJobValue[K]>>;
  }

  #start(): Worker {
    const { memoryMb } = this.#limits;
    // A test's own script (this.#script) runs with the parent's flags, like the source loader.
    const worker = new Worker(this.#script ?? script.file, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 8 },
      execArgv: this.#script === null ? workerExecArgv(script) : undefined,
    });
    this.started += 1;
    worker.unref();
    let loaded = () => {};
    this.#ready = new Promise((resolve) => (loaded = resolve));
    worker.on('message', (reply: StoryThreadReply | 'ready') => {
      if (reply === 'ready') return loaded();
      if (this.#running?.id !== reply.id) return;
      this.#running.finish(
        reply.ok
          ? { ok: true, value: reply.value }
          : { ok: false, reason: `the parser failed (${reply.error})` },
      );
    });
    const ended = (reason: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#running?.finish({ ok: false, reason });
    };
    worker.on('error', (error: Error & { code?: string }) =>
      ended(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it needed more than ${memoryMb} MB`
          : `the parser stopped (${error.message.slice(0, 200)})`,
      ),
    );
    worker.on('exit', (code) => ended(`the parser stopped (exit code ${code})`));
    return worker;
  }

  #runNow(job: StoryJob): Promise<StoryOutcome<unknown>> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    const worker = (this.#worker ??= this.#start());
    const id = this.#nextId++;
    worker.ref();
    return new Promise((resolve) => {
      const { startTimeoutMs, jobTimeoutMs } = this.#limits;
      const timeOut = (reason: string) => {
        this.#end(worker);
        finish({ ok: false, reason });
      };
      let timer = setTimeout(
        () => timeOut(`the parser did not start in ${seconds(startTimeoutMs)}`),
        startTimeoutMs,
      );
      const finish = (outcome: StoryOutcome<unknown>) => {
        if (this.#running?.id !== id) return;
        clearTimeout(timer);
        this.#running = null;
        worker.unref();
        this.#idleTimer = setTimeout(() => this.stop(), this.#limits.idleMs);
        this.#idleTimer.unref();
        resolve(outcome);
      };
      this.#running = { id, finish };
      // The job goes once the thread has loaded, and its time counts from there.
      void this.#ready.then(() => {
        if (this.#running?.id !== id) return;
        clearTimeout(timer);
        timer = setTimeout(() => timeOut(`it took longer than ${seconds(jobTimeoutMs)}`), jobTimeoutMs);
        worker.postMessage({ id, job });
      });
    });
  }

  #end(worker: Worker): void {
    if (this.#worker === worker) this.#worker = null;
    void worker.terminate();
  }

  /** Ends the thread (idle, or the app closing); a job running answers "not available". */
  stop(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    const worker = this.#worker;
    if (!worker) return;
    this.#end(worker);
    this.#running?.finish({ ok: false, reason: 'the app stopped the parser' });
  }
}
