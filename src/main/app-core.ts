/**
 * Starts everything the main process needs that is not Electron: opens the
 * store in the data folder and seeds it on first run.
 *
 * The Electron wiring and the end-to-end test harness both call this, so the
 * tests drive exactly the code the installed app runs.
 */
import path from 'node:path';
import type { StoreStatus } from '../shared/contract';
import { openLibraryStore, type LibraryStore } from './store/library-store';
import { StoreUnreadableError } from './store/store-unreadable-error';
import { readSeedFiles } from './store/seed-files';
import { seedOnFirstRun } from './store/first-run-seeding';

export const storeFileName = 'library.json';

export interface AppCoreOptions {
  /** The folder the store lives in (the app's user-data folder in production). */
  dataDir: string;
  /** The folder holding the bundled seed articles. */
  seedsDir: string;
  now?: () => Date;
}

export interface AppCore {
  status: StoreStatus;
  /** Null when the store could not be opened; `status` then says why. */
  store: LibraryStore | null;
}

export async function startAppCore(options: AppCoreOptions): Promise<AppCore> {
  const storePath = path.join(options.dataDir, storeFileName);
  const now = options.now ?? (() => new Date());
  try {
    const store = await openLibraryStore(storePath);
    const seededThisRun = await seedOnFirstRun(store, await readSeedFiles(options.seedsDir), now);
    return {
      store,
      status: {
        state: 'ready',
        storePath,
        articleCount: store.read().articles.length,
        seededThisRun,
      },
    };
  } catch (error) {
    if (!(error instanceof StoreUnreadableError)) throw error;
    return { store: null, status: { state: 'failed', storePath, reason: error.reason } };
  }
}
