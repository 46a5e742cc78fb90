/**
 * A lock file that keeps two processes (two app instances, or the app and the
 * command line) from writing the same store.
 *
 * The file holds the owner's pid, host, process start time and a random token.
 * It appears complete or not at all: written to a temp file and hard-linked
 * into place (link fails if the lock exists). A lock whose owner process is
 * gone (a crash, a SIGKILL) is taken over at once, which is why this is not
 * proper-lockfile, whose mtime-based staleness keeps a crashed owner's lock
 * for seconds after its death.
 *
 * Taking over is atomic: among processes that find the same stale lock, only
 * the one that creates `store.lock.takeover-<inode>` (exclusively, by link) may
 * replace it, and it re-checks under that guard that the lock is still the
 * stale one before renaming its own over it. A guard left by a process that
 * died mid-takeover is itself taken over the same way.
 *
 * What cannot be checked is said plainly: a lock from another computer (a
 * library on a shared drive), or one whose pid now belongs to another program
 * where the start time cannot be read, ends in `StoreLockedError` naming the
 * lock file to delete once the user knows no Briefing Reader is using it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { storeFs } from './store-fs';

export class StoreLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
    readonly ownerHost: string | null = null,
    detail: string | null = null,
  ) {
    super(
      detail ??
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
  /** The owner's start time as the OS counts it (Linux), to tell a reused pid apart; null elsewhere. */
  started?: string | null;
}

/** A process's start time from /proc (clock ticks since boot), or null where there is no /proc. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): field 22 is the start time.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The tokens of the locks this process holds now. */
const heldHere = new Set<string>();

type Verdict = { stale: true } | { stale: false; reason: string };

function judge(owner: LockOwner | null, lockFile: string): Verdict {
  if (owner === null) return { stale: true };
  const way = `If you are sure no Briefing Reader is using this library, delete ${lockFile} and try again.`;
  if (owner.host !== hostname()) {
    return {
      stale: false,
      reason: `The library is locked by Briefing Reader on another computer ("${owner.host}", pid ${owner.pid}, since ${owner.since}). Close it there. ${way}`,
    };
  }
  if (!isAlive(owner.pid)) return { stale: true };
  // This very process, but none of its stores holds it (a release that could not delete the file).
  if (owner.pid === process.pid && !heldHere.has(owner.token)) return { stale: true };
  if (owner.started && processStartTime(owner.pid) !== null) {
    // The pid is alive: it is the owner only if it started when the owner did.
    if (processStartTime(owner.pid) !== owner.started) return { stale: true };
  }
  return {
    stale: false,
    reason: `The library is in use by another Briefing Reader process (pid ${owner.pid}, since ${owner.since}). Close it and try again. If no Briefing Reader is running, that pid now belongs to another program: delete ${lockFile} and try again.`,
  };
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await storeFs.readFile(file)) as LockOwner;
    return typeof owner?.pid === 'number' && typeof owner.token === 'string' ? owner : null;
  } catch {
    return null;
  }
}

async function inodeOf(file: string): Promise<number | null> {
  return storeFs.stat(file).then(
    (stats) => stats.ino,
    () => null,
  );
}

export async function acquireStoreLock(lockFile: string): Promise<StoreLock> {
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
    started: processStartTime(process.pid),
  };
  const temps: string[] = [];
  /** A new temp file holding `me`, to be linked or renamed into place. */
  const myTemp = async () => {
    const temp = `${lockFile}.${me.token}.${temps.length}.tmp`;
    temps.push(temp);
    await storeFs.writeFile(temp, JSON.stringify(me), 'wx');
    return temp;
  };

  /**
   * Replaces `file` (whose inode was `inode` when found stale) by `me`, unless
   * another process takes it over first or it stops being stale. True if done.
   */
  const takeOver = async (file: string, inode: number, depth: number): Promise<boolean> => {
    const guard = `${file}.takeover-${inode}`;
    try {
      await storeFs.link(await myTemp(), guard);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || depth > 3) throw error;
      const guardInode = await inodeOf(guard);
      const guardOwner = await readOwner(guard);
      if (guardInode === null || !judge(guardOwner, guard).stale) return false;
      if (!(await takeOver(guard, guardInode, depth + 1))) return false;
    }
    try {
      // Under the guard: is the lock still the stale one that was found?
      if ((await inodeOf(file)) !== inode || !judge(await readOwner(file), lockFile).stale) return false;
      await storeFs.rename(await myTemp(), file);
      return true;
    } finally {
      await storeFs.unlink(guard).catch(() => undefined);
    }
  };

  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        await storeFs.link(await myTemp(), lockFile);
        return acquired(lockFile, me);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const inode = await inodeOf(lockFile);
      if (inode === null) continue; // released meanwhile: try again
      const owner = await readOwner(lockFile);
      const verdict = judge(owner, lockFile);
      if (!verdict.stale) throw new StoreLockedError(lockFile, owner!.pid, owner!.host, verdict.reason);
      if (await takeOver(lockFile, inode, 0)) return acquired(lockFile, me);
      // Another process took it over (or is doing so): whoever holds it now is judged on the next round.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const owner = await readOwner(lockFile);
    throw new StoreLockedError(lockFile, owner?.pid ?? -1, owner?.host ?? null);
  } finally {
    await Promise.all(temps.map((temp) => storeFs.unlink(temp).catch(() => undefined)));
  }
}

function acquired(lockFile: string, me: LockOwner): StoreLock {
  heldHere.add(me.token);
  return {
    release: async () => {
      heldHere.delete(me.token);
      const owner = await readOwner(lockFile);
      if (owner?.token === me.token) await storeFs.unlink(lockFile).catch(() => undefined);
    },
  };
}
