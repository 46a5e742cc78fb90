/**
 * Page objects for the header (views, save state, toasts, the shortcut
 * overlay), the library-wide Highlights screen and the Briefings screen, with
 * behaviour methods specs read as sentences.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class HeaderScreen {
  readonly views: Locator;
  readonly saveState: Locator;
  readonly toasts: Locator;
  readonly keysOverlay: Locator;

  constructor(private readonly page: Page) {
    this.views = page.getByRole('navigation', { name: 'Views' });
    this.saveState = page.locator('header .saved');
    this.toasts = page.getByRole('region', { name: 'Notifications' }).locator('li');
    this.keysOverlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  view(name: 'Library' | 'Highlights' | 'Briefings'): Locator {
    return this.views.getByRole('button', { name });
  }

  async go(name: 'Library' | 'Highlights' | 'Briefings'): Promise<void> {
    await this.view(name).click();
  }

  toast(text: string | RegExp): Locator {
    return this.toasts.filter({ hasText: text });
  }

  async chooseTheme(name: 'Light' | 'Dark'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name }).click();
  }
}

export class HighlightsScreen {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly rows: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: 'Highlights', level: 1 });
    this.filters = page.getByRole('group', { name: 'Filter All highlights' });
    this.rows = page.getByRole('list', { name: 'All highlights' }).getByRole('listitem');
  }

  chip(name: string): Locator {
    return this.filters.getByRole('button', { name: new RegExp(`^${name} \\d+$`) });
  }

  /** Shows only one category, as clicking its chip does. */
  async showOnly(category: string): Promise<void> {
    await this.chip(category).click();
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** The row's "+ Briefing" / "✓ In briefing" button (the row title and its "In:" line are buttons too). */
  briefingButton(text: string): Locator {
    return this.row(text).locator('button.add');
  }

  /** The menu choosing the briefing "+ Briefing" adds to. */
  get targetMenu(): Locator {
    return this.heading.locator('..').getByRole('combobox', { name: /add to$/ });
  }
}

export class BriefingsScreen {
  readonly editor: Locator;

  constructor(private readonly page: Page) {
    this.editor = page.getByRole('article', { name: 'Briefing editor' });
  }

  /** Creates a briefing and waits until it is the one open, so a rename that follows cannot reach the previous one. */
  async create(): Promise<void> {
    const list = this.page.getByRole('navigation', { name: 'Briefings' }).getByRole('listitem');
    const before = await list.count();
    await this.page.getByRole('button', { name: 'New briefing' }).click();
    await expect(list).toHaveCount(before + 1);
    // A new briefing has no items: the open one (aria-current) says so once the creation reply has landed.
    await expect(list.locator('button[aria-current="true"]')).toContainText('0 items');
    await this.editor.waitFor();
  }

  section(name: string): Locator {
    return this.editor.getByRole('region', { name, exact: true });
  }

  /** Opens a briefing from the list by its title. */
  async open(title: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Briefings' })
      .getByRole('button', { name: title })
      .click();
  }

  async rename(title: string): Promise<void> {
    await this.editor.getByLabel('Briefing title').fill(title);
    await this.editor.getByLabel('Briefing title').press('Tab');
  }

  get outlineToggle(): Locator {
    return this.editor.getByRole('checkbox', { name: /Compact outline/ });
  }

  get items(): Locator {
    return this.editor.locator('li.item');
  }

  /** Clicks an item's excerpt, which opens its passage in the article. */
  async jumpTo(text: string): Promise<void> {
    await this.editor.getByRole('button', { name: text }).first().click();
  }

  async addSection(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Add section' }).click();
  }
}
