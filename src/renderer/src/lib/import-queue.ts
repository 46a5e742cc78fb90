/**
 * Runs an import one request per file, so the page can show progress ("3 of 12")
 * and every file gets its own result. A file that fails in transport still gets
 * a "rejected" result with the reason; the queue goes on with the next.
 */
import { limits } from '../../../shared/limits';
import type { ImportResultView } from '../../../shared/contract';
import { call, inBrowserMode, messageOf } from './api';
import { chooseLocalFiles } from './http-transport';

export interface ImportItem {
  name: string;
  run: () => Promise<ImportResultView>;
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
}

export function itemsFromDroppedFiles(files: File[]): ImportItem[] {
  return files.map((file) => ({
    name: file.name,
    run: async () => {
      if (file.size > limits.importBytes) {
        return {
          name: file.name,
          status: 'rejected',
          reason: `the file is over the ${limits.importBytes / 2 ** 20} MB limit`,
        };
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const [result] = await call('importFiles', {
        files: [{ name: file.name.slice(0, limits.fileNameLength), bytes }],
      });
      return result!;
    },
  }));
}

export async function itemsFromPicker(): Promise<ImportItem[]> {
  // The browser's picker gives the page the files' bytes, never their paths.
  if (inBrowserMode) return itemsFromDroppedFiles(await chooseLocalFiles());
  const { files } = await call('pickImportFiles', {});
  return files.map(({ token, name }) => ({ name, run: () => call('importPickedFile', { token }) }));
}

/**
 * Keeps `limits.importsInFlight` files on their way at once (the main process converts them one at
 * a time and writes those that arrive together in one batch); results come back in the files' order.
 */
export async function runImport(
  items: ImportItem[],
  onProgress: (progress: ImportProgress, results: ImportResultView[]) => void,
): Promise<ImportResultView[]> {
  const settled: (ImportResultView | undefined)[] = new Array(items.length);
  const inOrder = () => {
    const done: ImportResultView[] = [];
    for (const result of settled) {
      if (!result) break;
      done.push(result);
    }
    return done;
  };
  let next = 0;
  const sender = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      const done = inOrder();
      onProgress({ done: done.length, total: items.length, current: item.name }, done);
      try {
        settled[index] = await item.run();
      } catch (error) {
        settled[index] = { name: item.name, status: 'rejected', reason: messageOf(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.importsInFlight, items.length) }, sender));
  const results = inOrder();
  onProgress({ done: items.length, total: items.length, current: null }, results);
  return results;
}
