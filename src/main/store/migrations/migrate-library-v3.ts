/**
 * Migrates a version-3 library index to version 4: the same records, and no
 * stories yet. A copy of the original is kept first, as
 * `library.json.pre-migration-v3-<time>`; the index is then replaced by an
 * atomic rename, so an interrupted migration simply runs again.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeFileDurably } from '../durable-write';
import { fileStamp } from '../quarantine';
import { libraryIndexVersion, type LibraryIndex } from '../schemas/library-index';
import type { StoreLayout } from '../store-layout';
import type { LibraryV3 } from './library-v3';

export async function migrateLibraryV3(
  layout: StoreLayout,
  legacy: LibraryV3,
  now: Date,
): Promise<LibraryIndex> {
  const keptCopy = `${layout.libraryFile}.pre-migration-v3-${fileStamp(now)}`;
  await copyFile(layout.libraryFile, keptCopy);
  await syncDirectory(path.dirname(keptCopy));
  const index = upgradeLibraryV3(legacy);
  await writeFileDurably(layout.libraryFile, JSON.stringify(index));
  return index;
}

/** The version-4 index holding what a version-3 one held (also used for backups taken before version 4). */
export function upgradeLibraryV3(legacy: LibraryV3): LibraryIndex {
  return { ...legacy, schemaVersion: libraryIndexVersion, stories: [] };
}
