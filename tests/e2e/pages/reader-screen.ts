/** Page object for the reading view. */
import type { Locator, Page } from '@playwright/test';

export class ReaderScreen {
  readonly article: Locator;
  readonly title: Locator;
  readonly dek: Locator;
  readonly body: Locator;
  readonly paragraphs: Locator;
  readonly headings: Locator;
  readonly lists: Locator;
  readonly breaks: Locator;
  readonly flags: Locator;
  readonly tooltip: Locator;
  readonly boilerplate: Locator;
  readonly comments: Locator;
  readonly sourcePanel: Locator;
  readonly backButton: Locator;

  constructor(page: Page) {
    this.article = page.getByRole('article');
    this.title = this.article.getByRole('heading', { level: 1 });
    this.dek = this.article.locator('.dek');
    this.body = this.article.locator('.body');
    this.paragraphs = this.body.locator('p:not(.caption)');
    this.headings = this.body.getByRole('heading', { level: 2 });
    this.lists = this.body.locator('ul, ol');
    this.breaks = this.body.locator('hr');
    this.flags = this.body.locator('mark.flag');
    this.tooltip = page.locator('#flag-tooltip');
    this.boilerplate = this.article.locator('details.boilerplate');
    this.comments = this.article.locator('details.comments');
    this.sourcePanel = page.getByRole('complementary', { name: 'Article source' });
    this.backButton = page.getByRole('button', { name: /Library/ });
  }

  sourceField(name: 'Title' | 'Outlet' | 'Author' | 'Published' | 'URL'): Locator {
    return this.sourcePanel.getByLabel(name, { exact: true });
  }
}
