/**
 * The bench's handle on the app's main process (`serve-app-child.ts`): started and quit as the
 * installed app's process would be, each launch a new process.
 */
import { fork, type ChildProcess } from 'node:child_process';

interface Reply {
  command: string;
  ok: boolean;
  url?: string;
  message?: string;
}

/** A forked main process with its modules loaded, waiting to be told to start. */
class MainProcess {
  private readonly replies: ((reply: Reply) => void)[] = [];
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => this.replies.shift()?.(reply));
    // A failed fork ends in 'exit' too, which fails whatever waits for an answer.
    child.on('error', () => undefined);
  }

  static async load(profileDir: string): Promise<MainProcess> {
    const child = fork('bench/serve-app-child.ts', [profileDir], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const main = new MainProcess(child);
    await main.next('loaded');
    return main;
  }

  private next(command: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const exited = () => reject(new Error(`the app's process ended before answering ${command}`));
      this.child.once('exit', exited);
      this.replies.push((reply) => {
        this.child.off('exit', exited);
        if (reply.command !== command || !reply.ok)
          reject(new Error(`${command}: ${reply.message ?? `answered ${reply.command}`}`));
        else resolve(reply);
      });
    });
  }

  async tell(command: 'start' | 'idle' | 'close'): Promise<Reply> {
    const answer = this.next(command);
    this.child.send(command);
    return answer;
  }

  /** Quits as the app does (the store flushed, its lock released); killed if it has not ended in 60 s. */
  async quit(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 60_000);
    try {
      await this.tell('close');
    } finally {
      if (this.child.connected) this.child.disconnect();
      await exited;
      clearTimeout(timer);
    }
  }
}

export interface ServedAppProcess {
  url(): string;
  /** Waits until the search index is loaded and the store flushed (start-up work over). */
  idle(): Promise<void>;
  /**
   * Quits the running process, then starts a new one, forked and its modules loaded beforehand
   * (timed from `onStart`, so the figure leaves out the process's spawn and module loading, as the
   * in-process figure before it did). The page is not touched.
   */
  restart(onStart: () => void): Promise<{ quitMs: number }>;
  close(): Promise<void>;
}

/** Tells a loaded process to start; one that cannot is quit before the failure is passed on. */
async function started(main: MainProcess): Promise<string> {
  try {
    return (await main.tell('start')).url!;
  } catch (error) {
    await main.quit().catch(() => undefined);
    throw error;
  }
}

export async function serveAppProcess(profileDir: string): Promise<ServedAppProcess> {
  let running = await MainProcess.load(profileDir);
  let url = await started(running);
  return {
    url: () => url,
    idle: async () => void (await running.tell('idle')),
    restart: async (onStart) => {
      const next = await MainProcess.load(profileDir);
      const quitting = Date.now();
      try {
        await running.quit();
      } catch (error) {
        await next.quit().catch(() => undefined);
        throw error;
      }
      const quitMs = Date.now() - quitting;
      running = next;
      onStart();
      url = await started(running);
      return { quitMs };
    },
    close: () => running.quit(),
  };
}
