/**
 * `npm run eval:cleaning [-- --json FILE] [-- --corpus DIR] [-- --limit N] [-- --ids A,B]`:
 * runs the app's own cleaning (the code `briefing inspect` runs, `cleanFile`)
 * on the Dragnet dev corpus (real pages with human-marked article text, read in
 * place from shared/corpora/dragnet, never copied here) and prints, for the
 * HTML pages and for their full-page text copies:
 * - body F1: bag of lowercase word tokens of title + dek + body against the gold
 *   text, mean and median, beside baselines (keep every line of the text copy;
 *   Readability alone and Defuddle alone on the HTML);
 * - boilerplate precision and recall at line level (text copies; a line is
 *   article text when it occurs in the gold text, see `goldLineIsContent`);
 * - title accuracy on pages whose gold text starts with the headline;
 * - quality flags per 100 pages, by kind; crashes and rejections.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanFile, type CleanedFile } from '../src/main/cli/clean-file';
import type { CleanedArticle } from '../src/shared/cleaned-article';
import { round } from './stats';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const jsonFile = option('--json');
/** --samples FILE: each page's extractor figures appended as a JSON line as soon as it is done (long runs can be read part-way). */
const samplesFile = option('--samples');
/**
 * --half 0|1: only the pages of one half of the corpus (split by a hash of the
 * page id), for cross-validation: thresholds chosen on one half, checked on the other.
 */
const half = option('--half');
const halfOf = (id: string) => [...id].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % 2;
/** --shard K/N: only every N-th page from the K-th (0-based), to spread a long run over processes. */
const [shardIndex, shardCount] = (option('--shard') ?? '0/1').split('/').map(Number) as [number, number];
const limit = Number(option('--limit') ?? Infinity);
/** --ids A,B,C: only these pages (to finish or repeat part of a long run). */
const onlyIds = option('--ids')?.split(',');
/** --text-only skips the HTML pages; --no-baselines skips Readability and Defuddle alone (quicker runs while working). */
const textOnly = args.includes('--text-only');
/** --baselines-only runs only Readability alone and Defuddle alone on the HTML pages (the extractor comparison). */
const baselinesOnly = args.includes('--baselines-only');
const withBaselines = !args.includes('--no-baselines') && !textOnly;
const corpus =
  option('--corpus') ??
  ['../shared/corpora/dragnet', '../../shared/corpora/dragnet', '/work/shared/corpora/dragnet'].find((dir) =>
    existsSync(dir),
  );
if (!corpus || !existsSync(path.join(corpus, 'gold'))) {
  console.error('eval:cleaning: the Dragnet corpus was not found; pass --corpus DIR');
  process.exit(2);
}

/** Gold files are in mixed encodings: UTF-8 where valid, else Windows-1252. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Dragnet gold files mark where the reader comments start with a line
 * "!@#$%^&*()  COMMENTS"; the article text is what comes before it.
 */
