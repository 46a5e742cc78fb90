/**
 * Migrations from fixture files of each older version: the version-1 library
 * (one file with every article's text) becomes the split layout, keeping the
 * settings, the texts byte for byte and a copy of the pre-migration file.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { libraryIndexVersion } from '../../src/main/store/schemas/library-index';
import { writeFileDurably } from '../../src/main/store/durable-write';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const fixture = path.resolve('tests/fixtures/store-v1/library.json');

async function v1Store(): Promise<string> {
  const dir = await makeTempDir();
  await copyFile(fixture, path.join(dir, 'library.json'));
  return dir;
}

describe('library schema 1 → 2', () => {
  it('moves every article’s text to its own file and keeps settings, seeding and order', async () => {
    const legacy = JSON.parse(await readFile(fixture, 'utf8'));
    const dir = await v1Store();
    const store = await open({ dir, backups: false });

    expect(store.recovery).toEqual([]);
    expect(store.index().schemaVersion).toBe(libraryIndexVersion);
    expect(store.index().settings.theme).toBe('dark');
    expect(store.index().seeding).toEqual(legacy.seeding);
    expect(store.index().articles.map((a) => a.id)).toEqual(legacy.articles.map((a: { id: string }) => a.id));
    for (const old of legacy.articles) {
      const article = await store.readArticle(old.id);
      expect(article.rawText).toBe(old.rawText);
      expect(article.paragraphs).toEqual(old.paragraphs);
      expect(article.record.title).toBe(old.title);
    }
    const onDisk = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(2);
    expect(JSON.stringify(onDisk)).not.toContain('rawText');
  });

  it('keeps a byte-for-byte copy of the pre-migration file', async () => {
    const dir = await v1Store();
    await open({ dir, backups: false });
    const copies = (await readdir(dir)).filter((name) => name.startsWith('library.json.pre-migration-v1-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(path.join(dir, copies[0]!))).toEqual(await readFile(fixture));
  });

  it('finishes a migration that was interrupted after writing some article files', async () => {
    const dir = await v1Store();
    const legacy = JSON.parse(await readFile(fixture, 'utf8'));
    const layout = storeLayout(dir);
    await mkdir(layout.articlesDir, { recursive: true });
    const { rawText, paragraphs, ...record } = legacy.articles[0];
    await writeFileDurably(
      layout.articleFile(record.id),
      JSON.stringify({ schemaVersion: 1, record, rawText, paragraphs }),
    );

    const store = await open({ dir, backups: false });
    expect(store.index().articles).toHaveLength(legacy.articles.length);
    expect((await readdir(layout.articlesDir)).filter((name) => name.endsWith('.json'))).toHaveLength(
      legacy.articles.length,
    );
  });

  it('does not migrate twice', async () => {
    const dir = await v1Store();
    await (await open({ dir, backups: false })).close();
    const after = await readFile(path.join(dir, 'library.json'), 'utf8');
    await (await open({ dir, backups: false })).close();
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(after);
    expect((await readdir(dir)).filter((name) => name.includes('pre-migration'))).toHaveLength(1);
  });
});
