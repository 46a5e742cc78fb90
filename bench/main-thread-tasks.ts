/**
 * The renderer's main-thread tasks in a Chromium trace, with their wall time
 * and their thread CPU time. A long task in the page's PerformanceObserver is
 * wall time: on a shared two-core machine a 5 ms task becomes a 90 ms one when
 * the thread is not scheduled meanwhile. The trace's thread time (`tdur`) tells
 * that apart from work the page really did, so the scroll benchmarks report
 * both (issue 14).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface MainThreadTask {
  /** Trace time (µs) the task started. */
  ts: number;
  wallMs: number;
  cpuMs: number;
}

const isTask = (event: TraceEvent) => event.name === 'RunTask' || event.name.endsWith('::RunTask');

export interface Thread {
  pid: number;
  tid: number;
}

/** The top-level tasks of one thread, in order: a task shows as nested RunTask events, only the outermost counts. */
function tasksOn(events: readonly TraceEvent[], thread: Thread): MainThreadTask[] {
  const own = events
    .filter(
      (event) =>
        event.pid === thread.pid &&
        event.tid === thread.tid &&
        event.ph === 'X' &&
        event.dur !== undefined &&
        isTask(event),
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: MainThreadTask[] = [];
  let endOfLast = -Infinity;
  for (const event of own) {
    if (event.ts < endOfLast) continue;
    tasks.push({ ts: event.ts, wallMs: event.dur! / 1000, cpuMs: (event.tdur ?? event.dur!) / 1000 });
    endOfLast = event.ts + event.dur!;
  }
  return tasks;
}

/**
 * The renderer's main thread (`CrRendererMain`; the busiest one when the trace holds several renderers)
 * and its top-level tasks, in order.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): {
  thread: Thread | null;
  tasks: MainThreadTask[];
} {
  const busy = (list: MainThreadTask[]) => list.reduce((sum, task) => sum + task.cpuMs, 0);
  let best: { thread: Thread | null; tasks: MainThreadTask[] } = { thread: null, tasks: [] };
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') {
      const thread = { pid: event.pid, tid: event.tid };
      const tasks = tasksOn(events, thread);
      if (best.thread === null || busy(tasks) > busy(best.tasks)) best = { thread, tasks };
    }
  return best;
}

/** How many of `tasks` are over `limitMs` by wall time and by CPU time, and the longest of each. */
export function longTaskFigures(tasks: readonly MainThreadTask[], limitMs = 50) {
  return {
    overByWall: tasks.filter((task) => task.wallMs > limitMs).length,
    overByCpu: tasks.filter((task) => task.cpuMs > limitMs).length,
    longestWallMs: Math.max(0, ...tasks.map((task) => task.wallMs)),
    longestCpuMs: Math.max(0, ...tasks.map((task) => task.cpuMs)),
  };
}
