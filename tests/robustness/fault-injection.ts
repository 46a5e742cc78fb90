/**
 * Counts the store's calls that change the disk (through its fs seam) and lets
 * a test act before each: fail it with an error (a full disk) or kill the
 * process. Opening a file for reading, or a folder for fsync, changes nothing
 * and is not counted.
 */
import { replaceStoreFs, type StoreFs } from '../../src/main/store/store-fs';

const changingCalls = [
  'open',
  'writeHandle',
  'syncHandle',
  'truncateHandle',
  'rename',
  'link',
  'copyFile',
  'unlink',
  'rm',
  'mkdir',
  'writeFile',
] as const;

/** Calls `before(n)` before the n-th change; an Error it returns fails that call. Returns the undo. */
export function beforeEachChange(before: (n: number) => Error | null): () => void {
  let count = 0;
  return replaceStoreFs((real) => {
    const wrapped: Partial<StoreFs> = {};
    for (const name of changingCalls) {
      const original = real[name] as (...args: unknown[]) => Promise<unknown>;
      (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
        // Opening to read (a file, or a folder to fsync) changes nothing; 'w' and 'a' (the journal) do.
        if (name === 'open' && args[1] !== 'w' && args[1] !== 'a') return original(...args);
        count += 1;
        const failure = before(count);
        return failure ? Promise.reject(failure) : original(...args);
      };
    }
    return wrapped;
  });
}
