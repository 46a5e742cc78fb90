/** The designed states: a store that cannot be read, and an empty library. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, storeDirOf } from './harness/fixtures';

test('a damaged library file shows what happened and where the file is, and is left untouched', async ({
  launch,
  profileDir,
}) => {
  const storeFile = path.join(storeDirOf(profileDir), 'library.json');
  await mkdir(path.dirname(storeFile), { recursive: true });
  const damaged = '{"schemaVersion":1,"articles":[{"id":"a-1","tit';
  await writeFile(storeFile, damaged);

  const app = await launch();
  const alert = app.page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Your library could not be opened' })).toBeVisible();
  await expect(alert).toContainText('not valid JSON');
  await expect(alert.locator('code')).toHaveText(storeFile);
  await expect(alert).toContainText('Nothing in it has been changed or deleted');
  await app.screenshot('store-error');
  expect(await readFile(storeFile, 'utf8')).toBe(damaged);
});

test('an empty library says so instead of showing a blank list', async ({ launch, profileDir }) => {
  const storeFile = path.join(storeDirOf(profileDir), 'library.json');
  await mkdir(path.dirname(storeFile), { recursive: true });
  const emptyButSeeded = {
    schemaVersion: 1,
    articles: [],
    seeding: { completedAt: '2026-01-01T00:00:00.000Z', files: [] },
    settings: { theme: 'system' },
  };
  await writeFile(storeFile, JSON.stringify(emptyButSeeded));

  const app = await launch();
  await expect(app.library.heading).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(app.library.items).toHaveCount(0);
  await app.screenshot('library-empty');
});
