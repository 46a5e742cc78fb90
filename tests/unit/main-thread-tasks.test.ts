/**
 * The scroll benchmarks' reading of a Chromium trace (bench/main-thread-tasks.ts): the renderer's
 * main thread, its top-level tasks only, and long tasks by wall time told apart from long tasks by
 * CPU time (a task is long by wall time when its thread was not scheduled).
 */
import { describe, expect, it } from 'vitest';
import { longTaskFigures, mainThreadTasks, type TraceEvent } from '../../bench/main-thread-tasks';

const threadName = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const task = (
  pid: number,
  tid: number,
  ts: number,
  dur: number,
  tdur?: number,
  name = 'RunTask',
): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
  pid,
  tid,
});

describe('mainThreadTasks', () => {
  it('counts a task once, however many RunTask events nest in it, in order', () => {
    const events = [
      threadName(1, 10, 'CrRendererMain'),
      task(1, 10, 5_000, 2_000, 1_500),
      task(1, 10, 1_000, 90_000, 8_000, 'ThreadControllerImpl::RunTask'),
      task(1, 10, 1_000, 89_000, 7_900),
      task(1, 10, 20_000, 3_000, 2_000),
      { name: 'Layout', ph: 'X', ts: 2_000, dur: 5_000, tdur: 4_000, pid: 1, tid: 10 },
      task(1, 10, 100_000, 60_000, 55_000),
    ];
    const { thread, tasks } = mainThreadTasks(events);
    expect(thread).toEqual({ pid: 1, tid: 10 });
    expect(tasks).toEqual([
      { ts: 1_000, wallMs: 90, cpuMs: 8 },
      { ts: 100_000, wallMs: 60, cpuMs: 55 },
    ]);
    expect(longTaskFigures(tasks)).toEqual({
      overByWall: 2,
      overByCpu: 1,
      longestWallMs: 90,
      longestCpuMs: 55,
    });
  });

  it("takes the busiest renderer's main thread and ignores other threads", () => {
    const events = [
      threadName(1, 10, 'CrRendererMain'),
      threadName(2, 20, 'CrRendererMain'),
      threadName(2, 21, 'Compositor'),
      task(1, 10, 0, 1_000, 1_000),
      task(2, 20, 0, 30_000, 20_000),
      task(2, 21, 0, 200_000, 200_000),
    ];
    const { thread, tasks } = mainThreadTasks(events);
    expect(thread).toEqual({ pid: 2, tid: 20 });
    expect(tasks).toEqual([{ ts: 0, wallMs: 30, cpuMs: 20 }]);
  });

  it('uses the wall time when the trace has no thread time, and finds nothing without a renderer', () => {
    const events = [threadName(1, 10, 'CrRendererMain'), task(1, 10, 0, 70_000)];
    expect(longTaskFigures(mainThreadTasks(events).tasks)).toEqual({
      overByWall: 1,
      overByCpu: 1,
      longestWallMs: 70,
      longestCpuMs: 70,
    });
    expect(mainThreadTasks([task(1, 10, 0, 70_000)])).toEqual({ thread: null, tasks: [] });
  });
});
