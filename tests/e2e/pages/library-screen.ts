/** Page object for the library list. */
import type { Locator, Page } from '@playwright/test';

export class LibraryScreen {
  readonly heading: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly selected: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Library', level: 1 });
    this.list = page.getByRole('listbox', { name: 'Articles' });
    this.items = this.list.getByRole('option');
    this.selected = this.list.getByRole('option', { selected: true });
  }

  item(title: string): Locator {
    return this.items.filter({ hasText: title });
  }

  async titles(): Promise<string[]> {
    return this.items.locator('.title').allInnerTexts();
  }

  async open(title: string): Promise<void> {
    await this.item(title).click();
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
