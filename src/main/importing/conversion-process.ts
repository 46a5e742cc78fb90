/**
 * One conversion process, kept fed: a few jobs are sent ahead (a small queue
 * bounded in count and bytes), so the process starts the next file the moment
 * it answers the last instead of waiting a round trip for it. The process runs
 * them one at a time in the order sent (`import-worker.ts`), so the oldest
 * unanswered job is the one running: its time budget starts when the reply
 * before it arrives, and a timeout, a crash or running out of memory is that
 * job's failure alone. The jobs queued behind it never began: they are handed
 * back to be sent, once each and in order, to a fresh process.
 */
import { getPriority, setPriority } from 'node:os';
import type { ConversionChild, LaunchChild } from './child-launcher';
import { lowestPriorityBelow } from './child-priority';
import { watchCpuBudget } from './cpu-budget';
import { importLimits, formatForName } from './import-limits';
import type { WorkerJob, WorkerReply, WorkerResult, WorkerSkip } from './import-worker';

/** A job without its id (the process numbers them). */
export type Job = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never;

export interface WorkerBudget {
  timeoutMs: number;
  memoryMb: number;
}

/**
 * When a kept-warm process is replaced by a fresh one: after this many heavy jobs (HTML, PDF,
 * DOCX, stored articles re-cleaned: the work that builds a DOM or a document model; plain text,
 * Markdown and a stored article found already clean do not count), or once its heap or its whole
 * memory after a job passes these bounds.
 * Whatever a library keeps from file to file (a cache, a leak like jsdom's windows held by a
 * pending callback) is then given back, however long the import session runs.
 */
export interface WorkerRecycling {
  afterJobs: number;
  heapMb: number;
  rssMb: number;
}

/** How many jobs, and how many of their bytes, may wait in the process beyond the one it runs. */
export interface WorkerQueueBounds {
  jobs: number;
  bytes: number;
}

/** A job asked for and not yet answered; `settle` answers it once, whoever gets there first. */
export interface PendingJob {
  readonly job: Job;
  readonly signal?: AbortSignal;
  readonly bytes: number;
  readonly heavy: boolean;
  settle(result: WorkerResult): void;
}

/** What the process tells its owner: jobs to send again elsewhere, and room for more jobs. */
export interface ProcessHooks {
  requeue(jobs: PendingJob[]): void;
  freed(): void;
}

const lightFormats = new Set(['text', 'markdown']);

/** Whether a job is one of the heavy kinds that count toward replacing the process. */
export function isHeavyJob(job: Job): boolean {
  if (job.kind !== 'convert') return true;
  const format = job.input.format ?? formatForName(job.input.name);
  return format === null || !lightFormats.has(format);
}

/**
 * Whether an answered job counts as heavy: a stored article's check does not when it found the
 * article sound and sent nothing back (a sweep over a library already clean reads and parses each
 * file, and builds no DOM; counted, it replaced the process every 100 files, a new process's start
 * each time). Any other answer to a check counts, re-cleaned or not: the safe side.
 */
function didHeavyWork(pending: PendingJob, result: WorkerResult): boolean {
  if (!pending.heavy) return false;
  if (pending.job.kind !== 'inspect-article') return true;
  return !(result.ok && 'state' in result && result.state === 'sound' && result.prepared === null);
}

export const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
export const cancelledReason = 'the import was cancelled';

/** How long a started process may take to load its libraries before the input is given up. */
const startupMs = 60_000;
/** An idle process is ended after this long, giving its memory back. */
const idleMs = 30_000;

/** What V8 prints to stderr when a heap reaches its cap (the child then aborts). */
const outOfMemory = /heap out of memory|reached heap limit|allocation failed/i;

interface Sent {
  id: number;
  pending: PendingJob;
  /** Cancelled while queued: already answered, its reply is dropped. */
  cancelled: boolean;
}

export class ConversionProcess {
  private readonly child: ConversionChild;
  private readonly ready: Promise<void>;
  private isReady = false;
  private ended: string | null = null;
  private onReady: (() => void) | null = null;
  private onStartFailed: ((reason: string) => void) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private unwatch: () => void = () => {};
  private stderrTail = '';
  private nextId = 1;
  /** Sent and unanswered, oldest (the running one) first. */
  private readonly inFlight: Sent[] = [];
  /** Heavy jobs answered, and the memory the last reply reported (see `WorkerRecycling`). */
  private heavyDone = 0;
  private heapMb = 0;
  private rssMb = 0;
  /** The child's nice value: the lowest below the app's. */
  private readonly priority = lowestPriorityBelow(getPriority());

