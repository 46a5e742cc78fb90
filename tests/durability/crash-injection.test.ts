/**
 * Crash injection: a child process writes highlights and notes through the real
 * store module and reports each write it was told is saved; the test kills it
 * with SIGKILL at a random moment, at least 200 times (bounded in count and
 * time), reopens the store each time, and checks that it opens without needing
 * any repair and contains every reported write: highlights and notes, and the
 * library index's changes (imports, titles, stories), which go through the
 * index journal, its cut-short last records and its compactions.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLibraryStore } from '../../src/main/store/library-store';

const kills = 200;
const timeBudgetMs = 300_000;
/** A fresh store every so many kills, so shards stay the size real use gives them. */
const killsPerStore = 25;

let workDir: string;
let childScript: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'briefing-crash-'));
  await mkdir(path.resolve('node_modules/.tmp'), { recursive: true });
  // Bundled inside the project so its dependencies (left external, as in the app) resolve from node_modules.
  const bundleDir = await mkdtemp(path.resolve('node_modules/.tmp/crash-writer-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.resolve('tests/durability/crash-writer.ts'),
      outDir: bundleDir,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'crash-writer.mjs' } },
      ssrEmitAssets: false,
    },
  });
  childScript = path.join(bundleDir, 'crash-writer.mjs');
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  await rm(path.dirname(childScript), { recursive: true, force: true });
});

interface RunResult {
  lines: string[];
  signal: NodeJS.Signals | null;
}

/** Starts the writer, kills it a random 0–40 ms after its first saved write, and returns what it reported. */
function runAndKill(storeDir: string, run: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, storeDir, String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let scheduled = false;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!scheduled && /\n(highlight|note) /.test(`\n${output}`)) {
        scheduled = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(watchdog);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (${signal}): ${errors}`));
      else resolve({ lines: output.split('\n').slice(0, -1), signal });
    });
  });
}

it(
  `every write reported as saved survives ${kills} SIGKILLs at random moments`,
  async () => {
    const started = Date.now();
    let storeDir = '';
    let killed = 0;
    let verifiedWrites = 0;

    while (killed < kills && Date.now() - started < timeBudgetMs) {
      if (killed % killsPerStore === 0) storeDir = path.join(workDir, `store-${killed}`);
      const { lines } = await runAndKill(storeDir, killed);
      killed += 1;

      const store = await openLibraryStore({ dir: storeDir, backups: false });
      try {
        expect(store.recovery, `run ${killed}: the store needed repair`).toEqual([]);
        const latestNote = new Map<string, number>();
        const latestTitle = new Map<string, number>();
        let latestStory = -1;
        const ids = new Set(store.index().articles.map((record) => record.id));
        for (const line of lines) {
          const [kind, articleId, ...rest] = line.split(' ');
          if (kind === 'highlight') {
            const ids = store.annotations(articleId!).highlights.map((h) => h.id);
            expect(ids, `run ${killed}: lost ${line}`).toContain(rest[0]);
            verifiedWrites += 1;
          } else if (kind === 'note') {
            latestNote.set(articleId!, Math.max(latestNote.get(articleId!) ?? -1, Number(rest[1])));
          } else if (kind === 'article') {
            expect(ids.has(articleId!), `run ${killed}: lost ${line}`).toBe(true);
            verifiedWrites += 1;
          } else if (kind === 'title') {
            latestTitle.set(articleId!, Math.max(latestTitle.get(articleId!) ?? -1, Number(rest[1])));
          } else if (kind === 'story') {
            latestStory = Math.max(latestStory, Number(rest[0]));
          }
        }
        for (const [articleId, n] of latestTitle) {
          const record = store.index().articles.find((candidate) => candidate.id === articleId);
          const [run, k] = (record?.title ?? '-1 -1').split(' ').map(Number);
          expect(run, `run ${killed}: title of ${articleId} from another run`).toBe(killed - 1);
          expect(
            k!,
            `run ${killed}: title of ${articleId} older than the last reported`,
          ).toBeGreaterThanOrEqual(n);
          verifiedWrites += 1;
        }
        if (latestStory >= 0) {
          const [run, k] = (store.index().stories[0]?.name ?? '-1 -1').split(' ').map(Number);
          expect(run, `run ${killed}: stories from another run`).toBe(killed - 1);
          expect(k!, `run ${killed}: stories older than the last reported`).toBeGreaterThanOrEqual(
            latestStory,
          );
          verifiedWrites += 1;
        }
        for (const [articleId, n] of latestNote) {
          const [run, k] = (store.annotations(articleId).articleNote?.text ?? '-1 -1').split(' ').map(Number);
          expect(run, `run ${killed}: note of ${articleId} from another run`).toBe(killed - 1);
          expect(
            k!,
            `run ${killed}: note of ${articleId} older than the last one reported saved`,
          ).toBeGreaterThanOrEqual(n);
          verifiedWrites += 1;
        }
      } finally {
        await store.close();
      }
    }

    console.log(
      `crash injection: ${killed} kills, ${verifiedWrites} reported writes verified, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(killed).toBeGreaterThanOrEqual(kills);
    expect(verifiedWrites).toBeGreaterThan(kills);
  },
  timeBudgetMs + 60_000,
);
