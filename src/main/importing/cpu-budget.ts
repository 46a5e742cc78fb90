/**
 * The time budget of one conversion, counted in the CPU time the conversion
 * process's main thread used (read from /proc on Linux) rather than in
 * wall-clock time: the process runs at the lowest priority, so on a busy
 * machine it may wait long for the CPU, and a file should be rejected for the
 * work it takes, not for the machine being busy. The main thread's time (the
 * conversion itself) and not the whole process's: V8's helper threads would
 * add their parallel garbage collection, more of it the busier the machine.
 * A wall-clock ceiling of ten times the budget (at least two minutes) still
 * ends a child that waits forever. Where /proc is not there (macOS, Windows)
 * the budget is wall-clock time, as before.
 */
import { readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of 1/100 s to user space (USER_HZ). */
const tickMs = 10;

/** The CPU time (user + system) the process's main thread has used, or null when it cannot be read. */
export function processCpuMs(pid: number): number | null {
  try {
    // A process's main thread is the task whose id is the process's.
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    // The fields after the command name (in parentheses, which may hold spaces): utime and stime
    // are fields 14 and 15 of the whole line, so 12th and 13th after the name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * tickMs : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onOver` once the process `pid` has used more than `budgetMs` of CPU time from now (or,
 * where that cannot be read, once `budgetMs` have passed). Returns the function that stops watching.
 */
export function watchCpuBudget(pid: number | undefined, budgetMs: number, onOver: () => void): () => void {
  const started = pid === undefined ? null : processCpuMs(pid);
  if (pid === undefined || started === null) {
    const timer = setTimeout(onOver, budgetMs);
    return () => clearTimeout(timer);
  }
  const ceiling = setTimeout(onOver, Math.max(budgetMs * 10, 120_000));
  const check = setInterval(
    () => {
      const used = processCpuMs(pid);
      // Null: the process has gone, which its exit reports.
      if (used !== null && used - started > budgetMs) onOver();
    },
    Math.min(250, Math.max(20, budgetMs / 10)),
  );
  return () => {
    clearTimeout(ceiling);
    clearInterval(check);
  };
}
