/**
 * Imports inputs (files, fetched pages, the clipboard) into the library, one
 * result per input: imported, duplicate (same address or same normalised text
 * as an article already there, or earlier in the same batch) or rejected with
 * the reason. Conversion and cleaning run in the worker thread; only the
 * duplicate check and the store write (shared with imports running at the
 * same time, `import-writes.ts`) happen here. The source of an article
 * whose text file was lost or damaged repairs that file and counts as
 * imported. Nothing already in the library changes unless an input is
 * imported, and a failure on one input never stops the others.
 */
import type { LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';
import { convertInWorker, inspectArticleInWorker } from './conversion-worker';
import { parsePrepared, type ImportInput, type PreparedArticle, type SourceKind } from './import-input';
import type { InputFormat } from './import-limits';
import { unwrittenArticles, writeImported } from './import-writes';

/** How an input was read: its format and, for text, the encoding it was decoded from. */
interface ReadAs {
  format?: InputFormat;
  encoding?: string | null;
  sourceKind?: SourceKind;
}

export type ImportResult =
  | ({ name: string; status: 'imported'; articleId: string; title: string; flagCount: number } & ReadAs)
  | ({ name: string; status: 'duplicate'; articleId: string; title: string } & ReadAs)
  | { name: string; status: 'rejected'; reason: string };

/** A file's name and bytes; the kind of source and a known format or address may come with it. */
export type ImportFile = Pick<ImportInput, 'name' | 'bytes'> & Partial<ImportInput>;

/** The detailed outcome the command line prints (the article itself, when imported, as the worker sent it). */
export type DetailedImportResult = ImportResult & { prepared?: PreparedArticle };

export function normalisedUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return null;
  }
}

interface DuplicateLookup {
  articles: readonly ArticleRecord[];
  byContent: Map<string, ArticleRecord>;
  byUrl: Map<string, ArticleRecord>;
}
let lookup: DuplicateLookup | null = null;

/**
 * The library's records by content key and by address, kept between imports: when the index has
 * only grown since (the same records first, as after an import), only the new ones are added, so
 * an import into 10,000 articles does not rebuild both maps for every file.
 */
function duplicateLookup(articles: readonly ArticleRecord[]): DuplicateLookup {
  const previous = lookup;
  let kept = 0;
  if (previous !== null && articles.length >= previous.articles.length)
    while (kept < previous.articles.length && articles[kept] === previous.articles[kept]) kept += 1;
  const grown = previous !== null && kept === previous.articles.length;
  const byContent = grown ? previous.byContent : new Map<string, ArticleRecord>();
  const byUrl = grown ? previous.byUrl : new Map<string, ArticleRecord>();
  for (const record of articles.slice(grown ? previous.articles.length : 0)) {
    byContent.set(record.contentKey, record);
    const url = normalisedUrl(record.source.url);
    if (url) byUrl.set(url, record);
  }
  lookup = { articles, byContent, byUrl };
  return lookup;
}

export async function importDetailed(
  store: LibraryStore,
  files: ImportFile[],
  now: Date,
  signal?: AbortSignal,
): Promise<DetailedImportResult[]> {
  // Looked up afresh at each check: imports running at the same time write while this one waits.
  const library = () => duplicateLookup(store.index().articles);
  // This batch's own imports, so a file repeated within it is a duplicate too.
  const batchContent = new Map<string, ArticleRecord>();
  const batchUrl = new Map<string, ArticleRecord>();
  // And the articles other imports running now have accepted but not yet written.
  const unwritten = unwrittenArticles(store);
  const byContent = {
    get: (key: string) =>
      batchContent.get(key) ?? unwritten.byContent.get(key) ?? library().byContent.get(key),
  };
  const byUrl = {
    get: (url: string) => batchUrl.get(url) ?? unwritten.byUrl.get(url) ?? library().byUrl.get(url),
  };
  const results: DetailedImportResult[] = [];
  const accepted: PreparedArticle[] = [];
  const inputs = files.map((file): ImportInput => ({ kind: 'file', ...file }));
  const knownAddress = (input: ImportInput) => {
    const address = normalisedUrl(input.kind === 'url' ? input.url : null);
    return address ? library().byUrl.get(address) : undefined;
  };
  // Every conversion is asked for at once, so the conversion process always has the next file
  // waiting; the results are taken in order, so duplicates within the batch are found as before.
  const conversions = inputs.map((input) =>
    knownAddress(input) ? null : convertInWorker(input, now.toISOString(), signal),
  );
  for (const [index, input] of inputs.entries()) {
    const { name } = input;
    const address = normalisedUrl(input.kind === 'url' ? input.url : null);
    const sameAddress = address ? byUrl.get(address) : undefined;
    if (sameAddress) {
      results.push({
        name,
        status: 'duplicate',
        articleId: sameAddress.id,
        title: sameAddress.title,
        sourceKind: input.kind,
      });
      continue;
    }
    const conversion = await (conversions[index] ?? convertInWorker(input, now.toISOString(), signal));
    if (!conversion.ok) {
      results.push({ name, status: 'rejected', reason: conversion.reason });
      continue;
    }
    const { prepared, encoding, format } = conversion;
    const { record } = prepared;
    const readAs: ReadAs = { format, encoding, sourceKind: input.kind };
    const existing = byUrl.get(normalisedUrl(record.source.url) ?? '') ?? byContent.get(record.contentKey);
    if (existing) {
      // The source of an article whose text file is damaged or lost repairs it instead of being a duplicate.
      // Whether its file is sound is read in the worker: a large article is not parsed here.
      const check = store.index().articles.some((candidate) => candidate.id === existing.id)
        ? await inspectArticleInWorker(store.layout.articleFile(existing.id))
        : null;
      const repairable =
        check !== null && (!check.ok || check.state === 'missing' || check.state === 'damaged');
      const repaired = repairable
        ? await store.repairArticleText(existing.id, parsePrepared(prepared))
        : false;
      results.push(
        repaired
          ? {
              name,
              status: 'imported',
              articleId: existing.id,
              title: existing.title,
              flagCount: existing.flagCount,
              ...readAs,
            }
          : { name, status: 'duplicate', articleId: existing.id, title: existing.title, ...readAs },
      );
      continue;
    }
    if (prepared.bodyBlank) {
      results.push({ name, status: 'rejected', reason: 'nothing is left once site boilerplate is removed' });
      continue;
    }
    batchContent.set(record.contentKey, record);
    const url = normalisedUrl(record.source.url);
    if (url) batchUrl.set(url, record);
    accepted.push(prepared);
    results.push({
      name,
      status: 'imported',
      articleId: record.id,
      title: record.title,
      flagCount: record.flagCount,
      ...readAs,
      prepared,
    });
  }
  if (accepted.length > 0) await writeImported(store, accepted, (record) => normalisedUrl(record.source.url));
  return results;
}

/** The results as the app shows them (without the article bodies). */
export async function importArticles(
  store: LibraryStore,
  files: ImportFile[],
  now: Date,
  signal?: AbortSignal,
): Promise<ImportResult[]> {
  const detailed = await importDetailed(store, files, now, signal);
  return detailed.map(({ prepared: _prepared, ...result }) => result as ImportResult);
}
