/**
 * The annotation digest (annotation-digest.ts): a store opened with `deferAnnotations` takes the
 * library's counts from the digest written at the last close and reads no annotation file it still
 * describes until asked; a file changed or damaged since is read (and repaired) on open as before;
 * a change, a deletion or a backup first reads every file, so nothing is lost or left out.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/store/backups';
import { replaceStoreFs } from '../../src/main/store/store-fs';
import { AnnotationsUnreadableError } from '../../src/main/store/library-store';
import { storeLayout } from '../../src/main/store/store-layout';
import { sampleArticle, sampleHighlight, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
let clock = Date.parse('2026-04-01T10:00:00.000Z');
const now = () => new Date((clock += 60_000));

/** Annotation files read through the store (a deferred one is read with readFileSync). */
let readsOfAnnotationFiles: string[] = [];
let restoreFs = () => {};
function countAnnotationReads() {
  readsOfAnnotationFiles = [];
  restoreFs = replaceStoreFs((real) => ({
    readFileSync: (file: string) => {
      if (file.includes('/annotations/')) readsOfAnnotationFiles.push(file);
      return real.readFileSync(file);
    },
  }));
}
afterEach(() => restoreFs());

/** Three articles: two highlights and a note on the first, one highlight read to the end on the second. */
async function closedStore() {
  const dir = await makeTempDir();
  const store = await open({ dir, now, backups: false });
  const articles = [sampleArticle(1), sampleArticle(2), sampleArticle(3)];
  await store.addArticles(articles);
  const [first, second, third] = articles.map((article) => article.record.id) as [string, string, string];
  await store.updateAnnotations(first, (shard) => {
    shard.highlights.push(sampleHighlight('h-1'), { ...sampleHighlight('h-2'), note: '' });
    shard.articleNote = { text: 'my article note', updatedAt: '2026-01-01T00:00:00.000Z' };
  });
  await store.updateAnnotations(second, (shard) => {
    shard.highlights.push(sampleHighlight('h-3'));
    shard.reading = { offset: 40, progress: 1, read: true, updatedAt: '2026-01-01T00:00:00.000Z' };
  });
  await store.close();
  return { dir, layout: storeLayout(dir), ids: [first, second, third] as const };
}

