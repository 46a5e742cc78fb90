/**
 * The store fault matrix: each store file × each kind of damage (missing,
 * empty, truncated, NUL-filled, invalid JSON, wrong shape, newer version, a
 * folder in its place, read-only) × when it strikes (at open; and during the
 * repair, as a full disk at each step of it, then a normal open). Every case
 * ends recovered-and-reported, or refused with a message and nothing changed;
 * never with data silently lost.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryStore, type LibraryStore } from '../../src/main/store/library-store';
import { beforeEachChange } from './fault-injection';
import {
  applyFault,
  expectNothingLost,
  faultKinds,
  populatedTemplate,
  storeFiles,
  type FaultKind,
} from './store-faults';

let workDir: string;
let template: Awaited<ReturnType<typeof populatedTemplate>>;
let caseNumber = 0;
let clock = Date.parse('2026-04-01T08:00:00.000Z');
const now = () => new Date((clock += 1000));

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'briefing-faults-'));
  template = await populatedTemplate(path.join(workDir, 'template'), now);
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function damagedCopy(fileCase: (typeof storeFiles)[number], kind: FaultKind) {
  const dir = await template.copy(path.join(workDir, `case-${(caseNumber += 1)}`));
  const file = fileCase.file(dir, template.articleIds);
  await applyFault(file, kind);
  return { dir, file };
}

async function withStore<T>(dir: string, task: (store: LibraryStore) => Promise<T>): Promise<T> {
  const store = await openLibraryStore({ dir, now, backups: false });
  try {
    return await task(store);
  } finally {
    await store.close();
  }
}

/** Reads what a file is on disk now (content, or that it is a folder, or missing). */
async function stateOf(file: string): Promise<string> {
  const stats = await stat(file).catch(() => null);
  if (!stats) return 'missing';
  if (stats.isDirectory()) return 'folder';
  return readFile(file, 'utf8');
}

/** The outcome every case must reach: recovered and reported, or for a newer version refused and unchanged. */
async function expectRecoveredOrRefused(
  dir: string,
  fileCase: (typeof storeFiles)[number],
  kind: FaultKind,
  before: string,
) {
  const file = fileCase.file(dir, template.articleIds);
  if (kind === 'newer version') {
    if (fileCase.checkedAtOpen) {
      await expect(openLibraryStore({ dir, now, backups: false })).rejects.toThrow(/newer version/);
    } else {
      await withStore(dir, async (store) => {
        await expect(store.readArticle(template.articleIds[0]!)).rejects.toThrow(/newer version/);
      });
    }
    expect(await stateOf(file)).toBe(before);
    return;
  }
  await withStore(dir, async (store) => {
    await expectNothingLost(store, template.articleIds);
    const reported = store.recovery.map((event) => event.file);
    if (kind === 'read-only') expect(reported).toEqual([]);
    else expect(reported).toContain(fileCase.reported(template.articleIds));
    // The repaired (or read-only) file takes a new write.
    await store.updateIndex((index) => void (index.settings.theme = 'dark'));
    await store.updateAnnotations(template.articleIds[0]!, (shard) => void shard.highlights.pop());
    await store.updateBriefings((briefings) => void (briefings.lastExportFolder = '/tmp'));
  });
  await withStore(dir, async (store) => expect(store.recovery).toEqual([]));
}

const cases = storeFiles.flatMap((fileCase) => faultKinds.map((kind) => [fileCase.name, kind] as const));

describe('at open', () => {
  it.each(cases)('%s %s: recovered and reported, or refused with nothing changed', async (name, kind) => {
    const fileCase = storeFiles.find((candidate) => candidate.name === name)!;
    const { dir, file } = await damagedCopy(fileCase, kind);
    await expectRecoveredOrRefused(dir, fileCase, kind, await stateOf(file));
  });
});

function failNthChange(n: number, code: string): { restore: () => void; reached: () => boolean } {
  let hit = false;
  const restore = beforeEachChange((count) => {
    if (count !== n) return null;
    hit = true;
    return Object.assign(new Error(`${code}: injected at change ${n}`), { code });
  });
  return { restore, reached: () => hit };
}

describe('during the repair: a full disk at each step, then a normal open', () => {
  const repaired = cases.filter(([, kind]) => kind !== 'newer version' && kind !== 'read-only');
  it.each(repaired)('%s %s', async (name, kind) => {
    const fileCase = storeFiles.find((candidate) => candidate.name === name)!;
    let steps = 0;
    for (let n = 1; n < 40; n += 1) {
      const { dir } = await damagedCopy(fileCase, kind);
      const fault = failNthChange(n, 'ENOSPC');
      let failure: unknown = null;
      try {
        await withStore(dir, async (store) => {
          if (!fileCase.checkedAtOpen) await store.readArticle(template.articleIds[0]!);
        });
      } catch (error) {
        failure = error;
      } finally {
        fault.restore();
      }
      if (!fault.reached()) break; // the whole open and repair took fewer changes: every step was covered
      steps += 1;
      if (failure) expect((failure as NodeJS.ErrnoException).code).toBe('ENOSPC');
      // Whatever step failed, the next open recovers everything and (if the damage is still there) reports it.
      await withStore(dir, async (store) => {
        await expectNothingLost(store, template.articleIds);
      });
    }
    expect(steps).toBeGreaterThan(2);
  });
});
