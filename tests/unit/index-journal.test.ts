/**
 * The index journal (index-journal.ts) with real files in temp folders: an
 * edit appends one small record and leaves library.json alone; replay on open
 * rebuilds exactly the index that was acknowledged; a cut-short last record is
 * ignored; records library.json already holds are skipped; compaction folds the
 * journal in; a damaged journal is kept, reported and what it holds recovered;
 * a newer one is refused; a failed append is taken back and never returns.
 *
 * "A crash" here is a copy of the store folder taken while the store is open
 * (without its lock): what is on disk at that instant.
 */
import { appendFile, cp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import { storeLayout } from '../../src/main/store/store-layout';
import { journalPolicy } from '../../src/main/store/index-journal';
import { encodeRecord, readJournal } from '../../src/main/store/index-journal-format';
import { replaceStoreFs } from '../../src/main/store/store-fs';
import { emptyLibraryIndex, type LibraryIndex } from '../../src/main/store/schemas/library-index';
import { applyIndexOps, diffIndex } from '../../src/main/store/index-changes';
import { sampleArticle, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const defaults = { ...journalPolicy };
afterEach(() => void Object.assign(journalPolicy, defaults));

/** The store folder as it is on disk now, copied (without its lock) as a crash would leave it. */
async function crashCopy(dir: string): Promise<string> {
  const copy = `${dir}-crash-${Math.random().toString(36).slice(2)}`;
  await cp(dir, copy, { recursive: true, filter: (source) => path.basename(source) !== 'store.lock' });
  return copy;
}

async function journalOf(dir: string) {
  const reading = readJournal(await readFile(storeLayout(dir).indexJournalFile));
  if (reading.state !== 'read') throw new Error('newer journal');
  return reading;
}

/** A change to the index's stories whose value a test can follow: one story named `name`. */
const setMarker = (name: string) => (index: LibraryIndex) =>
  void (index.stories = [{ id: 's-marker', name, createdAt: '2026-01-01', articleIds: [] }]);
const marker = (store: LibraryStore) => store.index().stories[0]?.name;

/** What of the index a user sees: records in order and the other parts. */
const visible = (store: LibraryStore) => JSON.parse(JSON.stringify(store.index())) as unknown;

async function storeWithArticles(count = 3) {
  const dir = await makeTempDir();
  const first = await openLibraryStore({ dir, backups: false });
  await first.addArticles(Array.from({ length: count }, (_, n) => sampleArticle(n + 1)));
  await first.close();
  const store = await open({ dir, backups: false });
  return { dir, store, ids: store.index().articles.map((record) => record.id) };
}

describe('an index change', () => {
  it('appends one small record and leaves library.json as it was', async () => {
    const { dir, store } = await storeWithArticles();
    const layout = storeLayout(dir);
    const before = await readFile(layout.libraryFile, 'utf8');
    const beforeTime = (await stat(layout.libraryFile)).mtimeMs;
    await store.updateIndex((index) => void (index.settings.theme = 'dark'));
    expect(await readFile(layout.libraryFile, 'utf8')).toBe(before);
    expect((await stat(layout.libraryFile)).mtimeMs).toBe(beforeTime);
    const journal = await journalOf(dir);
    expect(journal.records).toHaveLength(1);
    expect(journal.records[0]!.ops).toEqual([
      { op: 'set', key: 'settings', value: expect.objectContaining({ theme: 'dark' }) },
    ]);
    expect((await stat(layout.indexJournalFile)).size).toBeLessThan(1_000);

    const reopened = await open({ dir: await crashCopy(dir), backups: false });
    expect(reopened.recovery).toEqual([]);
    expect(reopened.index().settings.theme).toBe('dark');
  });

  it('is replayed in order on open: imports, title edits, deletes, restores, stories, settings', async () => {
    const { dir, store, ids } = await storeWithArticles(4);
    await store.addArticles([sampleArticle(5), sampleArticle(6)]);
    await store.updateArticleRecord(ids[1]!, (record) => void (record.title = 'An edited title'));
    const aside = await store.setArticleAside(ids[2]!);
    await store.deleteArticle(ids[0]!);
    await store.restoreArticle(aside.record, aside.position);
    await store.updateIndex((index) => {
      index.settings.theme = 'light';
      index.stories.push({ id: 's-1', name: 'A story', createdAt: 'now', articleIds: [ids[1]!] });
      index.cleanedWithRules = 7;
    });
    await store.updateIndex((index) => void delete index.cleanedWithRules);
    const expected = visible(store);

    const reopened = await open({ dir: await crashCopy(dir), backups: false });
    expect(reopened.recovery).toEqual([]);
    expect(visible(reopened)).toEqual(expected);
    expect(reopened.index().articles.find((record) => record.id === ids[1])?.title).toBe('An edited title');
  });

  it('shares one record with the changes that arrive while one is being written', async () => {
    const { dir, store } = await storeWithArticles();
    await Promise.all(Array.from({ length: 8 }, (_, n) => store.updateIndex(setMarker(`/folder-${n}`))));
    expect((await journalOf(dir)).records.length).toBeLessThanOrEqual(2);
    const reopened = await open({ dir: await crashCopy(dir), backups: false });
    expect(marker(reopened)).toBe('/folder-7');
  });

  it('writes nothing when it changes nothing', async () => {
    const { dir, store } = await storeWithArticles();
    await store.updateIndex(() => undefined);
    expect((await journalOf(dir)).records).toEqual([]);
  });
});

describe('replay', () => {
  it.each([
    ['a cut-off line', '0123456789abcdef {"seq":99,"ops":[{"op":"se'],
    ['NUL bytes', '\0'.repeat(300)],
    ['a whole line that fails its checksum', `${'0'.repeat(16)} {"seq":99,"ops":[]}\n`],
  ])('ignores a torn last record (%s) and cuts it off, reporting nothing', async (_label, tail) => {
    const { dir, store, ids } = await storeWithArticles();
    await store.updateArticleRecord(ids[0]!, (record) => void (record.title = 'Kept'));
    const crashed = await crashCopy(dir);
    const journalFile = storeLayout(crashed).indexJournalFile;
    const goodLength = (await stat(journalFile)).size;
    await appendFile(journalFile, tail);

    const reopened = await open({ dir: crashed, backups: false });
    expect(reopened.recovery).toEqual([]);
    expect(reopened.index().articles[0]!.title).toBe('Kept');
    expect((await stat(journalFile)).size).toBe(goodLength);
    // The next record follows the last sound one, and both replay.
    await reopened.updateIndex((index) => void (index.settings.theme = 'dark'));
    const again = await open({ dir: await crashCopy(crashed), backups: false });
    expect(again.recovery).toEqual([]);
    expect(again.index().articles[0]!.title).toBe('Kept');
    expect(again.index().settings.theme).toBe('dark');
  });

  it('is idempotent: records library.json already holds are skipped (a crash mid-compaction)', async () => {
    const { dir, store, ids } = await storeWithArticles();
    await store.addArticles([sampleArticle(7)]);
    await store.updateArticleRecord(ids[2]!, (record) => void (record.title = 'Once'));
    await store.deleteArticle(ids[0]!);
    const journalBeforeCompaction = await readFile(storeLayout(dir).indexJournalFile);
    const expected = visible(store);
    await store.close(); // compacts: library.json holds every record, the journal starts afresh
    expect((await journalOf(dir)).records).toEqual([]);
    // As if killed after library.json was written and before the fresh journal replaced the old.
    await writeFile(storeLayout(dir).indexJournalFile, journalBeforeCompaction);

    for (let n = 0; n < 2; n += 1) {
      const reopened = await openLibraryStore({ dir, backups: false });
      try {
        expect(reopened.recovery).toEqual([]);
        expect(visible(reopened)).toEqual(expected);
      } finally {
        await reopened.close();
      }
    }
  });

  it('applies by id a journal over an index restored from an older backup', async () => {
    const { dir, store, ids } = await storeWithArticles();
    // An index that already holds the article the journal adds, elsewhere in the list (as a
    // backup reconciled with the article files would).
    await store.addArticles([sampleArticle(8)]);
    await store.updateArticleRecord(ids[0]!, (record) => void (record.title = 'Edited'));
    const expected = visible(store) as { articles: { id: string }[] };
    const crashed = await crashCopy(dir);
    const layout = storeLayout(crashed);
    const library = JSON.parse(await readFile(layout.libraryFile, 'utf8')) as {
      articles: unknown[];
      journalSeq?: number;
    };
    library.articles.unshift(expected.articles[3]);
    delete library.journalSeq;
    await writeFile(layout.libraryFile, JSON.stringify(library));
    const reopened = await open({ dir: crashed, backups: false });
    const reopenedIds = reopened.index().articles.map((record) => record.id);
    expect(new Set(reopenedIds).size).toBe(reopenedIds.length);
    expect([...reopenedIds].sort()).toEqual(expected.articles.map((record) => record.id).sort());
    expect(reopened.index().articles.find((record) => record.id === ids[0])?.title).toBe('Edited');
  });
});

describe('compaction', () => {
  it('folds the journal into library.json once it holds enough records', async () => {
    journalPolicy.maxRecords = 5;
    const { dir, store } = await storeWithArticles();
    for (let n = 0; n < 6; n += 1) await store.updateIndex(setMarker(`/export-${n}`));
    await new Promise((resolve) => setImmediate(resolve));
    await store.flush();
    expect((await journalOf(dir)).records.length).toBeLessThan(5);
    const library = JSON.parse(await readFile(storeLayout(dir).libraryFile, 'utf8')) as {
      stories: { name: string }[];
      journalSeq: number;
    };
    expect(library.stories[0]?.name).toMatch(/^\/export-[45]$/);
    expect(library.journalSeq).toBeGreaterThanOrEqual(5);
  });

  it('folds it in after a quiet spell', async () => {
    journalPolicy.idleMs = 20;
    const { dir, store } = await storeWithArticles();
    await store.updateIndex((index) => void (index.settings.theme = 'dark'));
    // library.json is rewritten before the journal is emptied: wait for both, as one state.
    const folded = async () => {
      const library = JSON.parse(await readFile(storeLayout(dir).libraryFile, 'utf8')) as {
        settings: { theme: string };
      };
      return { theme: library.settings.theme, journalRecords: (await journalOf(dir)).records.length };
    };
    await expect.poll(folded).toEqual({ theme: 'dark', journalRecords: 0 });
  });

  it('happens with each backup, whose snapshot holds the whole index with its journal number', async () => {
    const { dir, store: first } = await storeWithArticles();
    await first.close();
    const store = await open({ dir, backupIntervalMs: 0 });
    await store.flush();
    await store.updateArticleRecord(
      store.index().articles[1]!.id,
      (record) => void (record.title = 'Backed up'),
    );
    await store.flush();
    const layout = storeLayout(dir);
    expect((await journalOf(dir)).records).toEqual([]);
    const library = JSON.parse(await readFile(layout.libraryFile, 'utf8')) as LibraryShape;
    expect(library.articles[1]!.title).toBe('Backed up');
    const newest = (await readdir(layout.backupsDir))
      .filter((name) => name.startsWith('annotations-'))
      .sort()
      .pop()!;
    const snapshot = JSON.parse(await readFile(path.join(layout.backupsDir, newest), 'utf8')) as {
      library: LibraryShape;
    };
    expect(snapshot.library.articles[1]!.title).toBe('Backed up');
    expect(snapshot.library.journalSeq).toBe(library.journalSeq);
  });

  it('on close leaves library.json holding everything and an empty journal', async () => {
    const { dir, store } = await storeWithArticles();
    await store.addArticles([sampleArticle(9)]);
    await store.close();
    expect((await journalOf(dir)).records).toEqual([]);
    const library = JSON.parse(await readFile(storeLayout(dir).libraryFile, 'utf8')) as LibraryShape;
    expect(library.articles).toHaveLength(4);
  });
});

interface LibraryShape {
  articles: { id: string; title: string }[];
  journalSeq?: number;
}

describe('a damaged journal', () => {
  async function journalWithFourRecords() {
    const { dir, store, ids } = await storeWithArticles();
    await store.updateIndex((index) => void (index.settings.theme = 'dark')); // 1
    await store.addArticles([sampleArticle(10)]); // 2
    await store.updateArticleRecord(ids[1]!, (record) => void (record.title = 'Third record')); // 3
    await store.updateIndex(setMarker('/fourth')); // 4
    return { dir: await crashCopy(dir), ids, added: sampleArticle(10).record.id };
  }

  it('is kept, reported, its sound records applied and lost imports found again from their files', async () => {
    const { dir, ids, added } = await journalWithFourRecords();
    const layout = storeLayout(dir);
    const lines = (await readFile(layout.indexJournalFile, 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"ops"', '"opz"'); // the second record: its checksum no longer matches
    await writeFile(layout.indexJournalFile, lines.join('\n'));

    const store = await open({ dir, backups: false });
    expect(store.recovery).toEqual([
      expect.objectContaining({
        file: 'library.journal',
        outcome: 'kept-what-was-readable',
        problem: expect.stringMatching(/line 3: its checksum does not match/),
        damagedCopy: expect.stringMatching(/library\.journal\.damaged-/),
      }),
    ]);
    const damagedCopy = store.recovery[0]!.damagedCopy!;
    expect(await readFile(damagedCopy, 'utf8')).toBe(lines.join('\n'));
    expect(store.index().settings.theme).toBe('dark');
    expect(marker(store)).toBe('/fourth');
    expect(store.index().articles.find((record) => record.id === ids[1])?.title).toBe('Third record');
    expect(store.index().articles.map((record) => record.id)).toContain(added);
    // Repaired: library.json holds it all, the journal is fresh, and the next open reports nothing.
    expect((await journalOf(dir)).records).toEqual([]);
    await store.close();
    const again = await open({ dir, backups: false });
    expect(again.recovery).toEqual([]);
    expect(marker(again)).toBe('/fourth');
  });

  it.each([
    ['empty', ''],
    ['NUL-filled', '\0'.repeat(500)],
    ['not a journal', 'garbage\n'],
  ])('%s: reported, kept, and the library opens', async (_label, content) => {
    const { dir, added } = await journalWithFourRecords();
    await writeFile(storeLayout(dir).indexJournalFile, content);
    const store = await open({ dir, backups: false });
    expect(store.recovery.map((event) => [event.file, event.outcome])).toEqual([
      ['library.journal', 'kept-what-was-readable'],
    ]);
    expect(await readFile(store.recovery[0]!.damagedCopy!, 'utf8')).toBe(content);
    expect(store.index().articles.map((record) => record.id)).toContain(added);
  });

  it('opened read-only: replayed and reported, nothing written', async () => {
    const { dir, added } = await journalWithFourRecords();
    const layout = storeLayout(dir);
    const lines = (await readFile(layout.indexJournalFile, 'utf8')).split('\n');
    lines[1] = 'x'.repeat(40);
    await writeFile(layout.indexJournalFile, lines.join('\n'));
    const names = (await readdir(dir)).sort();
    const store = await open({ dir, readOnly: true });
    expect(store.recovery.map((event) => [event.file, event.damagedCopy])).toEqual([
      ['library.journal', null],
    ]);
    expect(store.index().articles.map((record) => record.id)).toContain(added);
    expect(marker(store)).toBe('/fourth');
    expect((await readdir(dir)).sort()).toEqual(names);
    expect(await readFile(layout.indexJournalFile, 'utf8')).toBe(lines.join('\n'));
  });

  it('from a newer version is refused, and nothing is changed', async () => {
    const { dir } = await journalWithFourRecords();
    const layout = storeLayout(dir);
    const content = `${JSON.stringify({ kind: 'briefing-reader index journal', schemaVersion: 2 })}\n${encodeRecord({ seq: 1, ops: [] }).toString()}`;
    await writeFile(layout.indexJournalFile, content);
    const library = await readFile(layout.libraryFile, 'utf8');
    await expect(openLibraryStore({ dir, backups: false })).rejects.toThrow(/newer version/);
    expect(await readFile(layout.indexJournalFile, 'utf8')).toBe(content);
    expect(await readFile(layout.libraryFile, 'utf8')).toBe(library);
  });
});

describe('a failed append', () => {
  it.each(['writeHandle', 'syncHandle'] as const)(
    'at %s: the change is refused, taken back, and never replayed',
    async (step) => {
      const { dir, store } = await storeWithArticles();
      await store.updateIndex((index) => void (index.settings.theme = 'light'));
      let failNext = true;
      const full = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      const restore = replaceStoreFs((real) => ({
        // Half the record reaches the file, then the disk is full.
        writeHandle: async (handle, content) => {
          if (step !== 'writeHandle' || !failNext) return real.writeHandle(handle, content);
          failNext = false;
          await real.writeHandle(handle, content.slice(0, Math.floor(content.length / 2)));
          throw full();
        },
        // The whole record reaches the file, and the fsync fails.
        syncHandle: async (handle) => {
          await real.syncHandle(handle);
          if (step !== 'syncHandle' || !failNext) return;
          failNext = false;
          throw full();
        },
      }));
      try {
        await expect(store.updateIndex(setMarker('/refused'))).rejects.toThrow(/ENOSPC/);
      } finally {
        restore();
      }
      expect(marker(store)).toBeUndefined();
      await store.updateIndex((index) => void (index.settings.theme = 'dark'));
      const reopened = await open({ dir: await crashCopy(dir), backups: false });
      expect(reopened.recovery).toEqual([]);
      expect(marker(reopened)).toBeUndefined();
      expect(reopened.index().settings.theme).toBe('dark');
    },
  );
});

describe('the changes between two indexes', () => {
  /** A small deterministic generator, so a failure can be run again. */
  function random(seed: number) {
    let state = seed;
    return (below: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % below;
    };
  }

  it('applied to the first give the second, for random edits, imports, deletes and moves', () => {
    const pick = random(7);
    const base = emptyLibraryIndex();
    const record = (n: number) => Object.freeze({ ...sampleArticle(n).record, id: `a-${n}` });
    base.articles = Array.from({ length: 40 }, (_, n) => record(n));
    let previous = base;
    for (let round = 0; round < 300; round += 1) {
      const next = { ...previous, articles: [...previous.articles] };
      for (let change = pick(4); change >= 0; change -= 1) {
        const at = pick(next.articles.length + 1);
        const kind = pick(5);
        if (kind === 0) next.articles.splice(at, 0, record(1_000 + round * 10 + change));
        else if (kind === 1 && next.articles.length > 0)
          next.articles.splice(Math.min(at, next.articles.length - 1), 1);
        else if (kind === 2 && at < next.articles.length)
          next.articles[at] = Object.freeze({ ...next.articles[at]!, title: `edit ${round}` });
        else if (kind === 3 && at < next.articles.length) next.articles.push(...next.articles.splice(at, 1));
        else next.settings = { ...next.settings, theme: round % 2 ? 'dark' : 'light' };
      }
      const replayed = { ...previous, articles: [...previous.articles] };
      applyIndexOps(replayed, [diffIndex(previous, next)]);
      expect(replayed).toEqual(next);
      previous = next;
    }
  });
});
