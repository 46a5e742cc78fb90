/**
 * The import worker thread's entry: converts and cleans one input at a time
 * for the main thread (`conversion-worker.ts`). It holds no state between
 * inputs; when an input runs past its time or memory budget the main thread
 * ends this thread and starts a fresh one.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { convertInput } from './convert-input';
import type { Conversion, ImportInput } from './import-input';

export interface WorkerJob {
  id: number;
  input: ImportInput;
  addedAt: string;
}
export interface WorkerReply {
  id: number;
  result: Conversion;
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'its structure is nested too deeply to read';
  return `it could not be converted (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
}

/**
 * On Linux a thread has its own nice value: this thread asks for a lower one (10), so on a busy machine
 * the main thread (saves, every other request) gets the CPU first. Elsewhere this is skipped.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not Linux, or not permitted: the thread keeps the process's priority.
  }
}

lowerThreadPriority();
const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');
port.on('message', (job: WorkerJob | 'warm') => {
  if (job === 'warm') {
    // Load the HTML libraries ahead of the first import (the module cache keeps them).
    void Promise.all([import('jsdom'), import('@mozilla/readability')]).catch(() => undefined);
    return;
  }
  convertInput(job.input, job.addedAt)
    .catch((error: unknown): Conversion => ({ ok: false, reason: describeFailure(error) }))
    .then((result) => port.postMessage({ id: job.id, result } satisfies WorkerReply));
});
port.postMessage('ready');
