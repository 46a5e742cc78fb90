/**
 * The main thread's side of the search worker (search-worker.ts): starts the
 * thread, sends it jobs and waits for their replies. The thread is unreferenced
 * while nothing is asked of it, so it never keeps a command-line run or a test
 * alive; if it ends (out of memory, a crash), every waiting job fails and the
 * service starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { useBuiltWorkerScript, workerExecArgv, workerScriptBeside } from '../worker-script';
import type { SearchJob, SearchThreadReply } from './search-worker';

const script = workerScriptBeside(import.meta.url, 'search-worker-from-source.mjs');

/** The built app names its bundled worker (`search-worker.js` beside its entry). */
export function useBuiltSearchWorker(entryDir: string): void {
  useBuiltWorkerScript(script, entryDir, 'search-worker.js');
}

/** The index of a 10,000-article library needs a few hundred MB; past this the thread is ended. */
const memoryMb = 2048;

export class SearchThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  #ended: string | null = null;
  /** Told once when the thread ends (not when stopped). */
  private readonly onEnd: (reason: string) => void;

  constructor(onEnd: (reason: string) => void) {
    this.onEnd = onEnd;
    this.#worker = new Worker(script.file, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 8 },
      execArgv: workerExecArgv(script),
    });
    this.#worker.unref();
    this.#worker.on('message', (reply: SearchThreadReply | 'ready') => {
      if (reply === 'ready') return;
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#settled(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    });
    const end = (reason: string) => {
      if (this.#ended !== null) return;
      this.#end(reason);
      this.onEnd(reason);
    };
    this.#worker.on('error', (error: Error & { code?: string }) =>
      end(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the search index needed more than ${memoryMb} MB`
          : `the search index stopped (${error.message.slice(0, 200)})`,
      ),
    );
    this.#worker.on('exit', () => end('the search index stopped'));
  }

  #end(reason: string): void {
    this.#ended = reason;
    for (const waiting of this.#waiting.values()) waiting.reject(new Error(reason));
    this.#waiting.clear();
  }

  get alive(): boolean {
    return this.#ended === null;
  }

  #settled(id: number): void {
    this.#waiting.delete(id);
    if (this.#waiting.size === 0) this.#worker.unref();
  }

  /** Sends a job; with a timeout, a job not answered in time is rejected (the thread goes on). */
  ask<T>(job: SearchJob, timeoutMs?: number): Promise<T> {
    if (this.#ended !== null) return Promise.reject(new Error(this.#ended));
    const id = this.#nextId++;
    this.#worker.ref();
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? null
          : setTimeout(() => {
              this.#settled(id);
              reject(new SearchTimeout());
            }, timeoutMs);
      this.#waiting.set(id, {
        resolve: (value) => {
          if (timer) clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          if (timer) clearTimeout(timer);
          reject(error);
        },
      });
      this.#worker.postMessage({ id, job });
    });
  }

  /** Ends the thread; jobs still waiting fail. */
  stop(): void {
    if (this.#ended === null) this.#end('the search index was stopped');
    void this.#worker.terminate();
  }
}

export class SearchTimeout extends Error {
  constructor() {
    super('the search took too long');
  }
}
