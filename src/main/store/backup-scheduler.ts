/**
 * When a store takes its backups: a first one a few seconds after it opens (so
 * not on the start path), then at most every `backupIntervalMs` while the
 * user's data changes, and a last one on close if anything changed since the
 * previous one. Taking one costs the main thread almost nothing: it keeps
 * references to the current data (every document is replaced, never changed in
 * place, when it changes), then serialises and writes it in slices
 * (`takeBackupInSlices`).
 */
import { backupPolicy, takeBackupInSlices } from './backups';
import { serializeIndex } from './index-document-policy';
import type { JsonDocument } from './json-document';
import type { AnnotationShard } from './schemas/annotation-shard';
import type { BriefingsFile } from './schemas/briefings-file';
import type { LibraryIndex } from './schemas/library-index';
import type { OperationLog } from './schemas/operation-log';
import type { StoreLayout } from './store-layout';

export interface BackedUpDocuments {
  /** The index as library.json holds it (with its journal number, see index-journal.ts). */
  index: { data(): Readonly<LibraryIndex> };
  shards: Map<string, JsonDocument<AnnotationShard>>;
  /**
   * Null when `shards` holds every annotation file; else resolves once it does (a store opened
   * with some left for later): the backup's parts are then taken at that moment.
   */
  ready?: () => Promise<void> | null;
  briefings: JsonDocument<BriefingsFile>;
  operations: JsonDocument<OperationLog>;
}

export function createBackupScheduler(
  layout: StoreLayout,
  documents: BackedUpDocuments,
  options: { backups?: boolean; backupIntervalMs?: number },
  now: () => Date,
  /** Runs after each backup is written (the index journal is folded in then). */
  afterBackup: () => Promise<void> = async () => {},
) {
  const enabled = options.backups ?? true;
  const interval = options.backupIntervalMs ?? backupPolicy.minIntervalMs;
  let running: Promise<unknown> = Promise.resolve();
  let lastTakenAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let changedSinceLast = false;
  /** The backup after opening is still waiting for its timer. */
  let openPending = false;

  const take = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    openPending = false;
    lastTakenAt = Date.now();
    changedSinceLast = false;
    const parts = () => ({
      library: documents.index.data() as LibraryIndex,
      shards: [...documents.shards].map(
        ([id, document]) => [id, document.data()] as [string, AnnotationShard],
      ),
      briefings: documents.briefings.data() as BriefingsFile,
      operations: documents.operations.data(),
    });
    const takenAt = now();
    const waiting = documents.ready?.() ?? null;
    const taken = waiting ? null : parts();
    running = running
      .then(() => waiting)
      .then(() => takeBackupInSlices(layout.backupsDir, taken ?? parts(), takenAt, serializeIndex))
      .then(afterBackup)
      .catch((error: unknown) => {
        console.error('Backup failed:', error);
      });
  };
  const schedule = (wait: number) => {
    timer = setTimeout(take, wait);
    timer.unref();
  };

  if (enabled) {
    changedSinceLast = true;
    openPending = true;
    lastTakenAt = Date.now() - interval + backupPolicy.openDelayMs;
    schedule(backupPolicy.openDelayMs);
  }

  return {
    changed: () => {
      changedSinceLast = true;
      if (!enabled || timer) return;
      const wait = lastTakenAt + interval - Date.now();
      if (wait <= 0) take();
      else schedule(wait);
    },
    /** Takes the backup after opening now if it is still waiting, and waits for any being taken. */
    idle: () => {
      if (openPending) take();
      return running;
    },
    /** Cancels the timer, taking the backup it was waiting for now if anything changed. */
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (enabled && changedSinceLast) take();
    },
  };
}
