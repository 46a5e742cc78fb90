/**
 * The lowdb adapter the store uses instead of lowdb's JSONFile: same JSON on
 * disk, but every write goes through `writeFileDurably` (temp file, fsync,
 * rename, folder fsync).
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    readonly filename: string,
    private readonly serialize: (data: T) => string | Uint8Array = (data) => JSON.stringify(data),
  ) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.filename, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.filename, this.serialize(data));
  }
}
