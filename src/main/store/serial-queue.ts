/**
 * Runs async tasks one after another, in the order they were queued.
 *
 * Store updates are read-modify-write; running them strictly in turn means a
 * write never interleaves with another and each caller learns of its own failure.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();

  return function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
