/**
 * Damaged files on open: each kind of damage to the index and to an annotation
 * file leads to recovery from the newest sound backup, or (with none) to a start
 * with what can be read; the damaged file always stays on disk, and every repair
 * is reported.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { listBackups } from '../../src/main/store/backups';
import { sampleArticle, sampleHighlight, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => new Date((clock += 60_000));

const damageKinds: [string, (sound: string) => string, RegExp][] = [
  ['truncated', (sound) => sound.slice(0, Math.floor(sound.length / 2)), /not valid JSON/],
  ['NUL-filled', (sound) => '\0'.repeat(sound.length), /NUL bytes/],
  ['invalid JSON', () => '{ this is : not json ]', /not valid JSON/],
  [
    'valid JSON of the wrong shape',
    () => JSON.stringify({ schemaVersion: 1, articleId: 7, highlights: 'none' }),
    /wrong shape/,
  ],
  ['empty', () => '', /empty/],
];

/** A store with two articles, a highlight on the first, and one backup holding all of it. */
async function preparedStore(options: { backup: boolean }) {
  const dir = await makeTempDir();
  const layout = storeLayout(dir);
  const store = await open({ dir, now, backups: options.backup });
  const [first, second] = [sampleArticle(1), sampleArticle(2)];
  await store.addArticles([first, second]);
  await store.updateIndex((index) => {
    index.settings.theme = 'dark';
  });
  await store.updateAnnotations(first.record.id, (shard) => {
    shard.highlights.push(sampleHighlight('h-1'));
    shard.articleNote = { text: 'my article note', updatedAt: '2026-01-01T00:00:00.000Z' };
  });
  await store.close();
  if (options.backup) {
    const reopened = await open({ dir, now, backups: true });
    await reopened.close();
    expect(await listBackups(layout.backupsDir)).not.toHaveLength(0);
  }
  return { dir, layout, articleIds: [first.record.id, second.record.id] };
}

async function damage(file: string, how: (sound: string) => string): Promise<string> {
  const broken = how(await readFile(file, 'utf8'));
  await writeFile(file, broken);
  return broken;
}

async function damagedCopies(dir: string, baseName: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(`${baseName}.damaged-`));
}

describe.each(damageKinds)('a %s annotation file', (_kind, how, problem) => {
  it('is restored from the newest backup, with the damaged file kept and the repair reported', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: true });
    const shardFile = layout.annotationFile(articleIds[0]!);
    const broken = await damage(shardFile, how);

    const store = await open({ dir, now });
    expect(store.annotations(articleIds[0]!).highlights.map((h) => h.id)).toEqual(['h-1']);
    expect(store.annotations(articleIds[0]!).articleNote?.text).toBe('my article note');
    expect(store.recovery).toHaveLength(1);
    expect(store.recovery[0]).toMatchObject({
      outcome: 'restored-from-backup',
      file: `annotations/${articleIds[0]}.json`,
    });
    expect(store.recovery[0]!.problem).toMatch(problem);

    const [kept] = await damagedCopies(layout.annotationsDir, `${articleIds[0]}.json`);
    expect(await readFile(path.join(layout.annotationsDir, kept!), 'utf8')).toBe(broken);
    expect(store.recovery[0]!.damagedCopy).toBe(path.join(layout.annotationsDir, kept!));
  });

  it('without a usable backup starts that article empty, keeps the damaged file and says so', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: false });
    const broken = await damage(layout.annotationFile(articleIds[0]!), how);

    const store = await open({ dir, now, backups: false });
    expect(store.annotations(articleIds[0]!).highlights).toEqual([]);
    expect(store.index().articles).toHaveLength(2);
    expect(store.recovery).toEqual([
      expect.objectContaining({ outcome: 'started-empty', backupTakenAt: null }),
    ]);
    const [kept] = await damagedCopies(layout.annotationsDir, `${articleIds[0]}.json`);
    expect(await readFile(path.join(layout.annotationsDir, kept!), 'utf8')).toBe(broken);
  });
});

describe.each(damageKinds)('a %s library index', (_kind, how, problem) => {
  it('is restored from the newest backup with the settings, and the damaged file kept', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: true });
    const broken = await damage(layout.libraryFile, how);

    const store = await open({ dir, now });
    expect(
      store
        .index()
        .articles.map((a) => a.id)
        .sort(),
    ).toEqual([...articleIds].sort());
    expect(store.index().settings.theme).toBe('dark');
    expect(store.recovery).toEqual([
      expect.objectContaining({ file: 'library.json', outcome: 'restored-from-backup' }),
    ]);
    expect(store.recovery[0]!.problem).toMatch(problem);
    const [kept] = await damagedCopies(dir, 'library.json');
    expect(await readFile(path.join(dir, kept!), 'utf8')).toBe(broken);
  });

  it('without a backup is rebuilt from the article files, keeping the damaged file and saying so', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: false });
    await damage(layout.libraryFile, how);

    const store = await open({ dir, now, backups: false });
    expect(
      store
        .index()
        .articles.map((a) => a.id)
        .sort(),
    ).toEqual([...articleIds].sort());
    expect(store.annotations(articleIds[0]!).highlights).toHaveLength(1);
    expect(store.recovery).toEqual([expect.objectContaining({ outcome: 'rebuilt-from-articles' })]);
    expect(await damagedCopies(dir, 'library.json')).toHaveLength(1);
    expect(store.index().seeding).not.toBeNull();
  });
});

