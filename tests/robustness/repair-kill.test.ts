/**
 * A repair killed at each step: a child process opens a damaged store and is
 * SIGKILLed just before its 1st, 2nd, … change to the disk, until it gets
 * through; after every kill, a normal open finds everything (restored from the
 * backups) and nothing silently lost: every step leaves the old file or the new.
 * The same for a damaged index journal: its sound records are never lost.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLibraryStore } from '../../src/main/store/library-store';
import { storeLayout } from '../../src/main/store/store-layout';
import { bundleChild } from './bundle-child';
import { applyFault, expectNothingLost, populatedTemplate, storeFiles, type FaultKind } from './store-faults';

let workDir: string;
let bundle: Awaited<ReturnType<typeof bundleChild>>;
let template: Awaited<ReturnType<typeof populatedTemplate>>;
let caseNumber = 0;
let clock = Date.parse('2026-04-02T08:00:00.000Z');
const now = () => new Date((clock += 1000));

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'briefing-repair-kill-'));
  bundle = await bundleChild('tests/robustness/repair-child.ts');
  template = await populatedTemplate(path.join(workDir, 'template'), now);
}, 60_000);
afterAll(async () => {
  await bundle?.remove();
  await rm(workDir, { recursive: true, force: true });
});

function runChild(dir: string, n: number): Promise<'done' | 'killed'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle.script, dir, String(n), template.articleIds[0]!]);
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && output.includes('done')) resolve('done');
      else reject(new Error(`child exited ${code}: ${errors}`));
    });
  });
}

const killCases: [string, FaultKind][] = [
  ['library.json', 'truncated'],
  ['annotations/<id>.json', 'NUL-filled'],
  ['operations.json', 'directory'],
  ['articles/<id>.json', 'empty'],
];

it.each(killCases)(
  '%s %s: killed before each change of the repair, the next open loses nothing',
  async (name, kind) => {
    const fileCase = storeFiles.find((candidate) => candidate.name === name)!;
    let kills = 0;
    for (let n = 1; n < 60; n += 1) {
      const dir = await template.copy(path.join(workDir, `case-${(caseNumber += 1)}`));
      await applyFault(fileCase.file(dir, template.articleIds), kind);
      if ((await runChild(dir, n)) === 'done') break;
      kills += 1;
      const store = await openLibraryStore({ dir, now, backups: false });
      try {
        await expectNothingLost(store, template.articleIds);
      } finally {
        await store.close();
      }
    }
    console.log(`${name} ${kind}: killed at each of ${kills} steps`);
    expect(kills).toBeGreaterThan(2);
  },
  120_000,
);

it('library.journal damaged: killed before each change of its repair, the next open loses nothing', async () => {
  // A journal with three records (a story, a title, a setting) whose second line is damaged.
  const prepared = await template.copy(path.join(workDir, 'journal-template'));
  const writer = await openLibraryStore({ dir: prepared, now, backups: false });
  await writer.updateIndex((index) => {
    index.stories = [{ id: 's-1', name: 'Kept story', createdAt: 'then', articleIds: [] }];
  });
  await writer.updateArticleRecord(template.articleIds[1]!, (record) => void (record.title = 'Kept title'));
  await writer.updateIndex((index) => void (index.settings.theme = 'dark'));
  // As a crash leaves it: library.json without the records, the journal with them.
  const crashed = path.join(workDir, 'journal-crashed');
  await cp(prepared, crashed, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'store.lock',
  });
  await writer.close();
  const journalFile = storeLayout(crashed).indexJournalFile;
  const lines = (await readFile(journalFile, 'utf8')).split('\n');
  lines[1] = lines[1]!.replace('"ops"', '"opz"');
  await writeFile(journalFile, lines.join('\n'));

  let kills = 0;
  for (let n = 1; n < 60; n += 1) {
    const dir = path.join(workDir, `case-${(caseNumber += 1)}`);
    await cp(crashed, dir, { recursive: true });
    if ((await runChild(dir, n)) === 'done') break;
    kills += 1;
    const store = await openLibraryStore({ dir, now, backups: false });
    try {
      await expectNothingLost(store, template.articleIds);
      expect(store.index().articles.find((record) => record.id === template.articleIds[1])?.title).toBe(
        'Kept title',
      );
      expect(store.index().settings.theme).toBe('dark');
    } finally {
      await store.close();
    }
  }
  console.log(`library.journal damaged: killed at each of ${kills} steps`);
  expect(kills).toBeGreaterThan(2);
}, 120_000);
