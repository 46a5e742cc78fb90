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
   * Applies `change` to a copy of the data, checks the copy against the schema
   * (when the document validates on update), adopts it, and resolves once it is durable.
   */
  update<R>(change: (draft: T) => R): Promise<R>;
  /** Writes the current data now, whether or not it changed. */
  save(): Promise<void>;
  /** Waits for every pending write. */
  flush(): Promise<void>;
}

export interface DocumentOptions<T> {
  file: string;
  schema: z.ZodType<T>;
  data: T;
  /** Validate the whole document on each update; turn off for large documents whose callers validate what they add. */
  validateOnUpdate?: boolean;
}

export function createJsonDocument<T>(options: DocumentOptions<T>): JsonDocument<T> {
  const db = new Low<T>(new DurableJSONFile<T>(options.file), options.data);
  const writer = new CoalescingWriter(() => db.write());
  const validate = options.validateOnUpdate ?? true;

  return {
    file: options.file,
    data: () => db.data,
    update: async (change) => {
      const draft = structuredClone(db.data);
      const result = change(draft);
      db.data = validate ? options.schema.parse(draft) : draft;
      await writer.request();
      return result;
    },
    save: () => writer.request(),
    flush: () => writer.idle(),
  };
}
