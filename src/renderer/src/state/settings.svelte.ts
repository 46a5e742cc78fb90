/**
 * The theme and the highlight categories. Both are written through the one
 * save path; a theme that could not be saved goes back to the previous one.
 */
import type { Category, ThemePreference } from '../../../shared/contract';
import { defaultCategories } from '../../../shared/default-categories';
import { call, messageOf } from '../lib/api';
import { applyTheme } from '../lib/theme';
import type { Notices } from './notices.svelte';
import type { Saves } from './saves.svelte';

export class Settings {
  theme = $state<ThemePreference>('system');
  categories = $state<Category[]>(defaultCategories);

  constructor(
    private readonly saves: Saves,
    private readonly notices: Notices,
  ) {}

  adopt(settings: { theme: ThemePreference; categories: Category[] }): void {
    this.theme = settings.theme;
    this.categories = settings.categories;
    applyTheme(this.theme);
  }

  /** Category colours by id: one object until the categories change (every run of text reads it). */
  colours = $derived<Record<string, string>>(
    Object.fromEntries(this.categories.map((category) => [category.id, category.color])),
  );

  async chooseTheme(next: ThemePreference): Promise<void> {
    const previous = this.theme;
    this.theme = next;
    applyTheme(next);
    try {
      await this.saves.track(call('updateSettings', { theme: next }));
    } catch (error) {
      this.theme = previous;
      applyTheme(previous);
      this.notices.error(`The theme could not be saved: ${messageOf(error)}`);
    }
  }

  async saveCategories(next: Category[]): Promise<void> {
    const settings = await this.saves.track(call('updateSettings', { categories: next }));
    this.categories = settings.categories;
  }
}
