/** First-run seeding and restart against real store folders: seeds loaded once, raw text kept, titles found or derived. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { libraryIndexVersion } from '../../src/main/store/schemas/library-index';
import { tempDirs } from './temp-dir';

const seedsDir = path.resolve('seeds');
const makeTempDir = tempDirs();
const fixedClock = () => new Date('2026-01-02T03:04:05.000Z');
const open: AppCore[] = [];

async function start(dataDir: string, now = fixedClock): Promise<AppCore> {
  const core = await startAppCore({ dataDir, seedsDir, now, backups: false });
  open.push(core);
  return core;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((core) => core.close()));
});

async function seedNames(): Promise<string[]> {
  return (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
}

describe('first-run seeding', () => {
  it('loads every seed: one text file per article and an index that records the schema version', async () => {
    const dataDir = await makeTempDir();
    const core = await start(dataDir);

    expect(core.status).toMatchObject({ state: 'ready', seededThisRun: true, articleCount: 5, recovery: [] });
    // The seeds' records are in the index journal until it is folded into library.json (on close at the latest).
    await core.close();
    const index = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8'));
    expect(index.schemaVersion).toBe(libraryIndexVersion);
    expect(index.articles.map((article: { sourceFile: string }) => article.sourceFile)).toEqual(
      await seedNames(),
    );
    expect(index.seeding).toEqual({ completedAt: '2026-01-02T03:04:05.000Z', files: await seedNames() });
    expect(JSON.stringify(index)).not.toContain('rawText');
    expect((await readdir(path.join(dataDir, 'articles'))).sort()).toEqual(
      index.articles.map((article: { id: string }) => `${article.id}.json`).sort(),
    );
  });

  it('keeps each seed’s raw text unchanged', async () => {
    const core = await start(await makeTempDir());
    for (const record of core.store!.index().articles) {
      const article = await core.store!.readArticle(record.id);
      expect(article.rawText).toBe(await readFile(path.join(seedsDir, record.sourceFile!), 'utf8'));
    }
  });

  it('finds the three headlines and derives the two missing titles', async () => {
    const core = await start(await makeTempDir());
    const titles = core.store!.index().articles.map(({ title, titleDerived }) => ({ title, titleDerived }));
    expect(titles.filter((t) => !t.titleDerived).map((t) => t.title)).toEqual([
      'Ukraine Seeks Practical Talks With Trump on Security Support',
      'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia',
      'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal',
    ]);
    const derived = titles.filter((t) => t.titleDerived).map((t) => t.title);
    expect(derived).toHaveLength(2);
    expect(derived[0]).toMatch(/^Ukrainian President Volodymyr Zelenskyy made it clear/);
    for (const title of derived) expect(title.length).toBeLessThanOrEqual(81);
  });

  it('does not add the seeds again on a second start', async () => {
    const dataDir = await makeTempDir();
    await (await start(dataDir)).close();
    const firstBytes = await readFile(path.join(dataDir, 'library.json'), 'utf8');

    const second = await start(dataDir, () => new Date('2030-01-01T00:00:00Z'));
    expect(second.status).toMatchObject({ state: 'ready', seededThisRun: false, articleCount: 5 });
    expect(await readFile(path.join(dataDir, 'library.json'), 'utf8')).toBe(firstBytes);
  });
});

describe('stores that cannot be used', () => {
  it('refuses a library written by a newer version, naming the folder and changing nothing', async () => {
    const dataDir = await makeTempDir();
    await (await start(dataDir)).close();
    const file = path.join(dataDir, 'library.json');
    const newer = JSON.stringify({ schemaVersion: 99, articles: [] });
    await writeFile(file, newer);

    const core = await start(dataDir);
    expect(core.store).toBeNull();
    expect(core.status).toMatchObject({ state: 'failed', storePath: dataDir });
    if (core.status.state === 'failed')
      expect(core.status.reason).toMatch(/newer version of Briefing Reader/);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('refuses a second opening of the same store while the first holds it', async () => {
    const dataDir = await makeTempDir();
    await start(dataDir);
    const second = await start(dataDir);
    expect(second.status.state).toBe('failed');
    if (second.status.state === 'failed')
      expect(second.status.reason).toMatch(/in use by another Briefing Reader process/);
  });

  it('reports a file standing where the store folder should be', async () => {
    const parent = await makeTempDir();
    const dataDir = path.join(parent, 'store');
    await writeFile(dataDir, 'not a folder');
    const core = await start(dataDir);
    expect(core.status.state).toBe('failed');
  });
});
