/**
 * Starts everything the main process needs that is not Electron: opens the
 * store in the data folder (recovering what it must), seeds it on first run and
 * builds the app's services once.
 *
 * The Electron wiring and the end-to-end test harness both call this, so the
 * tests drive exactly the code the installed app runs.
 */
import type { StoreStatus } from '../shared/contract';
import { openLibraryStore, type LibraryStore } from './store/library-store';
import { StoreUnreadableError } from './store/store-unreadable-error';
import { StoreLockedError } from './store/store-lock';
import { readSeedFiles } from './store/seed-files';
import { seedOnFirstRun } from './store/first-run-seeding';
import { recleanInWorker, warmImportWorker } from './importing/conversion-worker';
import { recleanStaleArticles } from './articles/reclean-stale-articles';
import { warmSummaries } from './articles/article-pages';
import { createAppServices, type AppServices } from './app-services';

export interface AppCoreOptions {
  /** The store folder (`<user data>/store` in the app). */
  dataDir: string;
  /** The folder holding the bundled seed articles. */
  seedsDir: string;
  now?: () => Date;
  /** Passed to the store; tests of other things turn backups off. */
  backups?: boolean;
  /** Told once the store's lock is held, before the rest of its open (browser mode then serves the page). */
  onStoreLockTaken?: () => void;
  /** The longest the background work waits for the window's first screen (default 3 s; see startBackgroundWork). */
  backgroundDelayMs?: number;
}

export interface AppCore {
  status: StoreStatus;
  /** Null when the store could not be opened; `status` then says why. */
  store: LibraryStore | null;
  /** Why the store could not be opened, when it could not (browser mode tells a held lock apart). */
  openError?: unknown;
  /** The use cases over the store; null with it. */
  services: AppServices | null;
  /** Saves everything pending and releases the store (on quit). */
  close(): Promise<void>;
  /**
   * Starts the work that waits for the window's first screen (the annotation files left unread by
   * the store's open, the search index's load, the import process's warm-up), once: called when the window, its first rows painted, asks for the rest of
   * the library, or a few seconds after start when no window asks.
   */
  startBackgroundWork?: () => void;
}

function describeOpenFailure(error: unknown): string | null {
  if (error instanceof StoreUnreadableError) return error.reason;
  if (error instanceof StoreLockedError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM')
    return `Permission to read or write the library was denied (${(error as Error).message}).`;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `The disk is full, so the library could not be opened or repaired; nothing was lost. Free some space and start again (${(error as Error).message}).`;
  if (code === 'EROFS')
    return `The library is on a read-only disk and needs a repair that must write to it; nothing was changed (${(error as Error).message}).`;
  if (code === 'ENOTDIR' || code === 'EISDIR')
    return `A file or folder stands where the library expects the other (${(error as Error).message}).`;
  return null;
}

/** The longest the background work waits for the window's first screen to be painted (startBackgroundWork). */
const backgroundDelayMs = 3_000;

/** How long after start the background re-cleaning of stored articles begins. */
const recleanDelayMs = 10_000;

export async function startAppCore(options: AppCoreOptions): Promise<AppCore> {
  const storePath = options.dataDir;
  const now = options.now ?? (() => new Date());
  let store: LibraryStore;
  try {
    store = await openLibraryStore({
      dir: options.dataDir,
      now,
      backups: options.backups,
      recleanArticleFile: recleanInWorker,
      onLockTaken: options.onStoreLockTaken,
      // The annotation files unchanged since the last close are read after the first screen.
      deferAnnotations: true,
    });
  } catch (error) {
    const reason = describeOpenFailure(error);
    if (reason === null) throw error;
    return {
      store: null,
      services: null,
      status: { state: 'failed', storePath, reason },
      openError: error,
      close: async () => {},
    };
  }
  const seededThisRun = await seedOnFirstRun(store, await readSeedFiles(options.seedsDir), now);
  const services = createAppServices(store, now);
  // While the window loads, the library's summaries are made (its first request then only looks them up).
  const warming = new AbortController();
  void warmSummaries(services.store, warming.signal);
  // Re-cleaning after a rules change waits until start-up is over, and stops when the app closes.
  // It writes through the services' store, whose change hook re-indexes each re-cleaned text for search.
  const sweep = new AbortController();
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweepTimer = setTimeout(() => {
    sweeping = recleanStaleArticles(services.store, recleanInWorker, sweep.signal).catch((error: unknown) =>
      console.error('Re-cleaning stored articles stopped:', error),
    );
  }, recleanDelayMs);
  sweepTimer.unref();
  // The saved search index loads, and the import process starts and loads its libraries, once the
  // window has painted the library's first screen and asks for the rest (on a two-core machine they
  // would otherwise take a core from the window's start), or after three seconds with no window. A
  // search asked before then starts the index at once, an import the process.
  let backgroundStarted = false;
  const startBackgroundWork = () => {
    if (backgroundStarted) return;
    backgroundStarted = true;
    clearTimeout(indexTimer);
    void store
      .whenAnnotationsLoaded()
      .catch((error: unknown) => console.error('Annotations not read:', error));
    void services.search.start();
    warmImportWorker();
  };
  const indexTimer = setTimeout(startBackgroundWork, options.backgroundDelayMs ?? backgroundDelayMs);
  indexTimer.unref();
  const articleCount = store.index().articles.length;
  return {
    store,
    services,
    // Each window's start gets every repair so far: a file left for after the first screen and found
    // damaged then (annotation-digest.ts) is reported with the next window start, and logged at once.
    get status(): StoreStatus {
      return { state: 'ready', storePath, articleCount, seededThisRun, recovery: [...store.recovery] };
    },
    close: async () => {
      warming.abort();
      clearTimeout(sweepTimer);
      clearTimeout(indexTimer);
      sweep.abort();
      await sweeping;
      services.storyDesk.stop();
      await services.search.save().catch((error: unknown) => console.error('Search index not saved:', error));
      await store.close();
    },
    startBackgroundWork,
  };
}
