/** The user's settings: theme and the five highlight categories (renamed and recoloured, never reshaped). */
import { AppFailure } from '../../shared/api-error';
import type { Settings } from '../../shared/contract';
import type { LibraryStore } from '../store/library-store';

export function createSettingsService(store: LibraryStore) {
  return {
    get: (): Settings => store.index().settings,

    update(changes: Partial<Settings>): Promise<Settings> {
      if (changes.categories) {
        const known = store.index().settings.categories.map((category) => category.id);
        if (changes.categories.map((category) => category.id).join() !== known.join()) {
          throw new AppFailure(
            'invalid-request',
            'Categories can be renamed and recoloured, not added, removed or reordered.',
          );
        }
      }
      return store.updateIndex((index) => {
        index.settings = { ...index.settings, ...changes };
        return index.settings;
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
