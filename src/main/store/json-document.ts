/**
 * One JSON file of the store, held in memory through lowdb, with the durable
 * adapter underneath and bursts of updates coalesced into as few writes as can
 * be done without acknowledging a change before it is on disk.
 *
 * A failed write rejects the callers whose changes it carried and takes those
 * changes back out of memory, so a change reported as failed is never saved
 * later by someone else's write: the data returns to what is on disk, and the
 * changes made since that write began are applied again on top (one that no
 * longer applies is rejected too).
 */
import { Low } from 'lowdb';
import type { z } from 'zod';
import { DurableJSONFile } from './durable-json-file';
import { CoalescingWriter } from './coalescing-writer';

export interface JsonDocument<T> {
  readonly file: string;
  data(): Readonly<T>;
  /**
   * Applies `change` to a draft of the data, checks the draft, adopts it, and
   * resolves once it is durable. A change that throws, or fails the check,
   * leaves the data as it was.
   */
  update<R>(change: (draft: T) => R): Promise<R>;
  /** Waits for every pending write. */
  flush(): Promise<void>;
}

/** How drafts are made and checked; the default deep-copies and validates the whole document. */
export interface DraftPolicy<T> {
  draft: (data: T) => T;
  check: (draft: T, previous: T) => T;
}

export interface DocumentOptions<T> {
  file: string;
  schema: z.ZodType<T>;
  data: T;
  policy?: DraftPolicy<T>;
  /** How the data is written: its JSON text or that text's UTF-8 bytes (default `JSON.stringify`). */
  serialize?: (data: T) => string | Uint8Array;
  /**
   * Keep the changes a failed write carried in memory, for the next write to
   * save (the undo history: the change it records is already saved elsewhere).
   */
  keepOnFailure?: boolean;
  /**
   * Writes the data some other way than the whole file (the index: a journal record of what
   * changed since `onDisk`, see index-journal.ts). Given the data to save and the data as last
   * saved; resolves once the data is durable.
   */
  write?: (data: T, onDisk: T) => Promise<void>;
}

export function wholeDocumentPolicy<T>(schema: z.ZodType<T>): DraftPolicy<T> {
  return { draft: (data) => structuredClone(data), check: (draft) => schema.parse(draft) };
}

/** A change adopted in memory and not yet known to be on disk. */
interface PendingChange<T> {
  seq: number;
  change: (draft: T) => unknown;
  /** Set when the change could not be applied again after an earlier failed write. */
  dropped: unknown;
}

export function createJsonDocument<T>(options: DocumentOptions<T>): JsonDocument<T> {
  const db = new Low<T>(new DurableJSONFile<T>(options.file, options.serialize), options.data);
  const policy = options.policy ?? wholeDocumentPolicy(options.schema);
  /** The data as last written (or as loaded), and the changes adopted since, in order. */
  let onDisk = options.data;
  let pending: PendingChange<T>[] = [];
  let seq = 0;

  const writeNow = async () => {
    const carried = seq;
    const snapshot = db.data;
    try {
      await (options.write ? options.write(snapshot, onDisk) : db.write());
      onDisk = snapshot;
      pending = pending.filter((entry) => entry.seq > carried);
    } catch (error) {
      if (options.keepOnFailure) throw error;
      // Take the failed changes back out; apply the later ones again on what is on disk.
      const later = pending.filter((entry) => entry.seq > carried);
      let data = onDisk;
      for (const entry of later) {
        try {
          const draft = policy.draft(data);
          entry.change(draft);
          data = policy.check(draft, data);
        } catch (replayError) {
          entry.dropped = replayError;
        }
      }
      db.data = data;
      pending = later.filter((entry) => entry.dropped === undefined);
      throw error;
    }
  };
  const writer = new CoalescingWriter(writeNow);

  return {
    file: options.file,
    data: () => db.data,
    update: async (change) => {
      const draft = policy.draft(db.data);
      const result = change(draft);
      db.data = policy.check(draft, db.data);
      seq += 1;
      const entry: PendingChange<T> = { seq, change, dropped: undefined };
      pending.push(entry);
      await writer.request();
      if (entry.dropped !== undefined) throw entry.dropped;
      return result;
    },
    flush: () => writer.idle(),
  };
}
