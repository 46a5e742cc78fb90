/**
 * Fresh temp folders for a test file: `const makeTempDir = tempDirs();`, each removed after its test.
 * Whatever still writes into them (an app core closing: its last backup, its digest) is closed
 * first, through `closeBeforeRemoving`: a helper module's own afterEach, registered when the test
 * file imports it, would otherwise run after this one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const closers: (() => Promise<void>)[] = [];

/** Registers `close` to run after each test, before that test's temp folders are removed. */
export function closeBeforeRemoving(close: () => Promise<void>): void {
  closers.push(close);
}

export function tempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    for (const close of closers) await close();
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefing-unit-'));
    made.push(dir);
    return dir;
  };
}
