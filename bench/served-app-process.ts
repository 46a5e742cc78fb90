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

  async quit(): Promise<void> {
    await this.tell('close');
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}

export interface ServedAppProcess {
  url(): string;
  /** Waits until the search index is loaded and the store flushed (start-up work over). */
  idle(): Promise<void>;
  /**
   * Quits the running process, then starts a new one (loaded beforehand, as a built app's modules
   * load in moments); `started` runs as the new one is told to start. The page is not touched.
   */
  restart(started: () => void): Promise<{ quitMs: number }>;
  close(): Promise<void>;
}

export async function serveAppProcess(profileDir: string): Promise<ServedAppProcess> {
  let running = await MainProcess.load(profileDir);
  let url = (await running.tell('start')).url!;
  return {
    url: () => url,
    idle: async () => void (await running.tell('idle')),
    restart: async (started) => {
      const next = await MainProcess.load(profileDir);
      const quitting = Date.now();
      await running.quit();
      const quitMs = Date.now() - quitting;
      running = next;
      started();
      url = (await running.tell('start')).url!;
      return { quitMs };
    },
    close: () => running.quit(),
  };
}
