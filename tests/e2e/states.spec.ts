/** The designed states: a store that cannot be used, a repaired store, and an empty library. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, storeDirOf } from './harness/fixtures';

test('a library written by a newer version shows what happened and where it is, and is left untouched', async ({
  launch,
  profileDir,
}) => {
  const storeDir = storeDirOf(profileDir);
  const indexFile = path.join(storeDir, 'library.json');
  await mkdir(storeDir, { recursive: true });
  const newer = JSON.stringify({ schemaVersion: 99, articles: [], future: true });
  await writeFile(indexFile, newer);

  const app = await launch();
  const alert = app.page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Your library could not be opened' })).toBeVisible();
  await expect(alert).toContainText('written by a newer version of Briefing Reader');
  await expect(alert.locator('code')).toHaveText(storeDir);
  await expect(alert).toContainText('Nothing in it has been changed or deleted');
  await app.screenshot('store-error');
  expect(await readFile(indexFile, 'utf8')).toBe(newer);
});

test('a damaged library index is restored from the backup, and the app says what it did', async ({
  app,
  profileDir,
}) => {
  const storeDir = storeDirOf(profileDir);
  await expect(app.library.items).toHaveCount(5);
  await app.themeOption('Dark').click();
  await expect(app.themeOption('Dark')).toHaveAttribute('aria-checked', 'true');

  await app.restart(async () => {
    await writeFile(path.join(storeDir, 'library.json'), '\0'.repeat(512));
  });

  const notice = app.page.getByRole('status').filter({ hasText: 'Briefing Reader repaired your library' });
  await expect(notice).toContainText('NUL bytes');
  await expect(notice).toContainText('Restored from the backup of');
  await expect(notice).toContainText('The damaged file was kept at');
  await expect(app.library.items).toHaveCount(5);
  await expect(app.themeOption('Dark')).toHaveAttribute('aria-checked', 'true');
  await app.screenshot('recovery-notice');
  expect((await readdir(storeDir)).filter((name) => name.startsWith('library.json.damaged-'))).toHaveLength(
    1,
  );

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('an empty library says so instead of showing a blank list', async ({ launch, profileDir }) => {
  const storeDir = storeDirOf(profileDir);
  await mkdir(storeDir, { recursive: true });
  const emptyButSeeded = {
    schemaVersion: 2,
    articles: [],
    seeding: { completedAt: '2026-01-01T00:00:00.000Z', files: [] },
    settings: { theme: 'system' },
  };
  await writeFile(path.join(storeDir, 'library.json'), JSON.stringify(emptyButSeeded));

  const app = await launch();
  await expect(app.library.heading).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(app.library.items).toHaveCount(0);
  await app.screenshot('library-empty');
});

test('a view whose code cannot be fetched says so, and a reload brings it', async ({ app, mode }) => {
  test.skip(mode !== 'chromium', 'fails a request of the page, which only browser mode serves over HTTP');
  const chunk = '**/assets/AllHighlightsView-*.js';
  await app.page.route(chunk, (route) => route.abort('connectionrefused'));
  await app.page.reload();
  await expect(app.library.items).toHaveCount(5);
  await app.header.go('Highlights');
  const alert = app.page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toContainText('Nothing was lost');
  await app.screenshot('view-not-loaded');
  await app.page.unroute(chunk);
  await alert.getByRole('button', { name: 'Reload the window' }).click();
  await expect(app.library.items).toHaveCount(5);
  await app.header.go('Highlights');
  await expect(app.highlights.heading).toBeVisible();
  await expect(alert).toHaveCount(0);
});
