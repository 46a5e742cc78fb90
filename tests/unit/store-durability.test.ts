/**
 * The store's write path and housekeeping: durable writes leave no partial
 * files, bursts coalesce without early acknowledgement, backups rotate, the
 * lock keeps a second writer out but yields to a dead one, and annotations
 * survive a reopen.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../src/main/store/durable-write';
import { CoalescingWriter } from '../../src/main/store/coalescing-writer';
import { createHash } from 'node:crypto';
import { writeChunksDurably } from '../../src/main/store/durable-write';
import {
  backupPolicy,
  listBackups,
  readBackup,
  takeBackup,
  takeBackupInSlices,
} from '../../src/main/store/backups';
import { serializeIndex } from '../../src/main/store/index-document-policy';
import { acquireStoreLock, StoreLockedError } from '../../src/main/store/store-lock';
import { storeLayout } from '../../src/main/store/store-layout';
import { emptyLibraryIndex } from '../../src/main/store/schemas/library-index';
import { sampleArticle, sampleHighlight, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();

describe('durable writes', () => {
  it('replace the file whole and leave no temp file', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'doc.json');
    await writeFileDurably(file, 'first');
    await writeFileDurably(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('fail cleanly when the folder is missing, leaving nothing behind', async () => {
    const dir = await makeTempDir();
    await expect(writeFileDurably(path.join(dir, 'gone', 'doc.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fail cleanly when a folder stands where the file goes, keeping what was there', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'doc.json'));
    await expect(writeFileDurably(path.join(dir, 'doc.json'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['doc.json']);
  });
});

describe('the coalescing writer', () => {
  it('folds a burst into few writes, and settles each request only after a write that began after it', async () => {
    const starts: number[] = [];
    let version = 0;
    let written = 0;
    const writer = new CoalescingWriter(async () => {
      const carried = version;
      starts.push(carried);
      await new Promise((resolve) => setTimeout(resolve, 5));
      written = carried;
    });
    const acknowledgements: Promise<void>[] = [];
    for (let change = 1; change <= 20; change += 1) {
      version = change;
      const mine = change;
      acknowledgements.push(writer.request().then(() => expect(written).toBeGreaterThanOrEqual(mine)));
    }
    await Promise.all(acknowledgements);
    expect(starts.length).toBeLessThanOrEqual(2);
    expect(written).toBe(20);
  });

  it('rejects the requests a failed write carried, and later writes go on', async () => {
    let fail = true;
    const writer = new CoalescingWriter(async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(writer.request()).rejects.toThrow('disk full');
    fail = false;
    await expect(writer.request()).resolves.toBeUndefined();
  });
});

describe('annotations', () => {
  it('are durable once the update resolves, and survive a reopen', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.addArticles([sampleArticle(1)]);
    const id = sampleArticle(1).record.id;
    await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        store.updateAnnotations(id, (shard) => shard.highlights.push(sampleHighlight(`h-${n}`))),
      ),
    );
    const onDisk = JSON.parse(await readFile(storeLayout(dir).annotationFile(id), 'utf8'));
    expect(onDisk.highlights).toHaveLength(25);
    await store.close();
    const reopened = await open({ dir, backups: false });
    expect(reopened.annotations(id).highlights).toHaveLength(25);
  });

  it('refuses a change that breaks the schema and keeps the data as it was', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.updateAnnotations('a-1', (shard) => shard.highlights.push(sampleHighlight('h-1')));
    await expect(
      store.updateAnnotations('a-1', (shard) => {
        (shard.highlights[0] as { quote: { exact: string } }).quote.exact = '';
      }),
    ).rejects.toThrow();
    expect(store.annotations('a-1').highlights[0]!.quote.exact).toBe('a quoted passage');
  });

  it('saving rewrites only its own article’s file', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    await store.addArticles([sampleArticle(1), sampleArticle(2)]);
    const layout = storeLayout(dir);
    const before = await readFile(layout.libraryFile, 'utf8');
    const shardsBefore = await readdir(layout.annotationsDir);
    const shardTimes = await Promise.all(
      shardsBefore.map(async (name) => (await stat(path.join(layout.annotationsDir, name))).mtimeMs),
    );
    await store.updateAnnotations('a-one', (shard) => shard.highlights.push(sampleHighlight('h')));
    expect((await readdir(layout.annotationsDir)).sort()).toEqual([...shardsBefore, 'a-one.json'].sort());
    for (const [at, name] of shardsBefore.entries())
      expect((await stat(path.join(layout.annotationsDir, name))).mtimeMs).toBe(shardTimes[at]);
    expect(await readFile(layout.libraryFile, 'utf8')).toBe(before);
  });
});

describe('backups', () => {
  const content = (note: string) => ({
    library: emptyLibraryIndex(),
    shards: {
      'a-1': {
        schemaVersion: 1 as const,
        articleId: 'a-1',
        highlights: [],
        articleNote: { text: note, updatedAt: 'x' },
      },
    },

    briefings: null,
  });

  it('written in chunks keep every character, even a surrogate pair at a slice boundary', async () => {
    const file = path.join(await makeTempDir(), 'chunks.json');
    const long = `a${'😀'.repeat(900_000)}é`;
    await writeChunksDurably(file, ['{"x":"', long, '","y":', Buffer.from('"bytes é"'), '}']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: long, y: 'bytes é' });
  });

  it('taken in slices hold the same content, under the same hash, as one taken at once', async () => {
    const dir = await makeTempDir();
    const at = new Date('2026-05-01T00:00:00.000Z');
    const whole = await takeBackup(dir, { ...content('same'), operations: null }, at);
    const shards = Object.entries(content('same').shards);
    const parts = { library: emptyLibraryIndex(), shards, briefings: null, operations: null };
    // Identical content: skipped, as the hash in the newest name matches.
    expect(await takeBackupInSlices(dir, parts, new Date(at.getTime() + 1000), serializeIndex, 0)).toBeNull();
    const other = { ...parts, shards: Object.entries(content('other').shards) };
    const sliced = await takeBackupInSlices(dir, other, new Date(at.getTime() + 2000), serializeIndex, 0);
    expect(sliced).not.toBeNull();
    const [read, wholeRead] = [await readBackup(sliced!), await readBackup(whole!)];
    expect(read!.shards['a-1']!.articleNote!.text).toBe('other');
    expect(read!.library).toEqual(wholeRead!.library);
    expect(read!.contentHash).toBe(
      createHash('sha256')
        .update(JSON.stringify({ ...content('other'), operations: null }))
        .digest('hex'),
    );
  });

  it('skip a snapshot identical to the newest, and keep only the newest ones', async () => {
    const dir = await makeTempDir();
    let time = Date.parse('2026-05-01T00:00:00.000Z');
    const tick = () => new Date((time += 1000));
    expect(await takeBackup(dir, content('one'), tick())).not.toBeNull();
    expect(await takeBackup(dir, content('one'), tick())).toBeNull();
    for (let n = 0; n < backupPolicy.keep + 5; n += 1) await takeBackup(dir, content(`note ${n}`), tick());
    const files = await listBackups(dir);
    expect(files).toHaveLength(backupPolicy.keep);
    expect((await readBackup(files[0]!))!.shards['a-1']!.articleNote!.text).toBe(
      `note ${backupPolicy.keep + 4}`,
    );
  });

  it('are taken on open and, while changes happen, no more often than the interval', async () => {
    const dir = await makeTempDir();
    const layout = storeLayout(dir);
    const store = await open({ dir, backupIntervalMs: 60_000 });
    await store.flush();
    expect(await listBackups(layout.backupsDir)).toHaveLength(1);
    for (let n = 0; n < 5; n += 1)
      await store.updateAnnotations('a-1', (shard) => shard.highlights.push(sampleHighlight(`h-${n}`)));
    await store.flush();
    expect(await listBackups(layout.backupsDir)).toHaveLength(1);
    await store.close();

    const eager = await open({ dir, backupIntervalMs: 0 });
    await eager.updateAnnotations('a-1', (shard) => shard.highlights.push(sampleHighlight('h-last')));
    await eager.flush();
    const [newest] = await listBackups(layout.backupsDir);
    expect((await readBackup(newest!))!.shards['a-1']!.highlights.map((h) => h.id)).toContain('h-last');
  });
});

describe('the store lock', () => {
  it('keeps a second writer out while the first holds the store', async () => {
    const dir = await makeTempDir();
    await open({ dir, backups: false });
    await expect(open({ dir, backups: false })).rejects.toThrow(StoreLockedError);
  });

  it('takes over a lock whose owner process is gone', async () => {
    const dir = await makeTempDir();
    const lockFile = path.join(dir, 'store.lock');
    await writeFile(
      lockFile,
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: hostname(),
        since: 'x',
        token: 't',
      }),
    );
    const lock = await acquireStoreLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('is not taken over when it comes from another computer, and says how to get out', async () => {
    const dir = await makeTempDir();
    const lockFile = path.join(dir, 'store.lock');
    const foreign = JSON.stringify({ pid: 1, host: 'other-host', since: '2026-01-01', token: 't' });
    await writeFile(lockFile, foreign);
    const error = await acquireStoreLock(lockFile).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toMatch(/another computer \("other-host"/);
    expect((error as Error).message).toContain(`delete ${lockFile}`);
    expect(await readFile(lockFile, 'utf8')).toBe(foreign);
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to a process that started later',
    async () => {
      const dir = await makeTempDir();
      const lockFile = path.join(dir, 'store.lock');
      // This very process is alive, but it did not start at the time the lock records.
      const reused = { pid: process.pid, host: hostname(), since: 'x', token: 't', started: '1' };
      await writeFile(lockFile, JSON.stringify(reused));
      const lock = await acquireStoreLock(lockFile);
      expect(JSON.parse(await readFile(lockFile, 'utf8')).token).not.toBe('t');
      await lock.release();
    },
  );

  it('names the pid and the lock file to delete when the pid is alive and cannot be told apart', async () => {
    const dir = await makeTempDir();
    const lockFile = path.join(dir, 'store.lock');
    await writeFile(
      lockFile,
      JSON.stringify({ pid: process.ppid, host: hostname(), since: 'x', token: 't' }),
    );
    await expect(acquireStoreLock(lockFile)).rejects.toThrow(
      new RegExp(
        `pid ${process.ppid}.*If no Briefing Reader is running.*delete ${lockFile.replace(/[.]/g, '\\.')}`,
      ),
    );
  });

  it('takes over a takeover left half-done by a process that died', async () => {
    const dir = await makeTempDir();
    const lockFile = path.join(dir, 'store.lock');
    const dead = { pid: 2 ** 22 + 12345, host: hostname(), since: 'x', token: 't' };
    await writeFile(lockFile, JSON.stringify(dead));
    const { ino } = await stat(lockFile);
    await writeFile(`${lockFile}.takeover-${ino}`, JSON.stringify({ ...dead, token: 'guard' }));
    const lock = await acquireStoreLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('is released on close so the next opening succeeds', async () => {
    const dir = await makeTempDir();
    const first = await open({ dir, backups: false });
    await first.close();
    await first.close();
    const second = await open({ dir, backups: false });
    expect(second.index().articles).toEqual([]);
  });
});
