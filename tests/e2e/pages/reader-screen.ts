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
  readonly panel: Locator;
  readonly highlightMarks: Locator;
  readonly highlightList: Locator;
  readonly editor: Locator;
  readonly toolbar: Locator;
  readonly orphans: Locator;
  readonly backButton: Locator;

  constructor(private readonly page: Page) {
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
    this.panel = page.getByRole('complementary', { name: 'Article panel' });
    this.sourcePanel = this.panel.getByRole('tabpanel', { name: 'Source' });
    this.highlightMarks = this.body.locator('.hl');
    this.highlightList = this.panel.getByRole('list', { name: 'Highlights in this article' });
    this.editor = this.panel.getByRole('region', { name: 'Selected highlight' });
    this.toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    this.orphans = this.panel.getByRole('region', { name: 'Orphaned highlights' });
    this.backButton = page.getByRole('button', { name: /^← (Library|Highlights|Briefings)/ });
  }

  /** Highlights `phrase` in a category by its number key (1–5), as a reader does, and waits for the mark. */
  /** The selected highlight's menu choosing the briefing B adds to. */
  get targetMenu(): Locator {
    return this.editor.getByRole('combobox', { name: /add to$/ });
  }

  /** The line naming the briefings the selected highlight is in. */
  get inBriefings(): Locator {
    return this.editor.getByTestId('highlight-briefings');
  }

  async highlight(phrase: string, category: 1 | 2 | 3 | 4 | 5, nth = 0): Promise<void> {
    const before = await this.highlightMarks.count();
    await this.select(phrase, nth);
    await this.page.keyboard.press(String(category));
    // Painted at once as a provisional highlight, then saved: wait for the saved one (no provisional mark left).
    await this.page.waitForFunction(
      (count) =>
        document.querySelectorAll('article .body .hl').length > count &&
        !document.querySelector('article .body [data-highlight-ids*="provisional-"]'),
      before,
    );
  }

  async openTab(name: 'Highlights' | 'Article note' | 'Source'): Promise<void> {
    await this.panel.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** The marks of the highlight whose text starts with `text` (a highlight may span several marks). */
  highlightNamed(id: string): Locator {
    return this.body.locator(`[data-highlight-ids~="${id}"]`);
  }

  /** Selects the words `phrase` (the `nth` occurrence) in the article body, as dragging the mouse would. */
  async select(phrase: string, nth = 0): Promise<void> {
    await this.body.waitFor();
    await this.page.evaluate(
      ([wanted, occurrence]) => {
        const body = document.querySelector('article .body')!;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        let text = '';
        while (walker.nextNode()) {
          nodes.push(walker.currentNode as Text);
          text += (walker.currentNode as Text).data;
        }
        let at = -1;
        for (let n = 0; n <= (occurrence as number); n += 1) at = text.indexOf(wanted as string, at + 1);
        if (at < 0) throw new Error(`"${wanted}" is not in the article`);
        const locate = (offset: number): [Text, number] => {
          let seen = 0;
          for (const node of nodes) {
            if (offset <= seen + node.data.length) return [node, offset - seen];
            seen += node.data.length;
          }
          throw new Error('offset outside the text');
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + (wanted as string).length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      [phrase, nth] as const,
    );
  }

  sourceField(name: 'Title' | 'Outlet' | 'Author' | 'Published' | 'URL'): Locator {
    return this.sourcePanel.getByLabel(name, { exact: true });
  }
}
