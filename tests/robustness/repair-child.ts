/**
 * A child process of the kill test: opens a damaged store with the real store
 * code (and reads the first article, where an article text's damage is found),
 * and SIGKILLs itself just before the n-th call that changes the disk. Prints
 * "done" if the open and repair needed fewer than n such calls.
 */
import { writeSync } from 'node:fs';
import { openLibraryStore } from '../../src/main/store/library-store';
import { replaceStoreFs, type StoreFs } from '../../src/main/store/store-fs';

const [dir, nText, articleId] = process.argv.slice(2);
const n = Number(nText);
const changingCalls = [
  'open',
  'writeHandle',
  'syncHandle',
  'rename',
  'link',
  'copyFile',
  'unlink',
  'rm',
  'mkdir',
  'writeFile',
] as const;
let count = 0;
replaceStoreFs((real) => {
  const wrapped: Partial<StoreFs> = {};
  for (const name of changingCalls) {
    const original = real[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
      if (!(name === 'open' && args[1] !== 'w')) {
        count += 1;
        if (count === n) process.kill(process.pid, 'SIGKILL');
      }
      return original(...args);
    };
  }
  return wrapped;
});

const store = await openLibraryStore({ dir: dir!, backups: false });
await store.readArticle(articleId!).catch(() => undefined);
await store.close();
writeSync(1, 'done\n');
