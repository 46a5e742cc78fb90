/**
 * The command line's `list` and `export` only read a library: they open the
 * store read-only, never repair, move or create anything (the folder's files
 * are byte-for-byte the same afterwards), say what is damaged and exit 1; a
 * mistyped `--db` is an error, not a new empty library.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBriefing } from '../../src/main/cli/briefing';
import { openLibraryStore } from '../../src/main/store/library-store';
import { storeLayout } from '../../src/main/store/store-layout';
import { writePopulatedStore } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => new Date((clock += 60_000));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runBriefing(
    args,
    (text) => (stdout += text),
    (text) => (stderr += text),
  );
  return { code, stdout, stderr };
}

/** Every file under `dir` with its content, to prove nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = (await readFile(file)).toString('base64');
  }
  return files;
}

describe('briefing list and export', () => {
  it('refuse a --db path that does not exist, creating nothing', async () => {
    const dir = path.join(await makeTempDir(), 'mistyped');
    const result = await cli('list', '--db', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not exist/);
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it('refuse a folder that holds no library, creating nothing in it', async () => {
    const dir = await makeTempDir();
    const result = await cli('list', '--db', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no library here/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('list a sound library while the app holds it, without touching the lock', async () => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    const app = await openLibraryStore({ dir, now, backups: false });
    try {
      const before = await snapshot(dir);
      const result = await cli('list', '--db', dir);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('Briefing b-1');
      expect(await snapshot(dir)).toEqual(before);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['library.json', (dir: string) => writeFile(storeLayout(dir).libraryFile, '{"schemaVersion":3,')],
    ['briefings.json', (dir: string) => rm(storeLayout(dir).briefingsFile)],
    ['operations.json', (dir: string) => writeFile(storeLayout(dir).operationsFile, '\0\0\0')],
  ])('report a damaged or missing %s, exit 1 and change nothing', async (name, damage) => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    await damage(dir);
    const before = await snapshot(dir);

    const listed = await cli('list', '--db', dir);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`damaged: ${name}`);
    expect(listed.stderr).toMatch(/Nothing was changed/);
    expect(listed.stdout).toContain('Briefing b-1');

    const out = path.join(await makeTempDir(), 'out.md');
    const exported = await cli('export', '--db', dir, '--briefing', 'b-1', '--format', 'md', '--out', out);
    expect(exported.code).toBe(1);
    expect(exported.stdout).toMatch(/Nothing was exported/);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('export from a sound library', async () => {
    const dir = await makeTempDir();
    await writePopulatedStore(dir, now);
    const out = path.join(await makeTempDir(), 'out.md');
    const exported = await cli('export', '--db', dir, '--briefing', 'b-1', '--format', 'md', '--out', out);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(out, 'utf8')).toContain('Briefing b-1');
  });
});
