/**
 * `briefing import`, run as a user runs it (a child process) on files and on
 * addresses served by a real server on 127.0.0.1: one result per input in
 * input order, the structured article as `inspect` prints it, exit code 1 when
 * any input failed, local addresses only with --allow-local, the store lock.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../src/main/store/library-store';
import { startLocalWebServer, type LocalWebServer } from './local-web-server';
import { tempDirs } from './temp-dir';
import { briefing } from './run-briefing';

const makeTempDir = tempDirs();
let server: LocalWebServer;
beforeAll(async () => {
  server = await startLocalWebServer();
});
afterAll(() => server.close());

// Each case starts the command (tsx compiling the core) as a child process: seconds each on a loaded machine.
describe('briefing import', { timeout: 60_000 }, () => {
  it('imports files and addresses in order, prints JSON results, and exits 1 when one failed', async () => {
    const work = await makeTempDir();
    const db = path.join(work, 'library');
    const latin = path.join(work, 'latin.txt');
    await writeFile(
      latin,
      iconv.encode(
        'Café Talks\n\nThe envoy said the talks were “productive” and would continue on Friday, déjà vu.\n',
        'windows-1252',
      ),
    );
    const address = server.url('/article/Command%20Line');
    const { code, stdout } = await briefing(
      'import',
      '--db',
      db,
      '--allow-local',
      '--json',
      latin,
      address,
      path.join(work, 'missing.txt'),
      'file:///etc/passwd',
    );
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results.map((entry: { input: string; status: string }) => [entry.input, entry.status])).toEqual([
      [latin, 'imported'],
      [address, 'imported'],
      [path.join(work, 'missing.txt'), 'failed'],
      ['file:///etc/passwd', 'failed'],
    ]);
    expect(results[0]).toMatchObject({
      encoding: 'windows-1252',
      sourceKind: 'file',
      article: {
        title: 'Café Talks',
        blocks: [{ kind: 'paragraph', text: expect.stringContaining('“productive”') }],
      },
    });
    expect(results[1]).toMatchObject({
      sourceKind: 'url',
      format: 'html',
      article: { source: { url: address } },
    });
    expect(results[2].reason).toMatch(/could not be read \(ENOENT\)/);
    expect(results[3].reason).toMatch(/only http and https/);

    const again = await briefing('import', '--db', db, '--allow-local', '--json', latin, address);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).map((entry: { status: string }) => entry.status)).toEqual([
      'duplicate',
      'duplicate',
    ]);
  });

  it('refuses loopback addresses without --allow-local', async () => {
    const db = path.join(await makeTempDir(), 'library');
    const { code, stdout } = await briefing('import', '--db', db, server.url('/article/Local'));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^failed +http:\/\/127\.0\.0\.1:\d+\/article\/Local: .*private network, which is blocked/,
    );
  });

  it('respects the store lock of an open library', async () => {
    const db = await makeTempDir();
    const store = await openLibraryStore({ dir: db, backups: false });
    try {
      const { code, stderr } = await briefing('import', '--db', db, 'seeds/001_65831639b4f4e14b.txt');
      expect(code).toBe(1);
      expect(stderr).toMatch(/briefing import: .*(in use|locked|open)/i);
    } finally {
      await store.close();
    }
  });

  it('explains its usage errors with exit code 2', async () => {
    expect(await briefing('import', 'a.txt')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/needs --db DIR/),
    });
    expect(await briefing('import', '--db', 'x')).toMatchObject({ code: 2 });
  });
});
