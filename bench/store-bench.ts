/**
 * Store benchmarks (issue "A store that never loses an annotation"): import
 * throughput against plain read+write of the same bytes, store open time and
 * memory at 10,000 articles, and highlight save latency at 5 and at 10,000 articles.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile, open as openFile } from 'node:fs/promises';
import path from 'node:path';
import { openLibraryStore, type LibraryStore } from '../src/main/store/library-store';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { mapLimited } from '../src/main/store/map-limited';
import type { Highlight } from '../src/main/store/schemas/annotation-shard';
import { brownParagraphs, makeArticles } from './brown-corpus';
import { percentile, round, timed } from './stats';

export interface StoreBenchOptions {
  workDir: string;
  articles: number;
  highlights: number;
  saves: number;
  log: (line: string) => void;
}

function highlightFor(articleId: string, n: number): Highlight {
  const exact = `passage ${n} of ${articleId}`;
  return {
    id: `h-${articleId}-${n}`,
    categoryId: ['key-judgment', 'evidence', 'counterpoint', 'question', 'quote'][n % 5]!,
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: 'some words before the passage ',
      suffix: ' and some words after it',
    },
    position: { type: 'TextPositionSelector', start: 100 + n, end: 100 + n + exact.length },
    rulesVersion: 1,
    note: n % 3 === 0 ? `A note on passage ${n}: why it matters for the briefing.` : '',
    tags: n % 4 === 0 ? ['nato', 'security'] : [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    orphaned: false,
  };
}

async function importFiles(store: LibraryStore, files: string[]): Promise<void> {
  const batch = 500;
  for (let start = 0; start < files.length; start += batch) {
    const slice = files.slice(start, start + batch);
    const texts = await mapLimited(slice, 32, (file) => readFile(file, 'utf8'));
    const addedAt = new Date().toISOString();
    await store.addArticles(
      texts.map((text, i) => articleFromPlainText(text, { sourceFile: path.basename(slice[i]!), addedAt })),
    );
  }
}

async function readAndWriteBytes(files: string[], outDir: string, sync: boolean): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await mapLimited(files, 32, async (file) => {
    const bytes = await readFile(file);
    const target = path.join(outDir, path.basename(file));
    if (!sync) return writeFile(target, bytes);
    const handle = await openFile(target, 'w');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
  });
}

/** Saves `count` new highlights one after another on random articles; returns each save's milliseconds. */
async function saveLatencies(store: LibraryStore, articleIds: string[], count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const articleId = articleIds[Math.floor(Math.random() * articleIds.length)]!;
    const { ms } = await timed(() =>
      store.updateAnnotations(articleId, (shard) =>
        shard.highlights.push(highlightFor(articleId, 1_000_000 + n)),
      ),
    );
    samples.push(ms);
  }
  return samples;
}

async function seedHighlights(store: LibraryStore, articleIds: string[], total: number): Promise<void> {
  const perArticle = Math.ceil(total / articleIds.length);
  await mapLimited(articleIds, 32, (articleId) =>
    store.updateAnnotations(articleId, (shard) => {
      for (let n = 0; n < perArticle; n += 1) shard.highlights.push(highlightFor(articleId, n));
    }),
  );
}

function openInFreshProcess(
  dir: string,
  deferAnnotations = false,
): {
  openMs: number;
  rssMb: number;
  articles: number;
  highlights: number;
} {
  const output = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      'bench/open-store-child.ts',
      dir,
      ...(deferAnnotations ? ['--defer'] : []),
    ],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(output);
}

export async function runStoreBench(options: StoreBenchOptions): Promise<Record<string, number>> {
  const { workDir, log } = options;
  log(`generating ${options.articles} articles from the Brown corpus…`);
  const texts = makeArticles(await brownParagraphs(), options.articles);
  const incoming = path.join(workDir, 'incoming');
  await mkdir(incoming, { recursive: true });
  const files = texts.map((_, n) => path.join(incoming, `article-${String(n).padStart(5, '0')}.txt`));
  await mapLimited(
    files.map((file, n) => [file, texts[n]!] as const),
    32,
    ([file, text]) => writeFile(file, text),
  );
  const totalBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const megabytes = totalBytes / 2 ** 20;

  const bigDir = path.join(workDir, 'store-10k');
  const big = await openLibraryStore({ dir: bigDir });
  log('importing…');
  const importRun = await timed(() => importFiles(big, files));
  const plain = await timed(() => readAndWriteBytes(files, path.join(workDir, 'copy-plain'), false));
  const synced = await timed(() => readAndWriteBytes(files, path.join(workDir, 'copy-fsync'), true));

  log(`adding ${options.highlights} highlights…`);
  const bigIds = big.index().articles.map((article) => article.id);
  await seedHighlights(big, bigIds, options.highlights);
  await big.close();

  log('opening in a fresh process…');
  const opened = openInFreshProcess(bigDir);
  // As the app's start opens it: the files the digest written by the close above describes are left for later.
  const openedAtStart = openInFreshProcess(bigDir, true);
  if (openedAtStart.highlights !== opened.highlights)
    throw new Error(
      `The digest counted ${openedAtStart.highlights} highlights, the files ${opened.highlights}.`,
    );

  log('measuring save latency at 10,000 articles…');
  const bigAgain = await openLibraryStore({ dir: bigDir });
  await bigAgain.flush();
  const bigSaves = await saveLatencies(bigAgain, bigIds, options.saves);
  await bigAgain.close();

  log('measuring save latency at 5 articles…');
  const smallDir = path.join(workDir, 'store-5');
  const small = await openLibraryStore({ dir: smallDir });
  await importFiles(small, files.slice(0, 5));
  const smallIds = small.index().articles.map((article) => article.id);
  await seedHighlights(small, smallIds, Math.round((options.highlights / options.articles) * 5));
  await small.flush();
  const smallSaves = await saveLatencies(small, smallIds, options.saves);
  await small.close();

  const importSeconds = importRun.ms / 1000;
  return {
    articles_count: options.articles,
    highlights_count: opened.highlights,
    corpus_mb: round(megabytes),
    import_articles_per_s: round(options.articles / importSeconds, 0),
    import_mb_per_s: round(megabytes / importSeconds),
    import_total_s: round(importSeconds),
    plain_read_write_s: round(plain.ms / 1000),
    plain_read_write_mb_per_s: round(megabytes / (plain.ms / 1000)),
    fsync_read_write_s: round(synced.ms / 1000),
    open_ms_10k: round(opened.openMs, 1),
    open_app_start_ms_10k: round(openedAtStart.openMs, 1),
    open_app_start_rss_mb_10k: round(openedAtStart.rssMb, 1),
    open_rss_mb_10k: round(opened.rssMb, 1),
    save_p50_ms_5: round(percentile(smallSaves, 50)),
    save_p95_ms_5: round(percentile(smallSaves, 95)),
    save_p50_ms_10k: round(percentile(bigSaves, 50)),
    save_p95_ms_10k: round(percentile(bigSaves, 95)),
    save_p95_ratio_10k_to_5: round(percentile(bigSaves, 95) / percentile(smallSaves, 95)),
    store_files_10k:
      (await readdir(path.join(bigDir, 'annotations'))).length +
      (await readdir(path.join(bigDir, 'articles'))).length,
  };
}
