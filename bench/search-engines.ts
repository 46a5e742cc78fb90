/**
 * `npm run bench:search-engines`: the measurement the search engine was chosen by.
 * MiniSearch, FlexSearch, Orama and the packed index the app uses (compact) each index the same 10,000 Brown-corpus
 * articles (title + body) in a fresh process (so memory figures are not mixed),
 * and report build time, serialized size, load time, query p50/p95 over the 100
 * bench queries, heap held by the loaded index and the cost of updating one article.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { brownParagraphs, makeArticles } from './brown-corpus';
import { benchQueries } from './search-queries';
import { percentile, round } from './stats';
import { engines, type BenchDoc } from './search-engine-adapters';

/** SEARCH_BENCH_ENGINES=minisearch,flexsearch runs only those. */
const engineNames = process.env.SEARCH_BENCH_ENGINES?.split(',') ?? Object.keys(engines);
const childEngine = process.argv[2] === '--engine' ? process.argv[3] : undefined;
const articleCount = Number(process.env.SEARCH_BENCH_ARTICLES ?? 10_000);

function heapMb(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function measure(name: string): Promise<Record<string, number | string>> {
  const engine = engines[name]!;
  const paragraphs = await brownParagraphs();
  const docs: BenchDoc[] = makeArticles(paragraphs, articleCount).map((text, n) => {
    const [title = '', ...rest] = text.split('\n');
    return { id: `a${n}`, title, body: rest.join('\n') };
  });
  const queries = benchQueries(paragraphs).map((query) => query.text.replaceAll('"', ''));

  let start = performance.now();
  const built: { index: unknown } = { index: await engine.build(docs) };
  const buildMs = performance.now() - start;
  start = performance.now();
  const serialized = await engine.serialize(built.index as never);
  const serializeMs = performance.now() - start;
  delete built.index; // so the heap figure below counts only the loaded index

  const heapBefore = heapMb();
  start = performance.now();
  const loaded = await engine.load(serialized);
  const loadMs = performance.now() - start;
  const heapIndex = heapMb() - heapBefore;

  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const began = performance.now();
    hits += (await engine.search(loaded, query)).length > 0 ? 1 : 0;
    times.push(performance.now() - began);
  }
  const updates: number[] = [];
  for (let n = 0; n < 50; n += 1) {
    const doc = docs[(n * 197) % docs.length]!;
    const began = performance.now();
    await engine.update(loaded, { ...doc, body: `${doc.body}\nAn added note ${n}.` });
    updates.push(performance.now() - began);
  }
  return {
    engine: name,
    build_ms: round(buildMs, 0),
    serialize_ms: round(serializeMs, 0),
    serialized_mb: round(serialized.length / 2 ** 20, 1),
    load_ms: round(loadMs, 0),
    heap_mb: round(heapIndex, 0),
    query_p50_ms: round(percentile(times, 50)),
    query_p95_ms: round(percentile(times, 95)),
    queries_with_hits: hits,
    update_p95_ms: round(percentile(updates, 95)),
  };
}

if (childEngine) {
  process.stdout.write(JSON.stringify(await measure(childEngine)));
} else {
  console.log(`${articleCount} Brown-corpus articles, 100 queries, one fresh process per engine`);
  const rows = [];
  for (const name of engineNames) {
    try {
      const output = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=4096',
          '--import',
          'tsx',
          'bench/search-engines.ts',
          '--engine',
          name,
        ],
        { encoding: 'utf8', timeout: 600_000, env: process.env },
      );
      rows.push(JSON.parse(output));
    } catch (error) {
      rows.push({ engine: name, failed: String((error as Error).message).slice(0, 200) });
    }
    console.log(JSON.stringify(rows.at(-1)));
  }
  console.table(rows);
}
