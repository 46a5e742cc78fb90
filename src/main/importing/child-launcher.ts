/**
 * Starts the conversion process: a separate OS process rather than a thread,
 * so its whole footprint (its JavaScript, its garbage collector's helper
 * threads, its memory traffic) can run at the lowest CPU priority while the
 * app's own process answers the user first. Plain Node (the command line,
 * tests, browser mode) forks a Node child; the Electron app passes its own
 * launcher (`shell/conversion-utility-process.ts`, an Electron utility
 * process, since the packaged app cannot run as Node).
 */
import { fork } from 'node:child_process';

/** What the parent hears from a started child. */
export interface ChildEvents {
  message(message: unknown): void;
  /** The child has gone (crashed, was killed or exited); its stderr has been read by then. */
  exit(): void;
  stderr(text: string): void;
}

export interface ConversionChild {
  /** Undefined until the OS has started it (or when it could not start). */
  readonly pid: number | undefined;
  send(message: unknown): void;
  kill(): void;
  /** Whether the child keeps the parent's event loop alive (while a job runs) or not (idle). */
  hold(held: boolean): void;
}

/** How to start the child: Node/V8 options (the heap cap) and the script's own arguments. */
export interface ChildOptions {
  execArgv: string[];
  args: string[];
}

/** Starts `script` with `options`, reporting to `events`. */
export type LaunchChild = (script: string, options: ChildOptions, events: ChildEvents) => ConversionChild;

/** A Node child over an IPC channel; messages are cloned structurally (Uint8Array stays binary). */
export const forkNodeChild: LaunchChild = (script, { execArgv, args }, events) => {
  const child = fork(script, args, {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.on('message', (message) => events.message(message));
  // 'close' comes after the child's stderr has ended, so an out-of-memory report is read by then.
  child.on('close', () => events.exit());
  // A child that could not be started gets 'close' as well; this keeps the error from being thrown.
  child.on('error', () => undefined);
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => events.stderr(text));
  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      if (child.connected) child.send(message as never);
    },
    kill() {
      child.kill('SIGKILL');
    },
    hold(held) {
      const handles = [child, child.channel, child.stderr] as ({ ref(): void; unref(): void } | null)[];
      for (const handle of handles) {
        if (held) handle?.ref();
        else handle?.unref();
      }
    },
  };
};
