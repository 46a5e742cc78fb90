/** The library lists the five seeds with their reading figures, and survives a restart without duplicates. */
import { readdir } from 'node:fs/promises';
import { test, expect } from './harness/fixtures';

const seedCount = (await readdir('seeds')).filter((name) => name.endsWith('.txt')).length;

test('the library lists every bundled seed with word count and reading time', async ({ app }) => {
  await expect(app.library.heading).toBeVisible();
  await expect(app.library.items).toHaveCount(seedCount);
  await expect(
    app.library.item('Ukraine Seeks Practical Talks With Trump on Security Support'),
  ).toBeVisible();
  for (const meta of await app.library.items.locator('.meta').allInnerTexts()) {
    expect(meta).toMatch(/^\d[\d,]* words · (\d+ min read|under a minute)$/);
  }
  await app.screenshot('library');
});

test('a restart on the same profile does not duplicate the seeds', async ({ app }) => {
  await expect(app.library.items).toHaveCount(seedCount);
  const before = await app.library.titles();
  await app.restart();
  await expect(app.library.items).toHaveCount(seedCount);
  expect(await app.library.titles()).toEqual(before);
});
