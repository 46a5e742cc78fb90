/**
 * One JSON file of the store, held in memory through lowdb, with the durable
 * adapter underneath and bursts of updates coalesced into as few writes as can
 * be done without acknowledging a change before it is on disk.
 *
 * A failed write rejects the callers whose changes it carried; the changes stay
 * in memory, so the next write (or a retry) saves them. Nothing is rolled back
 * behind the user's back.
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
}

export function wholeDocumentPolicy<T>(schema: z.ZodType<T>): DraftPolicy<T> {
  return { draft: (data) => structuredClone(data), check: (draft) => schema.parse(draft) };
}

export function createJsonDocument<T>(options: DocumentOptions<T>): JsonDocument<T> {
  const db = new Low<T>(new DurableJSONFile<T>(options.file), options.data);
  const writer = new CoalescingWriter(() => db.write());
  const policy = options.policy ?? wholeDocumentPolicy(options.schema);

  return {
    file: options.file,
    data: () => db.data,
    update: async (change) => {
      const draft = policy.draft(db.data);
      const result = change(draft);
      db.data = policy.check(draft, db.data);
      await writer.request();
      return result;
    },
    flush: () => writer.idle(),
  };
}
