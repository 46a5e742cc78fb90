/**
 * Migrations from fixture files of each older version, each keeping a copy of
 * what it replaced:
 * - version 1 (one file with every article's text) becomes the split layout;
 * - version 2 (index without source metadata, article files with plain
 *   paragraphs) gains the metadata fields and cleaned article structure.
 * Settings, seeding, notes and the raw texts survive byte for byte.
 */
import { cp, copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { libraryIndexVersion } from '../../src/main/store/schemas/library-index';
import { articleFileVersion } from '../../src/main/store/schemas/article-file';
import { cleaningRulesVersion } from '../../src/main/cleaning/rules-version';
import { writeFileDurably } from '../../src/main/store/durable-write';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const v1Fixture = path.resolve('tests/fixtures/store-v1/library.json');
const v2Fixture = path.resolve('tests/fixtures/store-v2');

async function v1Store(): Promise<string> {
  const dir = await makeTempDir();
  await copyFile(v1Fixture, path.join(dir, 'library.json'));
  return dir;
}

async function v2Store(): Promise<string> {
  const dir = await makeTempDir();
  await cp(v2Fixture, dir, { recursive: true });
  return dir;
}

describe('library schema 1 → current', () => {
  it('moves every article’s text to its own cleaned file and keeps settings, seeding and order', async () => {
    const legacy = JSON.parse(await readFile(v1Fixture, 'utf8'));
    const dir = await v1Store();
    const store = await open({ dir, backups: false });

    expect(store.recovery).toEqual([]);
    expect(store.index().schemaVersion).toBe(libraryIndexVersion);
    expect(store.index().settings.theme).toBe('dark');
    expect(store.index().seeding).toEqual(legacy.seeding);
    expect(store.index().articles.map((a) => a.id)).toEqual(legacy.articles.map((a: { id: string }) => a.id));
    for (const old of legacy.articles) {
      const article = await store.readArticle(old.id);
      expect(article.schemaVersion).toBe(articleFileVersion);
      expect(article.rawText).toBe(old.rawText);
      expect(article.cleaned.rulesVersion).toBe(cleaningRulesVersion);
      expect(article.record.addedAt).toBe(old.addedAt);
    }
    const onDisk = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(libraryIndexVersion);
    expect(JSON.stringify(onDisk)).not.toContain('rawText');
  });

  it('keeps a byte-for-byte copy of the pre-migration file', async () => {
    const dir = await v1Store();
    await open({ dir, backups: false });
    const copies = (await readdir(dir)).filter((name) => name.startsWith('library.json.pre-migration-v1-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(path.join(dir, copies[0]!))).toEqual(await readFile(v1Fixture));
  });

  it('finishes a migration that was interrupted after writing some article files', async () => {
    const dir = await v1Store();
    const legacy = JSON.parse(await readFile(v1Fixture, 'utf8'));
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

describe('library schema 2 → current', () => {
  it('cleans every article, adds the new record fields, and keeps settings, seeding and notes', async () => {
    const dir = await v2Store();
    const legacy = JSON.parse(await readFile(path.join(v2Fixture, 'library.json'), 'utf8'));
    const store = await open({ dir, backups: false });

    expect(store.recovery).toEqual([]);
    expect(store.index().schemaVersion).toBe(libraryIndexVersion);
    expect(store.index().settings.theme).toBe('light');
    expect(store.index().seeding).toEqual(legacy.seeding);
    const records = store.index().articles;
    expect(records.map((r) => r.id)).toEqual(legacy.articles.map((a: { id: string }) => a.id));
    for (const record of records) {
      expect(record.source).toEqual({ outlet: null, author: null, publishedAt: null, url: null });
      expect(record.contentKey).toMatch(/^[0-9a-f]{24}$/);
      const article = await store.readArticle(record.id);
      expect(article.cleaned.rulesVersion).toBe(cleaningRulesVersion);
      const old = JSON.parse(await readFile(path.join(v2Fixture, 'articles', `${record.id}.json`), 'utf8'));
      expect(article.rawText).toBe(old.rawText);
    }
    expect(records.find((r) => r.sourceFile === '001_65831639b4f4e14b.txt')!.flagCount).toBe(4);
    const noted = legacy.articles[1].id;
    expect(store.annotations(noted).articleNote?.text).toBe('Check the Article 5 claims.');
  });

  it('keeps copies of the pre-migration index and article files', async () => {
    const dir = await v2Store();
    await open({ dir, backups: false });
    const names = await readdir(dir);
    const indexCopy = names.find((name) => name.startsWith('library.json.pre-migration-v2-'));
    expect(await readFile(path.join(dir, indexCopy!))).toEqual(
      await readFile(path.join(v2Fixture, 'library.json')),
    );
    const asideDir = names.find((name) => name.startsWith('pre-migration-v2-'));
    const aside = await readdir(path.join(dir, asideDir!, 'articles'));
    expect(aside.sort()).toEqual((await readdir(path.join(v2Fixture, 'articles'))).sort());
    for (const name of aside) {
      expect(await readFile(path.join(dir, asideDir!, 'articles', name))).toEqual(
        await readFile(path.join(v2Fixture, 'articles', name)),
      );
    }
  });

  it('finishes a migration interrupted after rewriting some article files, without overwriting the kept copies', async () => {
    const dir = await v2Store();
    const first = await open({ dir, backups: false });
    await first.close();
    const names = await readdir(dir);
    const asideDir = names.find((name) => name.startsWith('pre-migration-v2-'))!;
    // Put the version-2 index back, as if the crash came before it was replaced; the article files stay current.
    await copyFile(path.join(v2Fixture, 'library.json'), path.join(dir, 'library.json'));

    const store = await open({ dir, backups: false });
    expect(store.index().schemaVersion).toBe(libraryIndexVersion);
    expect(store.index().articles).toHaveLength(5);
    for (const name of await readdir(path.join(dir, asideDir, 'articles'))) {
      expect(
        JSON.parse(await readFile(path.join(dir, asideDir, 'articles', name), 'utf8')).schemaVersion,
      ).toBe(1);
    }
  });
});
