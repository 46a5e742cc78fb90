/** The store module against real files: first-run seeding, idempotent restart, unreadable files left untouched. */
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAppCore, storeFileName } from '../../src/main/app-core';
import { openLibraryStore } from '../../src/main/store/library-store';
import { StoreUnreadableError } from '../../src/main/store/store-unreadable-error';
import { currentSchemaVersion } from '../../src/main/store/store-schema';
import { tempDirs } from './temp-dir';

const seedsDir = path.resolve('seeds');
const makeTempDir = tempDirs();
const fixedClock = () => new Date('2026-01-02T03:04:05.000Z');

async function seedNames(): Promise<string[]> {
  return (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
}

describe('first-run seeding', () => {
  it('loads every seed into a new store file and records the schema version', async () => {
    const dataDir = await makeTempDir();
    const core = await startAppCore({ dataDir, seedsDir, now: fixedClock });

    expect(core.status).toMatchObject({ state: 'ready', seededThisRun: true, articleCount: 5 });
    const onDisk = JSON.parse(await readFile(path.join(dataDir, storeFileName), 'utf8'));
    expect(onDisk.schemaVersion).toBe(currentSchemaVersion);
    expect(onDisk.articles.map((article: { sourceFile: string }) => article.sourceFile)).toEqual(
      await seedNames(),
    );
    expect(onDisk.seeding).toEqual({ completedAt: '2026-01-02T03:04:05.000Z', files: await seedNames() });
  });

  it('keeps each seed’s raw text unchanged', async () => {
    const dataDir = await makeTempDir();
    const core = await startAppCore({ dataDir, seedsDir });
    for (const article of core.store!.read().articles) {
      expect(article.rawText).toBe(await readFile(path.join(seedsDir, article.sourceFile!), 'utf8'));
    }
  });

  it('finds the three headlines and derives the two missing titles', async () => {
    const core = await startAppCore({ dataDir: await makeTempDir(), seedsDir });
    const titles = core.store!.read().articles.map(({ title, titleDerived }) => ({ title, titleDerived }));
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
    await startAppCore({ dataDir, seedsDir, now: fixedClock });
    const firstBytes = await readFile(path.join(dataDir, storeFileName), 'utf8');

    const second = await startAppCore({ dataDir, seedsDir, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(second.status).toMatchObject({ state: 'ready', seededThisRun: false, articleCount: 5 });
    expect(await readFile(path.join(dataDir, storeFileName), 'utf8')).toBe(firstBytes);
  });

  it('does not duplicate an article already in the store even if the seeding record is gone', async () => {
    const dataDir = await makeTempDir();
    await startAppCore({ dataDir, seedsDir });
    const file = path.join(dataDir, storeFileName);
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.seeding = null;
    await writeFile(file, JSON.stringify(data));

    const again = await startAppCore({ dataDir, seedsDir });
    expect(again.status).toMatchObject({ state: 'ready', articleCount: 5 });
  });
});

describe('unreadable store files', () => {
  const damaged: [string, string, RegExp][] = [
    ['truncated JSON', '{"schemaVersion":1,"articles":[{"id":"a', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['NUL bytes', '\0\0\0\0\0\0', /not valid JSON/],
    [
      'valid JSON of the wrong shape',
      '{"schemaVersion":1,"articles":"none"}',
      /expected shape \(at articles/,
    ],
    ['a newer schema version', '{"schemaVersion":99,"articles":[]}', /newer version of Briefing Reader/],
  ];

  it.each(damaged)(
    'reports %s with the file path and leaves the file byte for byte',
    async (_label, content, reason) => {
      const dataDir = await makeTempDir();
      const file = path.join(dataDir, storeFileName);
      await writeFile(file, content);
      const before = await stat(file);

      const core = await startAppCore({ dataDir, seedsDir });
      expect(core.store).toBeNull();
      expect(core.status.state).toBe('failed');
      expect(core.status.storePath).toBe(file);
      if (core.status.state === 'failed') expect(core.status.reason).toMatch(reason);

      expect(await readFile(file, 'utf8')).toBe(content);
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
      expect(await readdir(dataDir)).toEqual([storeFileName]);
    },
  );

  it('throws a StoreUnreadableError naming the file from the store module itself', async () => {
    const file = path.join(await makeTempDir(), storeFileName);
    await writeFile(file, '{oops');
    await expect(openLibraryStore(file)).rejects.toThrow(StoreUnreadableError);
    await expect(openLibraryStore(file)).rejects.toThrow(file);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', async () => {
    const file = path.join(await makeTempDir(), storeFileName);
    await writeFile(file, '{}');
    await chmod(file, 0o000);
    await expect(openLibraryStore(file)).rejects.toThrow(/Permission/);
  });

  it('reports a folder standing where the file should be', async () => {
    const dataDir = await makeTempDir();
    await mkdir(path.join(dataDir, storeFileName));
    const core = await startAppCore({ dataDir, seedsDir });
    expect(core.status).toMatchObject({ state: 'failed' });
  });
});

describe('updates', () => {
  it('are written atomically and in order, each visible after reopening', async () => {
    const file = path.join(await makeTempDir(), storeFileName);
    const store = await openLibraryStore(file);
    const themes = ['dark', 'light', 'system', 'dark', 'light'] as const;
    const results = await Promise.all(
      themes.map((theme, index) =>
        store.update((data) => {
          data.settings.theme = theme;
          return index;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4]);
    const reopened = await openLibraryStore(file);
    expect(reopened.read().settings.theme).toBe('light');
    expect((await readdir(path.dirname(file))).filter((name) => name !== storeFileName)).toEqual([]);
  });

  it('refuses a change that would break the schema and keeps the old data', async () => {
    const file = path.join(await makeTempDir(), storeFileName);
    const store = await openLibraryStore(file);
    await store.update((data) => {
      data.settings.theme = 'dark';
    });
    await expect(
      store.update((data) => {
        (data.settings as { theme: string }).theme = 'purple';
      }),
    ).rejects.toThrow();
    expect(store.read().settings.theme).toBe('dark');
    expect((await openLibraryStore(file)).read().settings.theme).toBe('dark');
  });
});
