/**
 * Library schema 3 → 4 (stories and article tags): a version-3 index gains an
 * empty list of stories and keeps everything else, with a byte-for-byte copy
 * of the file it replaced; a backup taken before the upgrade still restores a
 * damaged index; an older app's refusal of a newer index is kept by the bump.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/store/backups';
import { libraryIndexVersion } from '../../src/main/store/schemas/library-index';
import { sampleArticle, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();

/** A store written as version 3 would have: no stories, records without tags, a backup of that. */
async function v3Store(): Promise<{ dir: string; v3Text: string }> {
  const dir = await makeTempDir();
  const store = await open({ dir, backups: false });
  await store.addArticles([sampleArticle(1), sampleArticle(2)]);
  await store.updateIndex((index) => void (index.settings.theme = 'dark'));
  await store.close();
  const file = path.join(dir, 'library.json');
  const { stories: _stories, ...rest } = JSON.parse(await readFile(file, 'utf8'));
  const v3Text = JSON.stringify({ ...rest, schemaVersion: 3 });
  await writeFile(file, v3Text);
  return { dir, v3Text };
}

describe('library schema 3 → 4', () => {
  it('adds no stories, keeps articles and settings, and keeps a copy of the version-3 file', async () => {
    const { dir, v3Text } = await v3Store();
    const store = await open({ dir, backups: false });
    expect(store.recovery).toEqual([]);
    expect(store.index()).toMatchObject({ schemaVersion: libraryIndexVersion, stories: [] });
    expect(store.index().settings.theme).toBe('dark');
    expect(store.index().articles).toHaveLength(2);
    const onDisk = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 4, stories: [] });
    const copies = (await readdir(dir)).filter((name) => name.startsWith('library.json.pre-migration-v3-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(path.join(dir, copies[0]!), 'utf8')).toBe(v3Text);
  });

  it('restores a damaged index from a backup taken before the upgrade', async () => {
    const { dir } = await v3Store();
    // The backup taken on this open holds the migrated index: turn it back into the version-3 one an older app wrote.
    const first = await open({ dir, backups: true });
    await first.close();
    const [newest] = await listBackups(path.join(dir, 'backups'));
    const snapshot = JSON.parse(await readFile(newest!, 'utf8'));
    const { stories: _stories, ...library } = snapshot.library;
    await writeFile(newest!, JSON.stringify({ ...snapshot, library: { ...library, schemaVersion: 3 } }));
    await writeFile(path.join(dir, 'library.json'), '{ damaged');

    const store = await open({ dir, backups: false });
    expect(store.recovery.map((event) => [event.file, event.outcome])).toEqual([
      ['library.json', 'restored-from-backup'],
    ]);
    expect(store.index()).toMatchObject({ schemaVersion: libraryIndexVersion, stories: [] });
    expect(store.index().articles).toHaveLength(2);
    expect(store.index().settings.theme).toBe('dark');
  });
});
