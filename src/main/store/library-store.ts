/**
 * The library repository: opens the lowdb file, validates it, and applies
 * updates one at a time.
 *
 * lowdb's JSONFile writes through steno, which writes a temp file and renames it
 * over the old one, so a reader never sees a half-written file. A file that
 * cannot be parsed or has the wrong shape is reported, never overwritten.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { currentSchemaVersion, emptyStoreFile, storeFileSchema, type StoreFile } from './store-schema';
import { StoreUnreadableError } from './store-unreadable-error';
import { createSerialQueue } from './serial-queue';

export interface LibraryStore {
  readonly filePath: string;
  /** The current data. Treat as read-only: change it only through `update`. */
  read(): Readonly<StoreFile>;
  /** Applies a change to the data and writes the file before resolving. */
  update<T>(change: (data: StoreFile) => T): Promise<T>;
}

export async function openLibraryStore(filePath: string): Promise<LibraryStore> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const db = new Low<StoreFile>(new JSONFile<StoreFile>(filePath), emptyStoreFile());
  db.data = await readValidated(db, filePath);
  const enqueue = createSerialQueue();

  return {
    filePath,
    read: () => db.data,
    update: (change) =>
      enqueue(async () => {
        const next = structuredClone(db.data);
        const result = change(next);
        storeFileSchema.parse(next);
        const previous = db.data;
        db.data = next;
        try {
          await db.write();
        } catch (error) {
          db.data = previous;
          throw error;
        }
        return result;
      }),
  };
}

async function readValidated(db: Low<StoreFile>, filePath: string): Promise<StoreFile> {
  try {
    await db.read();
  } catch (error) {
    throw new StoreUnreadableError(filePath, describeReadFailure(error));
  }
  const parsed = storeFileSchema.safeParse(db.data);
  if (parsed.success) return parsed.data;

  const version = (db.data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > currentSchemaVersion) {
    throw new StoreUnreadableError(
      filePath,
      `The file was written by a newer version of Briefing Reader (schema ${version}; this version reads ${currentSchemaVersion}).`,
    );
  }
  const firstIssue = parsed.error.issues[0];
  const where = firstIssue?.path.length ? firstIssue.path.join('.') : 'the top level';
  throw new StoreUnreadableError(
    filePath,
    `The file's contents do not have the expected shape (at ${where}: ${firstIssue?.message ?? 'invalid'}).`,
  );
}

function describeReadFailure(error: unknown): string {
  if (error instanceof SyntaxError) return `The file is not valid JSON (${error.message}).`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'Permission to read the file was denied.';
  if (code === 'EISDIR') return 'A folder stands where the file should be.';
  return error instanceof Error ? error.message : String(error);
}
