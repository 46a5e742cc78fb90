/**
 * The virtualised library at size: a 10,000-article store (real store files,
 * generated here) stays a small DOM, j/k and the arrow keys keep the selected
 * row scrolled into view and announced for screen readers, and sort and
 * filters work on the whole library.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { openLibraryStore } from '../../src/main/store/library-store';
import { emptyShard } from '../../src/main/store/schemas/annotation-shard';
import { storeLayout } from '../../src/main/store/store-layout';
import { test, expect, storeDirOf } from './harness/fixtures';

const articleCount = 10_000;
const outlets = ['Kyiv Independent', 'Reuters', 'Le Monde', 'Der Spiegel'];

/**
 * Writes the store's files as the store writes them (an empty store made by the store itself, then
 * each article's text, its backup copy, its annotation file, and the records in the index). The
 * files are a generated fixture, written without the store's per-file fsync to keep the test short.
 */
async function writeLargeStore(dir: string): Promise<void> {
  await (await openLibraryStore({ dir, backups: false })).close();
  const layout = storeLayout(dir);
  await mkdir(layout.articleBackupsDir, { recursive: true });
  const start = Date.parse('2026-01-01T00:00:00Z');
  const records = [];
  for (let from = 0; from < articleCount; from += 500) {
    const batch = Array.from({ length: Math.min(500, articleCount - from) }, (_, k) => {
      const n = from + k;
      const number = String(n).padStart(5, '0');
      return articleFromPlainText(
        `Dispatch ${number} on the ceasefire talks\n\nParagraph ${n}: delegations met again to discuss the security guarantees and the prisoner exchange.\n`,
        {
          sourceFile: `dispatch-${number}.txt`,
          addedAt: new Date(start + n * 60_000).toISOString(),
          source: { outlet: outlets[n % outlets.length]!, author: null, publishedAt: null, url: null },
        },
      );
    });
    await Promise.all(
      batch.flatMap((article) => {
        const text = JSON.stringify(article);
        const id = article.record.id;
        return [
          writeFile(layout.articleFile(id), text),
          writeFile(layout.articleBackupFile(id), text),
          writeFile(layout.annotationFile(id), JSON.stringify(emptyShard(id))),
        ];
      }),
    );
    records.push(...batch.map((article) => article.record));
  }
  const index = JSON.parse(await readFile(layout.libraryFile, 'utf8')) as { articles: unknown[] };
  index.articles.push(...records);
  await writeFile(layout.libraryFile, JSON.stringify(index));
}

test('the library at 10,000 articles: a small DOM, keyboard navigation in view and announced, sort and filters', async ({
  launch,
  profileDir,
}) => {
  test.setTimeout(300_000);
  await writeLargeStore(storeDirOf(profileDir));
  const app = await launch();
  const { page, library } = app;
  await expect(library.items.first()).toBeVisible({ timeout: 60_000 });
  // The bundled seeds join the generated articles on this first run.
  const announce = page.locator('p[aria-live="polite"]').filter({ hasText: / of \d+$/ });

  // Only the rows in view (and a few either side) are in the DOM.
  expect(await library.items.count()).toBeLessThan(60);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(1500);

  // j moves the selection down, past the first screen: the selected row stays in view, and is announced.
  await library.list.focus();
  for (let n = 0; n < 25; n += 1) await page.keyboard.press('j');
  await expect(library.selected).toHaveCount(1);
  await expect(library.selected).toBeInViewport();
  await expect(library.selected).toHaveAttribute('id', 'article-25');
  await expect(announce).toHaveText(/, 26 of 10005$/);
  for (let n = 0; n < 3; n += 1) await page.keyboard.press('ArrowDown');
  await expect(library.selected).toHaveAttribute('id', 'article-28');
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  await expect(library.selected).toHaveAttribute('id', 'article-26');
  await expect(library.selected).toBeInViewport();
  await expect(announce).toHaveText(/, 27 of 10005$/);

  // End jumps to the last article, far below: it is rendered, in view and announced.
  await page.keyboard.press('End');
  await expect(library.selected).toHaveAttribute('id', 'article-10004');
  await expect(library.selected).toBeInViewport();
  await expect(announce).toHaveText(/, 10005 of 10005$/);
  expect(await library.items.count()).toBeLessThan(60);

  // Once the rest of the library has come in the background, the list says so (the scroll benchmark
  // waits for it), and the rows far below the first screen are filled in, not empty slots.
  await expect(library.list).toHaveAttribute('data-complete', 'true', { timeout: 60_000 });
  await expect(library.selected.locator('.title')).toHaveText('Dispatch 00000 on the ceasefire talks');
  expect(await page.locator('[role="listbox"] .slot:empty').count()).toBe(0);

  // Filter by outlet and sort by title: the whole library, not just the rows in the DOM.
  await page.getByLabel('Outlet').selectOption('Le Monde');
  await page.getByLabel('Sort', { exact: true }).selectOption('title');
  const direction = page.getByRole('button', { name: /sort (ascending|descending)$/ });
  if ((await direction.getAttribute('aria-label'))?.startsWith('Descending')) await direction.click();
  await expect(library.items.first().locator('.title')).toHaveText('Dispatch 00002 on the ceasefire talks');
  await direction.click();
  await expect(library.items.first().locator('.title')).toHaveText('Dispatch 09998 on the ceasefire talks');
  await library.list.focus();
  await page.keyboard.press('j');
  await expect(announce).toHaveText('Dispatch 09994 on the ceasefire talks, 2 of 2500');
  expect(await library.items.count()).toBeLessThan(60);
  await app.screenshot('library-10k');
});
