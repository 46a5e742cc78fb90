/**
 * Loads the bundled seed articles into the store the first time the app runs.
 *
 * The store records when seeding finished; a later start sees the record and
 * adds nothing, and an article already present (same text, same id) is never
 * added twice even if the record were lost.
 */
import { articleFromText } from '../articles/article-from-text';
import type { LibraryStore } from './library-store';
import type { SeedFile } from './seed-files';

export async function seedOnFirstRun(
  store: LibraryStore,
  seeds: SeedFile[],
  now: () => Date,
): Promise<boolean> {
  if (store.read().seeding !== null) return false;
  const addedAt = now().toISOString();
  await store.update((data) => {
    const known = new Set(data.articles.map((article) => article.id));
    for (const seed of seeds) {
      const article = articleFromText(seed.text, seed.fileName, addedAt);
      if (known.has(article.id)) continue;
      data.articles.push(article);
      known.add(article.id);
    }
    data.seeding = { completedAt: addedAt, files: seeds.map((seed) => seed.fileName) };
  });
  return true;
}
