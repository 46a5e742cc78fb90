/**
 * The library index is saved as a journal: each change appends one small
 * record of what changed (index-changes.ts) to `library.journal` and fsyncs it
 * before it is acknowledged, instead of rewriting the whole 3.6 MB
 * `library.json` of a 10,000-article library. Changes that arrive while a
 * record is being written go together into the next one (the index document's
 * coalescing writer), so an import run's records are batched.
 *
 * The journal is folded into `library.json` (compacted) in the background:
 * after a quiet spell, once it grows past a bound, after each backup, and on
 * close. Compacting writes `library.json` durably with the number of the last
 * record it holds (`journalSeq`), and only then starts a fresh journal, so a
 * crash at any step leaves records that replay skips or applies, never a gap
 * (load-index-journal.ts replays them on open).
 *
 * A record that could not be written whole (a full disk) may leave bytes in
 * the journal: they are cut off at once, and if that fails too the next change
 * writes the whole index and a fresh journal instead of appending after them.
 * The failed record's number is never used again, so a copy of it that did
 * reach the disk is skipped on replay once `library.json` is written.
 */
import type { FileHandle } from 'node:fs/promises';
import { writeFileDurably } from './durable-write';
import { diffIndex } from './index-changes';
import { encodeRecord, journalHeader } from './index-journal-format';
import { serializeIndex } from './index-document-policy';
import { storeFs } from './store-fs';
import type { LibraryIndex } from './schemas/library-index';
import type { StoreLayout } from './store-layout';

export const journalPolicy = {
  /** The journal is folded into library.json once it holds this many records… */
  maxRecords: 1_000,
  /** …or this many bytes (replaying it on open then stays a few milliseconds). */
  maxBytes: 1 << 20,
  /** A change larger than this (a whole re-clean) writes the whole index instead of a record. */
  maxRecordBytes: 256 << 10,
  /** Folded in after this long without a change to the index. */
  idleMs: 30_000,
};

/** The journal as the store opened it (load-index-journal.ts) and as it goes on. */
export interface JournalState {
  /** The number of the last record written (in the journal, or already folded into library.json). */
  seq: number;
  /** Records in the journal that library.json does not hold yet. */
  records: number;
  /** The journal's length up to its last sound record: where the next record goes. */
  bytes: number;
  /**
   * `absent`: no journal yet (created with the first record); `ready`: records can be appended;
   * `dirty`: it may end in bytes of a failed write, so the next change writes the whole index.
   */
  file: 'absent' | 'ready' | 'dirty';
}

export interface IndexJournal {
  /** Saves `next` (the index document's `write`): a record of what changed since `onDisk`. */
  persist(next: LibraryIndex, onDisk: LibraryIndex): Promise<void>;
  /** The index as library.json and the backups hold it: with the number of the last record written. */
  withSeq(index: LibraryIndex): LibraryIndex;
  /** Folds the journal into library.json now if it holds anything; failures are logged, never thrown. */
  compact(): Promise<void>;
  /** Records the journal holds beyond library.json. */
  pending(): number;
  stop(): void;
}

export interface IndexJournalOptions {
  layout: StoreLayout;
  state: JournalState;
  /** Asks the index document for a write (in which `persist` folds the journal in). */
  requestWrite: () => Promise<void>;
  logError: (error: unknown) => void;
  /** A read-only store never folds the journal in (it writes nothing). */
  readOnly?: boolean;
  policy?: Partial<typeof journalPolicy>;
}

export function createIndexJournal(options: IndexJournalOptions): IndexJournal {
  const { layout, state } = options;
  /** Folding in is never needed for safety, so its failures are logged; a library folder gone is not news. */
  const logError = (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.logError(error);
  };
  const policy = { ...journalPolicy, ...options.policy };
  let handle: FileHandle | null = null;
  let foldWanted = false;
  let idleTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  const closeHandle = async () => {
    const open = handle;
    handle = null;
    await open?.close().catch(() => undefined);
  };

  /** A fresh journal holding only its header, replacing the old one whole. */
  const startFresh = async () => {
    await closeHandle();
    await writeFileDurably(layout.indexJournalFile, journalHeader);
    state.file = 'ready';
    state.bytes = journalHeader.length;
    state.records = 0;
  };

  const append = async (line: Buffer) => {
    if (state.file === 'absent') await startFresh();
    try {
      handle ??= await storeFs.open(layout.indexJournalFile, 'a');
      await storeFs.writeHandle(handle, line);
      await storeFs.syncHandle(handle);
    } catch (error) {
      state.seq += 1; // never used again (see the top of this file)
      const open = handle;
      handle = null;
      try {
        if (open) {
          await storeFs.truncateHandle(open, state.bytes);
          await storeFs.syncHandle(open);
        }
      } catch {
        state.file = 'dirty';
      } finally {
        await open?.close().catch(() => undefined);
      }
      throw error;
    }
    state.seq += 1;
    state.records += 1;
    state.bytes += line.length;
  };

  /** library.json with everything, durably; then a fresh journal (a failure there leaves it to the next change). */
  const writeWhole = async (index: LibraryIndex) => {
    await writeFileDurably(layout.libraryFile, serializeIndex({ ...index, journalSeq: state.seq }));
    state.records = 0;
    try {
      await startFresh();
    } catch (error) {
      state.file = 'dirty';
      logError(error);
    }
  };

  const compact = async () => {
    if (options.readOnly || (state.records === 0 && state.file !== 'dirty')) return;
    foldWanted = true;
    await options.requestWrite().catch(logError);
  };

  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (stopped || options.readOnly || state.records === 0) return;
    idleTimer = setTimeout(() => void compact(), policy.idleMs);
    idleTimer.unref();
  };
  armIdle();

  return {
    persist: async (next, onDisk) => {
      const fold = foldWanted;
      foldWanted = false;
      const ops = diffIndex(onDisk, next);
      if (ops.length > 0) {
        const line = state.file === 'dirty' ? null : encodeRecord({ seq: state.seq + 1, ops });
        // Failures here reject the write, and the index document takes the change back.
        if (!line || line.length > policy.maxRecordBytes) return writeWhole(next);
        await append(line);
      }
      if (fold && (state.records > 0 || state.file === 'dirty')) {
        await writeWhole(next).catch(logError);
      } else if (state.records >= policy.maxRecords || state.bytes >= policy.maxBytes) {
        setImmediate(() => void compact());
      }
      armIdle();
    },
    withSeq: (index) => ({ ...index, journalSeq: state.seq }),
    compact,
    pending: () => state.records,
    stop: () => {
      stopped = true;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      void closeHandle();
    },
  };
}
