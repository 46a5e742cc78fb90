/** Page object for the reading view. */
import type { Locator, Page } from '@playwright/test';

export class ReaderScreen {
  readonly article: Locator;
  readonly title: Locator;
  readonly paragraphs: Locator;
  readonly backButton: Locator;

  constructor(page: Page) {
    this.article = page.getByRole('article');
    this.title = this.article.getByRole('heading', { level: 1 });
    this.paragraphs = this.article.locator('.body p');
    this.backButton = page.getByRole('button', { name: /Library/ });
  }
}
