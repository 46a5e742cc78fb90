/**
 * Loads the bundled seed articles into the store the first time the app runs.
 *
 * The index records when seeding finished; a later start sees the record and
 * adds nothing, and an article already present (same text, same id) is never
 * added twice even if the record were lost.
 */
import { articleFromPlainText } from '../articles/article-from-text';
import type { LibraryStore } from './library-store';
import type { SeedFile } from './seed-files';

export async function seedOnFirstRun(
  store: LibraryStore,
  seeds: SeedFile[],
  now: () => Date,
): Promise<boolean> {
  if (store.index().seeding !== null) return false;
  const addedAt = now().toISOString();
  await store.addArticles(
    seeds.map((seed) => articleFromPlainText(seed.text, { sourceFile: seed.fileName, addedAt })),
  );
  await store.updateIndex((index) => {
    index.seeding = { completedAt: addedAt, files: seeds.map((seed) => seed.fileName) };
  });
  return true;
}