  constructor(
    script: string,
    private readonly budget: WorkerBudget,
    launch: LaunchChild,
    private readonly recycling: WorkerRecycling,
    private readonly bounds: WorkerQueueBounds,
    private readonly hooks: ProcessHooks,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.onStartFailed = (reason) => reject(new Error(reason));
    });
    this.ready.catch(() => {});
    const started = this.start(script, launch);
    this.child = started.child;
    if (started.failure) this.end(started.failure, 'blame-running');
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
        if (message === 'ready') this.becomeReady();
        else this.reply(message as WorkerReply);
      },
      stderr: (text) => {
        this.stderrTail = (this.stderrTail + text).slice(-4096);
      },
      exit: () =>
        this.end(
          outOfMemory.test(this.stderrTail)
            ? `it needed more than the ${memoryMb} MB of memory one file may use`
            : 'its conversion stopped unexpectedly',
          'blame-running',
        ),
    });
  }

  get alive(): boolean {
    return this.ended === null;
  }

  /** Why the process ended (null while alive). */
  get endReason(): string | null {
    return this.ended;
  }

  /** Whether this process has served its share of heavy jobs or grown past its memory bounds. */
  private get spent(): boolean {
    const { afterJobs, heapMb, rssMb } = this.recycling;
    return this.heavyDone >= afterJobs || this.heapMb >= heapMb || this.rssMb >= rssMb;
  }

  /** Whether `pending` may be sent now: alive, not spent, and room in the queue (always for the first). */
  accepts(pending: PendingJob): boolean {
    if (!this.alive || this.spent) return false;
    if (this.inFlight.length === 0) return true;
    const queued = this.inFlight.slice(1);
    const bytes = queued.reduce((sum, sent) => sum + sent.pending.bytes, 0);
    return queued.length < this.bounds.jobs && bytes + pending.bytes <= this.bounds.bytes;
  }

  submit(pending: PendingJob): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.hold(true);
    const sent: Sent = { id: this.nextId++, pending, cancelled: false };
    this.inFlight.push(sent);
    // Sent once the child listens (a message before that could be lost); `then` keeps the order.
    void this.ready.then(() => this.child.send({ ...pending.job, id: sent.id } as WorkerJob)).catch(() => {});
    if (this.inFlight.length === 1) this.watchRunning();
  }

  /**
   * Cancels a job this process holds: the running one ends the process (the others go to a fresh
   * one); a queued one is answered now and skipped by the child when its turn comes.
   */
  cancel(pending: PendingJob): void {
    const index = this.inFlight.findIndex((sent) => sent.pending === pending);
    if (index < 0) return;
    if (index === 0) return this.kill(cancelledReason, 'blame-running');
    const sent = this.inFlight[index]!;
    sent.cancelled = true;
    pending.settle({ ok: false, reason: cancelledReason });
    const skip: WorkerSkip = { kind: 'skip', id: sent.id };
    void this.ready.then(() => this.child.send(skip)).catch(() => {});
  }

  private becomeReady(): void {
    this.isReady = true;
    this.onReady?.();
    this.watchRunning();
  }

  /** Watches the running job's budget (or, before the child is ready, its start-up). */
  private watchRunning(): void {
    this.unwatch();
    this.unwatch = () => {};
    const running = this.inFlight[0];
    if (!running || !this.alive) return;
    if (!this.isReady) {
      this.unwatch = watchCpuBudget(this.child.pid, startupMs, () =>
        this.kill('the import worker did not start', 'blame-running'),
      );
      return;
    }
    const { job } = running.pending;
    this.unwatch = watchCpuBudget(this.child.pid, this.budget.timeoutMs, () =>
      this.kill(
        job.kind === 'convert'
          ? `it took longer than the ${duration(this.budget.timeoutMs)} one file may take to convert`
          : `reading it took longer than ${duration(this.budget.timeoutMs)}`,
        'blame-running',
      ),
    );
  }

  private reply(reply: WorkerReply): void {
    if (!this.alive) return;
    const index = this.inFlight.findIndex((sent) => sent.id === reply.id);
    if (index < 0) return;
    // The child answers in the order sent, so this is the oldest: the one it was running.
    const [sent] = this.inFlight.splice(index, 1);
    if (didHeavyWork(sent!.pending, reply.result)) this.heavyDone += 1;
    this.heapMb = reply.heapMb ?? 0;
    this.rssMb = reply.rssMb ?? 0;
    if (!sent!.cancelled) sent!.pending.settle(boundedResult(reply.result));
    if (this.inFlight.length > 0) this.watchRunning();
    else {
      this.unwatch();
      // A spent process ends once it has answered everything, giving its memory back.
      if (this.spent) this.kill('the conversion process was replaced by a fresh one', 'blame-running');
      else this.idle();
    }
    this.hooks.freed();
  }

  warm(): void {
    void this.ready.then(() => this.child.send('warm')).catch(() => undefined);
    this.idle();
  }

  private idle(): void {
    // Never idle with jobs on their way (warming a process that is already converting).
    if (!this.alive || this.inFlight.length > 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.hold(false);
    this.idleTimer = setTimeout(() => this.kill('the import worker was stopped', 'fail-all'), idleMs);
    this.idleTimer.unref();
  }

  /**
   * Ends the process. `blame-running`: the running job fails with `reason` and the jobs queued
   * behind it, which never began, are handed back; `fail-all`: every job fails (the app stops).
   */
  kill(reason: string, blame: 'blame-running' | 'fail-all'): void {
    this.end(reason, blame);
    this.child.kill();
  }

  private end(reason: string, blame: 'blame-running' | 'fail-all'): void {
    if (this.ended !== null) return;
    this.ended = reason;
    this.unwatch();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.hold(false);
    this.onStartFailed?.(reason);
    const sent = this.inFlight.splice(0);
    const running = blame === 'blame-running' ? sent.shift() : undefined;
    if (running && !running.cancelled) running.pending.settle({ ok: false, reason });
    const waiting = sent.filter((entry) => !entry.cancelled).map((entry) => entry.pending);
    if (blame === 'fail-all') for (const pending of waiting) pending.settle({ ok: false, reason });
    else if (waiting.length > 0) this.hooks.requeue(waiting);
    this.hooks.freed();
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
