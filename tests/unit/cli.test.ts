/** The `briefing` command, run as a user runs it: a child process on the seeds and on bad files. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './temp-dir';
import { briefing } from './run-briefing';

const makeTempDir = tempDirs();

// Each case starts the command (tsx compiling the core) as a child process: seconds each on a loaded machine.
describe('briefing inspect', { timeout: 60_000 }, () => {
  it('prints the structured article of a seed as JSON', async () => {
    const { code, stdout } = await briefing('inspect', 'seeds/001_65831639b4f4e14b.txt');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      status: 'ok',
      title: 'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia',
      titleDerived: false,
      dek: expect.stringMatching(/^Closest Security Talks/),
    });
    expect(report.blocks.filter((block: { kind: string }) => block.kind === 'heading')).toHaveLength(7);
    expect(report.removed).toEqual([
      { line: 50, text: '0 Comments', kind: 'comment-counter', reason: 'reads as a comment counter' },
    ]);
    expect(report.flags.map((flag: { excerpt: string }) => flag.excerpt)).toEqual([
      'easternម qued faper ter',
      'Ukraine?s',
      'online shopping',
      'stKEs',
    ]);
  });

  it('prints an array for several files, with comments and derived titles', async () => {
    const { code, stdout } = await briefing(
      'inspect',
      'seeds/003_ffeabc11d1486852.txt',
      'seeds/004_8078960195baae82.txt',
    );
    expect(code).toBe(0);
    const [everything, optics] = JSON.parse(stdout);
    expect(everything).toMatchObject({ titleDerived: true, removed: [{ line: 8, kind: 'form-notice' }] });
    expect(optics.comments).toHaveLength(2);
  });

  it('reports a rejected file with the app’s reason and exits 1', async () => {
    const dir = await makeTempDir();
    const binary = path.join(dir, 'image.txt');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const { code, stdout } = await briefing('inspect', binary, 'seeds/000_8df5f48e4ac51fc5.txt');
    expect(code).toBe(1);
    const [bad, good] = JSON.parse(stdout);
    expect(bad).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/binary file/) });
    expect(good).toMatchObject({ status: 'ok' });
  });

  it('explains its usage', async () => {
    expect(await briefing()).toMatchObject({
      code: 2,
      stdout: expect.stringContaining('Usage: briefing <command>'),
    });
    expect(await briefing('inspect')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('name at least one file'),
    });
    expect(await briefing('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command'),
    });
  });
});
