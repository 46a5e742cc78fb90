/**
 * The library's sort, filters and open story, remembered in the settings: a
 * change shows at once and is saved shortly after (a burst of clicks is one
 * write of the settings).
 */
import { defaultLibraryView, type LibraryViewSettings } from '../../../shared/contract';
import { call, messageOf } from '../lib/api';
import type { Saves } from './saves.svelte';

const saveDelayMs = 400;

export class LibraryQuery {
  view = $state<LibraryViewSettings>({ ...defaultLibraryView });
  error = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;

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
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), saveDelayMs);
  }

  clearFilters(): void {
    const { sort, descending, storyId } = this.view;
    this.set({ ...defaultLibraryView, sort, descending, storyId });
  }

  private async save(): Promise<void> {
    this.#timer = null;
    try {
      await this.saves.track(call('updateSettings', { library: $state.snapshot(this.view) }));
      this.error = null;
    } catch (error) {
      this.error = `The library’s sort and filters could not be saved: ${messageOf(error)}`;
    }
  }
}
