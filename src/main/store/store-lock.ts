/**
 * A lock file that keeps two processes (two app instances, or the app and the
 * command line) from writing the same store.
 *
 * The file holds the owner's pid and host. A lock whose owner process is gone
 * (a crash, a SIGKILL) is taken over at once. That is why this is a small
 * module of its own and not proper-lockfile, whose mtime-based staleness would
 * keep a crashed owner's lock for seconds after its death. The lock appears
 * complete or not at all: it is written to a temp file and hard-linked into place.
 */
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export class StoreLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `The library is in use by another Briefing Reader process (pid ${ownerPid}). Close it and try again.`,
    );
    this.name = 'StoreLockedError';
  }
}

export interface StoreLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Tells this holder apart from another store opened by the same process. */
  token: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockFile: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(lockFile, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export async function acquireStoreLock(lockFile: string): Promise<StoreLock> {
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  const temp = `${lockFile}.${me.token}.tmp`;
  await writeFile(temp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await link(temp, lockFile);
        return {
          release: async () => {
            const owner = await readOwner(lockFile);
            if (owner?.pid === me.pid && owner.host === me.host)
              await unlink(lockFile).catch(() => undefined);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = await readOwner(lockFile);
        const stale = owner === null || (owner.host === me.host && !isAlive(owner.pid));
        if (!stale) throw new StoreLockedError(lockFile, owner.pid);
        await unlink(lockFile).catch(() => undefined);
      }
    }
    throw new StoreLockedError(lockFile, -1);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
