/**
 * Coalesces bursts of writes to one file without ever acknowledging early.
 *
 * While a write is running, further requests share one follow-up write, which
 * starts after the running one and serialises the data as it is then, so it
 * carries every change made so far. Each caller's promise settles only when a
 * write that began after its change has finished: "saved" means durable.
 */
export class CoalescingWriter {
  private running: Promise<void> | null = null;
  private next: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | null =
    null;

  constructor(private readonly writeNow: () => Promise<void>) {}

  request(): Promise<void> {
    if (!this.running) return this.start();
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  /** Resolves once every requested write has finished (successfully or not). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private start(): Promise<void> {
    const run = this.writeNow();
    this.running = run;
    const settle = () => {
      this.running = null;
      const waiting = this.next;
      this.next = null;
      if (waiting) this.start().then(waiting.resolve, waiting.reject);
    };
    run.then(settle, settle);
    return run;
  }
}
