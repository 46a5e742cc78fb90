/**
 * The library's sort, filters and open story, remembered in the settings: a
 * change shows at once and is saved at once; changes made while a save is in
 * flight are written together after it (a burst of clicks is two writes).
 */
import type { LibraryViewSettings } from '../../../shared/contract';
import { defaultLibraryView } from '../../../shared/default-library-view';
import { call, messageOf } from '../lib/api';
import type { Saves } from './saves.svelte';

export class LibraryQuery {
  view = $state<LibraryViewSettings>({ ...defaultLibraryView });
  error = $state<string | null>(null);
  #saving = false;
  #dirty = false;

  constructor(private readonly saves: Saves) {}

  adopt(saved: LibraryViewSettings | undefined): void {
    this.view = { ...defaultLibraryView, ...saved };
  }

  get filtering(): boolean {
    const { sort: _sort, descending: _descending, storyId: _storyId, ...filters } = this.view;
    const { sort: _s, descending: _d, storyId: _i, ...defaults } = defaultLibraryView;
    return (Object.keys(filters) as (keyof typeof filters)[]).some((key) => filters[key] !== defaults[key]);
  }

  set(changes: Partial<LibraryViewSettings>): void {
    this.view = { ...this.view, ...changes };
    this.#dirty = true;
    if (!this.#saving) void this.save();
  }

  clearFilters(): void {
    const { sort, descending, storyId } = this.view;
    this.set({ ...defaultLibraryView, sort, descending, storyId });
  }

  private async save(): Promise<void> {
    this.#saving = true;
    while (this.#dirty) {
      this.#dirty = false;
      try {
        await this.saves.track(call('updateSettings', { library: $state.snapshot(this.view) }));
        this.error = null;
      } catch (error) {
        this.error = `The library’s sort and filters could not be saved: ${messageOf(error)}`;
      }
    }
    this.#saving = false;
  }
}