describe('recovery details', () => {
  it('reconciles a restored index with articles added after the backup', async () => {
    const { dir, layout } = await preparedStore({ backup: true });
    const later = await open({ dir, now, backups: false });
    await later.addArticles([sampleArticle(3)]);
    await later.close();
    await writeFile(layout.libraryFile, '{"broken');

    const store = await open({ dir, now });
    expect(store.index().articles.map((a) => a.title)).toEqual([
      'Headline number 1',
      'Headline number 2',
      'Headline number 3',
    ]);
  });

  it('skips a damaged backup and takes the next older sound one', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: true });
    const store = await open({ dir, now, backupIntervalMs: 0 });
    await store.updateAnnotations(articleIds[0]!, (shard) => shard.highlights.push(sampleHighlight('h-2')));
    await store.close();
    const [newest] = await listBackups(layout.backupsDir);
    await writeFile(newest!, '\0\0\0');
    await writeFile(layout.annotationFile(articleIds[0]!), '');

    const reopened = await open({ dir, now, backups: false });
    expect(reopened.annotations(articleIds[0]!).highlights.map((h) => h.id)).toEqual(['h-1']);
    expect(reopened.recovery[0]).toMatchObject({ outcome: 'restored-from-backup' });
  });

  it('treats an annotation file naming another article as damaged', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: true });
    const content = JSON.parse(await readFile(layout.annotationFile(articleIds[0]!), 'utf8'));
    await writeFile(layout.annotationFile(articleIds[1]!), JSON.stringify(content));

    const store = await open({ dir, now });
    expect(store.recovery).toEqual([
      expect.objectContaining({
        outcome: 'restored-from-backup',
        problem: expect.stringMatching(/another article/),
      }),
    ]);
    expect(store.annotations(articleIds[1]!).highlights).toEqual([]);
  });

  it('restores a damaged article text from its copy in the backups when it is read, keeping the damaged file', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: false });
    const sound = await readFile(layout.articleFile(articleIds[1]!), 'utf8');
    await writeFile(layout.articleFile(articleIds[1]!), '{"schemaVersion":1,"rec');

    const store = await open({ dir, now, backups: false });
    expect((await store.readArticle(articleIds[1]!)).rawText).toBe(JSON.parse(sound).rawText);
    expect(JSON.parse(await readFile(layout.articleFile(articleIds[1]!), 'utf8'))).toEqual(JSON.parse(sound));
    expect(await damagedCopies(layout.articlesDir, `${articleIds[1]}.json`)).toHaveLength(1);
  });

  it('restores a missing article text from its copy on open, and reports it', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: false });
    const sound = await readFile(layout.articleFile(articleIds[1]!), 'utf8');
    await rm(layout.articleFile(articleIds[1]!));

    const store = await open({ dir, now, backups: false });
    expect(store.recovery).toEqual([
      expect.objectContaining({
        file: path.join('articles', `${articleIds[1]}.json`),
        problem: 'the file was missing',
        outcome: 'restored-from-backup',
      }),
    ]);
    expect(JSON.parse(await readFile(layout.articleFile(articleIds[1]!), 'utf8'))).toEqual(JSON.parse(sound));
  });

  it('moves a damaged article text aside when it is read and no copy is left, and reports it, leaving the rest of the library usable', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: false });
    await writeFile(layout.articleFile(articleIds[1]!), '{"schemaVersion":1,"rec');
    await rm(layout.articleBackupFile(articleIds[1]!));

    const store = await open({ dir, now, backups: false });
    await expect(store.readArticle(articleIds[1]!)).rejects.toThrow(/not valid JSON.*damaged file was kept/);
    expect(await damagedCopies(layout.articlesDir, `${articleIds[1]}.json`)).toHaveLength(1);
    expect((await store.readArticle(articleIds[0]!)).record.title).toBe('Headline number 1');
  });

  it('removes temp files a crash left behind and never reads them', async () => {
    const { dir, layout, articleIds } = await preparedStore({ backup: false });
    const leftover = path.join(layout.annotationsDir, `.${articleIds[0]}.json.999.1.tmp`);
    await writeFile(leftover, '{"half":');
    const store = await open({ dir, now, backups: false });
    expect(store.recovery).toEqual([]);
    expect((await readdir(layout.annotationsDir)).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});
