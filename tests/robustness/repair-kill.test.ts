/**
 * A repair killed at each step: a child process opens a damaged store and is
 * SIGKILLed just before its 1st, 2nd, … change to the disk, until it gets
 * through; after every kill, a normal open finds everything (restored from the
 * backups) and nothing silently lost: every step leaves the old file or the new.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLibraryStore } from '../../src/main/store/library-store';
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
