/**
 * A child process of the kill test: opens a damaged store with the real store
 * code (and reads the first article, where an article text's damage is found),
 * and SIGKILLs itself just before the n-th call that changes the disk. Prints
 * "done" if the open and repair needed fewer than n such calls.
 */
import { writeSync } from 'node:fs';
import { openLibraryStore } from '../../src/main/store/library-store';
import { beforeEachChange } from './fault-injection';

const [dir, nText, articleId] = process.argv.slice(2);
const n = Number(nText);
beforeEachChange((count) => {
  if (count === n) process.kill(process.pid, 'SIGKILL');
  return null;
});

const store = await openLibraryStore({ dir: dir!, backups: false });
await store.readArticle(articleId!).catch(() => undefined);
await store.close();
writeSync(1, 'done\n');