describe('the annotation digest', () => {
  it('is written on close, and a deferred open takes the counts from it without reading a file', async () => {
    const { dir, layout, ids } = await closedStore();
    const digest = JSON.parse(await readFile(layout.annotationDigestFile, 'utf8'));
    expect(Object.keys(digest.files).sort()).toEqual([...ids].sort());

    countAnnotationReads();
    const store = await open({ dir, now, backups: false, deferAnnotations: true });
    expect(readsOfAnnotationFiles).toEqual([]);
    expect(store.annotationCounts(ids[0])).toEqual({
      highlightCount: 2,
      noteCount: 2,
      read: false,
      readingProgress: 0,
    });
    expect(store.annotationCounts(ids[1])).toEqual({
      highlightCount: 1,
      noteCount: 1,
      read: true,
      readingProgress: 1,
    });
    expect(store.annotationCounts(ids[2]).highlightCount).toBe(0);
    expect(store.annotatedArticleIds().sort()).toEqual([...ids].sort());
    const digestCounts = store.annotationCounts(ids[1]);

    // Asked for, one file is read at once; the rest when the store is asked to read them.
    expect(store.annotations(ids[0]).highlights.map((h) => h.id)).toEqual(['h-1', 'h-2']);
    expect(readsOfAnnotationFiles).toHaveLength(1);
    await store.whenAnnotationsLoaded();
    expect(readsOfAnnotationFiles).toHaveLength(3);
    expect(store.annotations(ids[1]).reading?.read).toBe(true);
    // The counts of the files read are the digest's, the very object (summaries made from it hold).
    expect(store.annotationCounts(ids[1])).toBe(digestCounts);
    expect(store.annotationCounts(ids[1])).toEqual({
      highlightCount: 1,
      noteCount: 1,
      read: true,
      readingProgress: 1,
    });
  });

  it('does not describe a file changed since the close: that one is read on open', async () => {
    const { dir, layout, ids } = await closedStore();
    const file = layout.annotationFile(ids[2]);
    const changed = JSON.parse(await readFile(file, 'utf8'));
    changed.highlights = [sampleHighlight('h-9'), sampleHighlight('h-10')];
    await writeFile(file, JSON.stringify(changed));

    countAnnotationReads();
    const store = await open({ dir, now, backups: false, deferAnnotations: true });
    expect(readsOfAnnotationFiles).toEqual([file]);
    expect(store.annotationCounts(ids[2]).highlightCount).toBe(2);
    expect(store.annotationCounts(ids[0]).highlightCount).toBe(2);
  });

  it('does not hide a file damaged since the close: it is repaired and reported on open', async () => {
    const { dir, layout, ids } = await closedStore();
    await writeFile(layout.annotationFile(ids[0]), '{ damaged');
    const store = await open({ dir, now, backups: false, deferAnnotations: true });
    expect(store.recovery).toHaveLength(1);
    expect(store.recovery[0]).toMatchObject({ problem: expect.stringMatching(/not valid JSON/) });
    expect(store.recovery[0]!.damagedCopy).toMatch(/damaged/);
    expect(store.annotationCounts(ids[0]).highlightCount).toBe(0);
    // The others still come from the digest, and are sound when read.
    expect(store.annotationCounts(ids[1]).read).toBe(true);
    await store.whenAnnotationsLoaded();
    expect(store.annotations(ids[1]).highlights).toHaveLength(1);
  });

  for (const [kind, content] of [
    ['damaged', '{"schemaVersion":2,"files":'],
    ['from another version', '{"schemaVersion":99,"files":{}}'],
    ['of the wrong shape', '{"schemaVersion":2,"files":{"x":[1,2]}}'],
  ] as const) {
    it(`is not used when ${kind}: every file is read on open, with the same counts`, async () => {
      const { dir, layout, ids } = await closedStore();
      await writeFile(layout.annotationDigestFile, content);
      countAnnotationReads();
      const store = await open({ dir, now, backups: false, deferAnnotations: true });
      expect(readsOfAnnotationFiles.length).toBe(3);
      expect(store.annotationCounts(ids[0]).highlightCount).toBe(2);
      expect(store.recovery).toEqual([]);
      await store.close();
      // The close wrote a sound one again.
      expect(JSON.parse(await readFile(layout.annotationDigestFile, 'utf8')).schemaVersion).toBe(2);
    });
  }

  it('makes a change after a deferred open wait for the files, losing nothing', async () => {
    const { dir, ids } = await closedStore();
    const store = await open({ dir, now, backups: false, deferAnnotations: true });
    await store.updateAnnotations(ids[1], (shard) => void shard.highlights.push(sampleHighlight('h-4')));
    expect(store.annotations(ids[1]).highlights.map((h) => h.id)).toEqual(['h-3', 'h-4']);
    expect(store.annotationCounts(ids[1]).highlightCount).toBe(2);
    await store.close();
    // Read again in full, and again through the digest the close wrote.
    for (const deferAnnotations of [false, true]) {
      const reopened = await open({ dir, now, backups: false, deferAnnotations });
      expect(reopened.annotationCounts(ids[1]).highlightCount).toBe(2);
      expect(reopened.annotations(ids[1]).highlights.map((h) => h.id)).toEqual(['h-3', 'h-4']);
      expect(reopened.annotations(ids[0]).articleNote?.text).toBe('my article note');
      await reopened.close();
    }
  });

  it('keeps a deferred article’s highlights through a deletion and its undo', async () => {
    const { dir, ids } = await closedStore();
    const store = await open({ dir, now, backups: false, deferAnnotations: true });
    const aside = await store.setArticleAside(ids[0]);
    await store.restoreArticle(aside.record, aside.position);
    expect(store.annotations(ids[0]).highlights.map((h) => h.id)).toEqual(['h-1', 'h-2']);
  });

  it('makes a backup after a deferred open hold every annotation file', async () => {
    const { dir, layout, ids } = await closedStore();
    const store = await open({ dir, now, backups: true, deferAnnotations: true });
    await store.flush(); // takes the backup after opening now
    const [newest] = await listBackups(layout.backupsDir);
    const backup = JSON.parse(await readFile(newest!, 'utf8'));
    expect(Object.keys(backup.shards).sort()).toEqual([...ids].sort());
    expect(backup.shards[ids[0]].highlights).toHaveLength(2);
  });

  it('reports a file found damaged only when read after the open (its times unchanged), and repairs it', async () => {
    const { dir, layout, ids } = await closedStore();
    const file = layout.annotationFile(ids[0]);
    await writeFile(file, '{ rotted');
    // As if the damage had left the file's size and times as the digest has them (bit rot).
    const digest = JSON.parse(await readFile(layout.annotationDigestFile, 'utf8'));
    const stats = await stat(file);
    digest.files[ids[0]].splice(0, 4, stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino);
    await writeFile(layout.annotationDigestFile, JSON.stringify(digest));

    const logged: unknown[] = [];
    const store = await open({
      dir,
      now,
      backups: false,
      deferAnnotations: true,
      logError: (error) => logged.push(error),
    });
    expect(store.recovery).toEqual([]);
    expect(store.annotationCounts(ids[0]).highlightCount).toBe(2);
    await store.whenAnnotationsLoaded();
    expect(store.recovery).toHaveLength(1);
    expect(store.recovery[0]).toMatchObject({
      outcome: 'started-empty',
      problem: expect.stringMatching(/JSON/),
    });
    expect(store.recovery[0]!.damagedCopy).toMatch(/damaged/);
    expect(String(logged[0])).toMatch(/Repaired after the first screen/);
    expect(store.annotationCounts(ids[0]).highlightCount).toBe(0);
    // The repaired file takes changes again.
    await store.updateAnnotations(ids[0], (shard) => void shard.highlights.push(sampleHighlight('h-7')));
    expect(store.annotations(ids[0]).highlights.map((h) => h.id)).toEqual(['h-7']);
  });

  it('restores a file gone after the open from the newest backup, and reports it', async () => {
    const { dir, layout, ids } = await closedStore();
    const withBackup = await open({ dir, now, backups: true });
    await withBackup.flush();
    await withBackup.close();
    const store = await open({ dir, now, backups: false, deferAnnotations: true });
    await rm(layout.annotationFile(ids[0]));
    await store.whenAnnotationsLoaded();
    expect(store.recovery).toHaveLength(1);
    expect(store.recovery[0]).toMatchObject({
      outcome: 'restored-from-backup',
      problem: 'the file was missing',
    });
    expect(store.annotations(ids[0]).highlights.map((h) => h.id)).toEqual(['h-1', 'h-2']);
    expect(JSON.parse(await readFile(layout.annotationFile(ids[0]), 'utf8')).highlights).toHaveLength(2);
  });

  it('refuses changes to a file it cannot read at all, and still reads, backs up and changes the others', async () => {
    const { dir, layout, ids } = await closedStore();
    const store = await open({ dir, now, backups: true, deferAnnotations: true, logError: () => {} });
    const unreadable = layout.annotationFile(ids[0]);
    restoreFs = replaceStoreFs((real) => ({
      readFileSync: (file: string) => {
        if (file === unreadable) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        return real.readFileSync(file);
      },
    }));
    await store.whenAnnotationsLoaded();
    await expect(
      store.updateAnnotations(ids[0], (shard) => void shard.highlights.splice(0)),
    ).rejects.toBeInstanceOf(AnnotationsUnreadableError);
    await expect(store.setArticleAside(ids[0])).rejects.toThrow(/could not be read \(EIO/);
    await store.updateAnnotations(ids[1], (shard) => void shard.highlights.push(sampleHighlight('h-8')));
    await store.flush(); // the backup after opening, with every file that could be read
    const [newest] = await listBackups(layout.backupsDir);
    const backup = JSON.parse(await readFile(newest!, 'utf8'));
    expect(backup.shards[ids[1]].highlights).toHaveLength(2);
    restoreFs();
    // Nothing was written over it.
    expect(JSON.parse(await readFile(unreadable, 'utf8')).highlights).toHaveLength(2);
  });
});
