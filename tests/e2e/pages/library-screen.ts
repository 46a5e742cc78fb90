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

  get importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import articles…' });
  }

  get importPanel(): Locator {
    return this.page.getByRole('region', { name: /Import/ });
  }

  get deleteDialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Drops files on the window, as dragging them from a file manager does (once the library is showing). */
  async dropFiles(files: { name: string; bytes: Uint8Array; type?: string }[]): Promise<void> {
    await this.heading.waitFor();
    const payload = files.map(({ name, bytes, type }) => ({
      name,
      type: type ?? 'text/plain',
      data: Array.from(bytes),
    }));
    await this.page.evaluate((dropped) => {
      const transfer = new DataTransfer();
      for (const file of dropped) {
        transfer.items.add(new File([new Uint8Array(file.data)], file.name, { type: file.type }));
      }
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
      window.dispatchEvent(new DragEvent('dragover', init));
      window.dispatchEvent(new DragEvent('drop', init));
    }, payload);
  }

  item(title: string): Locator {
    return this.items.filter({ hasText: title });
  }

  /** The titles shown, once the first row has painted (reading earlier would return an empty list). */
  async titles(): Promise<string[]> {
    await this.items.first().waitFor();
    return this.items.locator('.title').allInnerTexts();
  }

  async open(title: string): Promise<void> {
    await this.item(title).click();
  }

  /** Deletes an article through its Delete button and the confirmation, and waits until it has left the list. */
  async delete(title: string): Promise<void> {
    await this.item(title).hover();
    await this.item(title)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await this.deleteDialog.getByRole('button', { name: 'Delete article' }).click();
    await this.item(title).waitFor({ state: 'detached' });
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
