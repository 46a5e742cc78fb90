/**
 * No silent loss: a store file that should exist but is gone is restored from
 * the newest sound backup and reported like a damaged one; a newer-version
 * history is refused, not emptied; a damaged article text is repaired by
 * importing its source again; a failed history write does not turn a saved
 * change into a reported failure.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeLayout } from '../../src/main/store/store-layout';
import { replaceStoreFs } from '../../src/main/store/store-fs';
import { importArticles } from '../../src/main/importing/import-articles';
import { sampleArticle, storeOpener, writePopulatedStore } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => new Date((clock += 60_000));

describe('a missing file', () => {
  it('annotations/<id>.json is restored from the newest backup and reported', async () => {
    const dir = await makeTempDir();
    const [articleId] = await writePopulatedStore(dir, now);
    await rm(storeLayout(dir).annotationFile(articleId!));

    const store = await open({ dir, now });
    expect(store.recovery).toEqual([
      expect.objectContaining({
        file: path.join('annotations', `${articleId}.json`),
        problem: 'the file was missing',
        outcome: 'restored-from-backup',
        damagedCopy: null,
      }),
    ]);
    expect(store.annotations(articleId!).highlights.map((h) => h.id)).toEqual(['h-1']);
    expect(store.annotations(articleId!).articleNote?.text).toBe('my article note');
    const onDisk = JSON.parse(await readFile(storeLayout(dir).annotationFile(articleId!), 'utf8'));
    expect(onDisk.highlights).toHaveLength(1);
  });

  it('briefings.json is restored from the newest backup and reported', async () => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    await rm(storeLayout(dir).briefingsFile);

    const store = await open({ dir, now });
    expect(store.recovery).toEqual([
      expect.objectContaining({ file: 'briefings.json', outcome: 'restored-from-backup' }),
    ]);
    expect(store.briefings().briefings.map((b) => b.id)).toEqual(['b-1']);
  });

  it('operations.json is restored from the newest backup and reported', async () => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    await rm(storeLayout(dir).operationsFile);

    const store = await open({ dir, now });
    expect(store.recovery).toEqual([
      expect.objectContaining({ file: 'operations.json', outcome: 'restored-from-backup' }),
    ]);
    expect(store.operations().undo.map((op) => op.id)).toEqual(['op-1']);
  });

  it('library.json is restored from the newest backup even with every article file gone too', async () => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    const layout = storeLayout(dir);
    await rm(layout.libraryFile);
    await rm(layout.articlesDir, { recursive: true });

    const store = await open({ dir, now });
    expect(store.index().articles).toHaveLength(2);
    expect(store.recovery.map((event) => [event.file, event.outcome])).toEqual([
      ['library.json', 'restored-from-backup'],
      [path.join('articles', `${store.index().articles[0]!.id}.json`), 'restored-from-backup'],
      [path.join('articles', `${store.index().articles[1]!.id}.json`), 'restored-from-backup'],
    ]);
    expect((await store.readArticle(store.index().articles[0]!.id)).record.title).toBe('Headline number 1');
  });

  it('in a store the backups hold nothing for is created empty without a report', async () => {
    const dir = await makeTempDir();
    const first = await open({ dir, now });
    await first.addArticles([sampleArticle(3)]);
    await first.close();
    const layout = storeLayout(dir);
    await rm(layout.briefingsFile);
    await rm(layout.operationsFile);
    await rm(layout.annotationFile(sampleArticle(3).record.id));

    const store = await open({ dir, now });
    expect(store.recovery).toEqual([]);
    await readFile(layout.briefingsFile, 'utf8');
    await readFile(layout.operationsFile, 'utf8');
    await readFile(layout.annotationFile(sampleArticle(3).record.id), 'utf8');
  });
});

describe('a newer-version operations.json', () => {
  it('is refused with a message and left as it was', async () => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    const file = storeLayout(dir).operationsFile;
    const newer = JSON.stringify({ schemaVersion: 99, steps: ['kept'] });
    await writeFile(file, newer);

    await expect(open({ dir, now })).rejects.toThrow(/operations\.json was written by a newer version/);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });
});

describe('re-importing the source of a damaged article', () => {
  it('repairs its text instead of answering "duplicate", keeping the damaged copy', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, now, backups: false });
    const source = 'Headline number 9\n\nBody of article 9, with a few words.';
    const [first] = await importArticles(store, [{ name: 'nine.txt', bytes: Buffer.from(source) }], now());
    expect(first).toMatchObject({ status: 'imported' });
    const articleId = (first as { articleId: string }).articleId;
    const layout = storeLayout(dir);
    await writeFile(layout.articleFile(articleId), '\0\0\0\0');
    await rm(layout.articleBackupFile(articleId));
    await expect(store.readArticle(articleId)).rejects.toThrow(/NUL bytes/);

    const [again] = await importArticles(store, [{ name: 'nine.txt', bytes: Buffer.from(source) }], now());
    expect(again).toMatchObject({ status: 'imported', articleId });
    expect((await store.readArticle(articleId)).rawText).toBe(source);
    const [third] = await importArticles(store, [{ name: 'nine.txt', bytes: Buffer.from(source) }], now());
    expect(third).toMatchObject({ status: 'duplicate', articleId });
  });
});

describe('a failed history write beside a saved change', () => {
  it('does not fail the change: the history entry is kept in memory and written with the next write', async () => {
    const dir = await makeTempDir();
    const logged: unknown[] = [];
    const store = await open({ dir, now, backups: false, logError: (error) => logged.push(error) });
    const layout = storeLayout(dir);
    const restore = replaceStoreFs((real) => ({
      open: (async (file: string, flags?: string) => {
        if (String(file).includes('operations.json') && flags === 'w')
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return real.open(file, flags);
      }) as typeof real.open,
    }));
    try {
      const result = await store.updateOperations((log) => {
        log.undo.push({
          id: 'op-x',
          at: '2026-01-01T00:00:00.000Z',
          label: 'Edit the article note',
          articleId: 'a-1',
          target: 'article-note',
          before: null,
          after: null,
        });
        return 'recorded';
      });
      expect(result).toBe('recorded');
    } finally {
      restore();
    }
    expect(logged).toHaveLength(1);
    expect(store.operations().undo.map((op) => op.id)).toEqual(['op-x']);
    await store.updateOperations(() => undefined);
    expect(JSON.parse(await readFile(layout.operationsFile, 'utf8')).undo).toHaveLength(1);
  });

  it('still rejects a history change that breaks the schema', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, now, backups: false });
    await expect(
      store.updateOperations((log) => {
        (log.undo as unknown[]).push({ nonsense: true });
      }),
    ).rejects.toThrow();
    expect(store.operations().undo).toEqual([]);
  });
});
