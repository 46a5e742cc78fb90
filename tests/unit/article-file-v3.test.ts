/**
 * Version 3 of `articles/<id>.json` lets blocks carry links. With real files in
 * a temp folder: a version-2 Markdown article opens with its links (cleaned
 * again from its raw text) and is written back as version 3; a version-2 plain
 * text article is written back as version 3 unchanged; an app that reads only
 * version 2 calls a version-3 file newer, not damaged; and this app leaves a
 * newer file byte for byte as it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { importArticles } from '../../src/main/importing/import-articles';
import { inspectJsonFile } from '../../src/main/store/file-inspection';
import { articleVersions } from '../../src/main/store/article-versions';
import { articleFileV2Schema } from '../../src/main/store/schemas/article-file';
import { storeLayout } from '../../src/main/store/store-layout';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');
const utf8 = (text: string) => new TextEncoder().encode(text);

const markdown =
  '# Grain Corridor Talks\n\nNegotiators met in Istanbul, according to the [ministry statement](https://example.org/statement), and agreed to meet again next week to settle the inspection rules.\n\nThe talks will continue in Geneva, where the delegations will bring their technical teams.\n';
const plain =
  'Allies Meet in Brussels\n\nOfficials from thirty countries met on Tuesday to discuss support for Ukraine.\n';

/** Rewrites an article file as version 2 wrote it: no links anywhere. */
async function asVersionTwo(file: string) {
  const article = JSON.parse(await readFile(file, 'utf8'));
  expect(article.schemaVersion).toBe(3);
  const withoutLinks = JSON.parse(JSON.stringify(article), (key, value) =>
    key === 'links' ? undefined : value,
  );
  await writeFile(file, JSON.stringify({ ...withoutLinks, schemaVersion: 2 }));
  return withoutLinks;
}

async function storeWithTwoArticles() {
  const dir = await makeTempDir();
  const store = await open({ dir, backups: false });
  const results = await importArticles(
    store,
    [
      { name: 'talks.md', bytes: utf8(markdown) },
      { name: 'allies.txt', bytes: utf8(plain) },
    ],
    now,
  );
  const [md, txt] = results.map((result) => (result as { articleId: string }).articleId);
  await store.close();
  return { dir, layout: storeLayout(dir), md: md!, txt: txt! };
}

describe('article files, version 2 to 3', () => {
  it('opens a version-2 Markdown article with its links and writes it back as version 3', async () => {
    const { dir, layout, md } = await storeWithTwoArticles();
    const before = JSON.parse(await readFile(layout.articleFile(md), 'utf8'));
    expect(before.cleaned.blocks[0].links).toEqual([
      { start: 46, end: 64, href: 'https://example.org/statement' },
    ]);
    const v2 = await asVersionTwo(layout.articleFile(md));
    expect(articleFileV2Schema.safeParse({ ...v2, schemaVersion: 2 }).success).toBe(true);
    expect(v2.cleaned.blocks[0]).not.toHaveProperty('links');

    const store = await open({ dir, backups: false });
    expect(store.recovery).toEqual([]);
    const read = await store.readArticle(md);
    expect(read.schemaVersion).toBe(3);
    expect(read.cleaned.blocks[0]).toMatchObject({
      links: [{ start: 46, end: 64, href: 'https://example.org/statement' }],
    });
    const onDisk = JSON.parse(await readFile(layout.articleFile(md), 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.cleaned).toEqual(before.cleaned);
    expect(onDisk.record).toEqual(before.record);
  });

  it('writes a version-2 plain-text article back as version 3, its text as it was', async () => {
    const { dir, layout, txt } = await storeWithTwoArticles();
    const v2 = await asVersionTwo(layout.articleFile(txt));
    const store = await open({ dir, backups: false });
    const read = await store.readArticle(txt);
    expect(read.cleaned).toEqual(v2.cleaned);
    const onDisk = JSON.parse(await readFile(layout.articleFile(txt), 'utf8'));
    expect(onDisk).toEqual({ ...v2, schemaVersion: 3 });
  });

  it('is newer, not damaged, to an app that reads only version 2; this app keeps a newer file untouched', async () => {
    const { dir, layout, md } = await storeWithTwoArticles();
    const file = layout.articleFile(md);
    const olderApp = {
      current: 2,
      schemaFor: (version: number) => (version <= 2 ? articleVersions.schemaFor(version) : null),
    };
    expect(await inspectJsonFile(file, olderApp)).toEqual({ state: 'newer', schemaVersion: 3 });
    expect(await inspectJsonFile(file, articleVersions)).toMatchObject({ state: 'sound', schemaVersion: 3 });

    const future = JSON.stringify({
      ...JSON.parse(await readFile(file, 'utf8')),
      schemaVersion: 4,
      shape: 'from the future',
    });
    await writeFile(file, future);
    const store = await open({ dir, backups: false });
    await expect(store.readArticle(md)).rejects.toThrow(/written by a newer version of Briefing Reader/);
    expect(await readFile(file, 'utf8')).toBe(future);
  });
});