const goldBody = (gold: string) => gold.split(/!@#\$%\^&\*+\(\)/)[0]!;

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function bag(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function f1(predicted: string[], gold: string[]): number {
  if (predicted.length === 0 && gold.length === 0) return 1;
  if (predicted.length === 0 || gold.length === 0) return 0;
  const goldBag = bag(gold);
  let overlap = 0;
  for (const [word, count] of bag(predicted)) overlap += Math.min(count, goldBag.get(word) ?? 0);
  const precision = overlap / predicted.length;
  const recall = overlap / gold.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? 0
    : sorted.length % 2
      ? sorted[middle]!
      : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** What the reader shows as the article: the headline (when found), the dek and the body. */
function articleWords(cleaned: CleanedArticle): string[] {
  const head = cleaned.titleDerived ? '' : cleaned.title;
  return tokens([head, cleaned.dek?.text ?? '', cleaned.text].join('\n'));
}

/**
 * Ground truth for one line of a text copy: article text when its words occur,
 * in order, in the gold text. Lines of under four words must equal a whole gold
 * line, so that "Home" or "Share" are not counted as article text because the
 * word appears somewhere in the story.
 */
function goldLineIsContent(line: string, goldJoined: string, goldLines: Set<string>): boolean {
  const words = tokens(line);
  if (words.length === 0) return false;
  const joined = words.join(' ');
  if (words.length < 4) return goldLines.has(joined);
  return goldJoined.includes(` ${joined} `);
}

/** The source lines the cleaned article keeps in its title, dek or body. */
function keptLines(cleaned: CleanedArticle): Set<number> {
  const kept = new Set<number>();
  if (cleaned.titleLine) kept.add(cleaned.titleLine);
  if (cleaned.dek) kept.add(cleaned.dek.line);
  for (const block of cleaned.blocks) {
    for (const line of block.lines) kept.add(line);
    if (block.kind === 'list') for (const item of block.items) kept.add(item.line);
  }
  return kept;
}

/** The headline when the gold text starts with it: a short first line that the page's <title> or a heading carries. */
function goldHeadline(gold: string, html: string): string | null {
  const first =
    gold
      .split(/\r?\n/)
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const words = tokens(first);
  if (words.length === 0 || words.length > 30 || (/[.!?]$/.test(first) && words.length > 20)) return null;
  const joined = ` ${words.join(' ')} `;
  const titleTag = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  const headings = [...html.matchAll(/<h[1-3][^>]*>([\s\S]{0,600}?)<\/h[1-3]>/gi)].map((match) =>
    match[1]!.replace(/<[^<>]*>/g, ' '),
  );
  const carriers = [titleTag, ...headings].map((text) => ` ${tokens(decodeEntities(text)).join(' ')} `);
  return carriers.some((carrier) => carrier.includes(joined)) ? words.join(' ') : null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(amp|quot|apos|lt|gt|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash);/g, ' ');
}

interface Extracted {
  title: string;
  text: string;
  ms: number;
}

/** Figures for one extractor run alone on the HTML pages. */
interface ExtractorFigures {
  f1: number[];
  ms: number[];
  crashes: number;
  titleChecked: number;
  titleRight: number;
}

const emptyExtractor = (): ExtractorFigures => ({
  f1: [],
  ms: [],
  crashes: 0,
  titleChecked: 0,
  titleRight: 0,
});

function scoreExtractor(
  figures: ExtractorFigures,
  found: Extracted | null,
  goldWords: string[],
  headline: string | null,
) {
  figures.f1.push(found === null ? 0 : f1(tokens(found.text), goldWords));
  if (found === null) figures.crashes += 1;
  else figures.ms.push(found.ms);
  if (headline) {
    figures.titleChecked += 1;
    if (found && tokens(found.title).join(' ') === headline) figures.titleRight += 1;
  }
}

async function baselineExtractors(html: string) {
  const [{ JSDOM, VirtualConsole }, { Readability }, { Defuddle }] = await Promise.all([
    import('jsdom'),
    import('@mozilla/readability'),
    import('defuddle/node'),
  ]);
  // Baselines see the page without <style>, so that they measure extraction, not jsdom's CSS parser.
  const unstyled = html.replace(/<style[\s\S]*?<\/style>/gi, '');
  const quiet = () => new VirtualConsole();
  let readability: Extracted | null;
  let defuddle: Extracted | null;
  // Each timed from the jsdom parse to the extracted text, as the app would run it.
  let start = performance.now();
  try {
    const dom = new JSDOM(unstyled, { url: 'https://import.invalid/', virtualConsole: quiet() });
    const parsed = new Readability(dom.window.document).parse();
    readability = {
      title: parsed?.title ?? '',
      text: [parsed?.title ?? '', parsed?.textContent ?? ''].join('\n'),
      ms: performance.now() - start,
    };
    dom.window.close();
  } catch {
    readability = null;
  }
  start = performance.now();
  try {
    const dom = new JSDOM(unstyled, { url: 'https://import.invalid/', virtualConsole: quiet() });
    const result = await Defuddle(dom, 'https://import.invalid/');
    const container = dom.window.document.createElement('div');
    container.innerHTML = result.content;
    defuddle = {
      title: result.title ?? '',
      text: [result.title ?? '', container.textContent ?? ''].join('\n'),
      ms: performance.now() - start,
    };
    dom.window.close();
  } catch {
    defuddle = null;
  }
  return { readability, defuddle };
}

interface PathFigures {
  f1: number[];
  crashes: string[];
  rejected: string[];
  titleChecked: number;
  titleRight: number;
  flags: Record<string, number>;
  pages: number;
  slowest: { id: string; ms: number };
  removedTrue: number;
  removedAll: number;
  chromeAll: number;
}

const emptyFigures = (): PathFigures => ({
  f1: [],
  crashes: [],
  rejected: [],
  titleChecked: 0,
  titleRight: 0,
  flags: {},
  pages: 0,
  slowest: { id: '', ms: 0 },
  removedTrue: 0,
  removedAll: 0,
  chromeAll: 0,
});

async function cleanTimed(name: string, bytes: Uint8Array, figures: PathFigures, id: string) {
  const start = performance.now();
  const result: CleanedFile = await cleanFile(name, bytes);
  const ms = performance.now() - start;
  if (ms > figures.slowest.ms) figures.slowest = { id, ms };
  figures.pages += 1;
  if (result.status === 'failed') figures.crashes.push(`${id}: ${result.reason}`);
  if (result.status === 'rejected') figures.rejected.push(`${id}: ${result.reason}`);
  return result.status === 'ok' ? result.cleaned : null;
}

function score(
  figures: PathFigures,
  cleaned: CleanedArticle | null,
  goldWords: string[],
  headline: string | null,
) {
  figures.f1.push(cleaned ? f1(articleWords(cleaned), goldWords) : 0);
  if (!cleaned) return;
  for (const flag of cleaned.flags) figures.flags[flag.kind] = (figures.flags[flag.kind] ?? 0) + 1;
  if (headline) {
    figures.titleChecked += 1;
    if (!cleaned.titleDerived && tokens(cleaned.title).join(' ') === headline) figures.titleRight += 1;
  }
}

const ids = readdirSync(path.join(corpus, 'gold'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.replace(/\.txt$/, ''))
  .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
  .slice(0, limit)
  .filter((_, index) => index % shardCount === shardIndex)
  .filter((id) => half === undefined || halfOf(id) === Number(half))
  .filter((id) => onlyIds === undefined || onlyIds.includes(id));

const text = emptyFigures();
const html = emptyFigures();
const keepAll: number[] = [];
const readability = emptyExtractor();
const defuddle = emptyExtractor();
const started = performance.now();

for (const [done, id] of ids.entries()) {
  if (done > 0 && done % 50 === 0) process.stderr.write(`  ${done}/${ids.length} pages\n`);
  const gold = goldBody(decode(readFileSync(path.join(corpus, 'gold', `${id}.txt`))));
  const goldWords = tokens(gold);
  const goldJoined = ` ${goldWords.join(' ')} `;
  const goldLines = new Set(gold.split(/\r?\n/).map((line) => tokens(line).join(' ')));
  const htmlBytes = readFileSync(path.join(corpus, 'html', `${id}.html`));
  const headline = goldHeadline(gold, decode(htmlBytes));

  const textPath = path.join(corpus, 'text', `${id}.txt`);
  if (!baselinesOnly && existsSync(textPath)) {
    const textBytes = readFileSync(textPath);
    const copy = decode(textBytes);
    keepAll.push(f1(tokens(copy), goldWords));
    const cleaned = await cleanTimed(`${id}.txt`, textBytes, text, id);
    score(text, cleaned, goldWords, headline);
    if (cleaned) {
      const kept = keptLines(cleaned);
      copy.split(/\r\n|\r|\n/).forEach((line, index) => {
        if (tokens(line).length === 0) return;
        const chrome = !goldLineIsContent(line, goldJoined, goldLines);
        const removed = !kept.has(index + 1);
        if (chrome) text.chromeAll += 1;
        if (removed) text.removedAll += 1;
        if (chrome && removed) text.removedTrue += 1;
      });
    }
  }

  if (textOnly) continue;
  if (!baselinesOnly) {
    const cleaned = await cleanTimed(`${id}.html`, htmlBytes, html, id);
    score(html, cleaned, goldWords, headline);
  }
  if (!withBaselines) continue;
  const baselines = await baselineExtractors(decode(htmlBytes));
  scoreExtractor(readability, baselines.readability, goldWords, headline);
  scoreExtractor(defuddle, baselines.defuddle, goldWords, headline);
  if (samplesFile) {
    const sample = (found: Extracted | null) =>
      found && {
        f1: f1(tokens(found.text), goldWords),
        ms: found.ms,
        titleRight: headline === null ? null : tokens(found.title).join(' ') === headline,
      };
    appendFileSync(
      samplesFile,
      `${JSON.stringify({ id, readability: sample(baselines.readability), defuddle: sample(baselines.defuddle) })}\n`,
    );
  }
}

const per100 = (figures: PathFigures) =>
  Object.fromEntries(
    Object.entries(figures.flags).map(([kind, count]) => [
      kind,
      round((100 * count) / Math.max(1, figures.pages), 1),
    ]),
  );
const summary = (figures: PathFigures) => ({
  pages: figures.pages,
  f1_mean: round(mean(figures.f1), 3),
  f1_median: round(median(figures.f1), 3),
  crashes: figures.crashes.length,
  rejected: figures.rejected.length,
  title_accuracy: round(figures.titleRight / Math.max(1, figures.titleChecked), 3),
  title_pages: figures.titleChecked,
  flags_per_100_pages: round(
    (100 * Object.values(figures.flags).reduce((sum, count) => sum + count, 0)) / Math.max(1, figures.pages),
    1,
  ),
  flags_per_100_by_kind: per100(figures),
  slowest_page_ms: round(figures.slowest.ms, 0),
  slowest_page: figures.slowest.id,
});

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
};
const extractorSummary = (name: string, figures: ExtractorFigures) => ({
  [`${name}_pages`]: figures.f1.length,
  [`${name}_f1_mean`]: round(mean(figures.f1), 3),
  [`${name}_f1_median`]: round(median(figures.f1), 3),
  [`${name}_crashes`]: figures.crashes,
  [`${name}_title_accuracy`]: round(figures.titleRight / Math.max(1, figures.titleChecked), 3),
  [`${name}_ms_mean`]: round(mean(figures.ms), 0),
  [`${name}_ms_median`]: round(median(figures.ms), 0),
  [`${name}_ms_p95`]: round(percentile(figures.ms, 0.95), 0),
  [`${name}_ms_total`]: round(
    figures.ms.reduce((sum, ms) => sum + ms, 0),
    0,
  ),
});

const report = {
  corpus: path.resolve(corpus),
  text: {
    ...summary(text),
    keep_every_line_f1_mean: round(mean(keepAll), 3),
    keep_every_line_f1_median: round(median(keepAll), 3),
    boilerplate_precision: round(text.removedTrue / Math.max(1, text.removedAll), 3),
    boilerplate_recall: round(text.removedTrue / Math.max(1, text.chromeAll), 3),
  },
  html: {
    ...summary(html),
    ...extractorSummary('readability_alone', readability),
    ...extractorSummary('defuddle_alone', defuddle),
  },
  seconds: round((performance.now() - started) / 1000, 1),
  /** Per-page figures of the extractors alone, so that shards can be merged. */
  samples: { readability, defuddle },
};

console.log(`corpus: ${report.corpus} (${ids.length} pages)`);
for (const [name, figures] of [
  ['text copies', report.text],
  ['HTML pages', report.html],
] as const) {
  console.log(`\n== ${name}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${JSON.stringify(value)}`);
}
for (const [name, figures] of [
  ['text', text],
  ['html', html],
] as const) {
  for (const line of [...figures.crashes, ...figures.rejected].slice(0, 10)) console.log(`  ${name} ${line}`);
}
console.log(`\n${report.seconds} s`);
if (jsonFile) await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
