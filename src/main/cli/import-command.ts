/**
 * `briefing import --db DIR [--allow-local] [--json] INPUT...`: imports files
 * and web addresses into a library through the app's own pipeline (the worker
 * thread, the fetch rules, the duplicate check, the store and its lock). One
 * result per input, in input order; with --json an array of
 * { input, status: imported|duplicate|failed, reason?, articleId?, format,
 * encoding, sourceKind, article } where `article` has the shape `briefing
 * inspect` prints. The exit code is 1 when any input failed.
 */
import { importDetailed, type DetailedImportResult } from '../importing/import-articles';
import { importAddress } from '../importing/import-sources';
import { parsePrepared } from '../importing/import-input';
import { readImportFile } from '../importing/read-import-file';
import { stopImportWorker } from '../importing/conversion-worker';
import { openLibraryStore, type LibraryStore } from '../store/library-store';
import { describeArticle } from './inspect';

export class UsageError extends Error {}

interface ImportArguments {
  db: string;
  allowLocal: boolean;
  json: boolean;
  inputs: string[];
}

export function parseImportArguments(args: string[]): ImportArguments {
  const parsed: ImportArguments = { db: '', allowLocal: false, json: false, inputs: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--db') parsed.db = args[(i += 1)] ?? '';
    else if (arg.startsWith('--db=')) parsed.db = arg.slice(5);
    else if (arg === '--allow-local') parsed.allowLocal = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--') {
      parsed.inputs.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else parsed.inputs.push(arg);
  }
  if (!parsed.db) throw new UsageError('import needs --db DIR');
  if (parsed.inputs.length === 0) throw new UsageError('import needs at least one file or http(s) address');
  return parsed;
}

const isAddress = (input: string) =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(input) || /^(data|javascript|mailto):/i.test(input);

async function importOne(
  store: LibraryStore,
  input: string,
  allowLocal: boolean,
): Promise<DetailedImportResult> {
  const now = new Date();
  if (isAddress(input)) return importAddress(store, input, { now, allowLocalAddresses: allowLocal });
  const read = await readImportFile(input);
  if (!read.ok) return { name: read.name, status: 'rejected', reason: read.reason };
  const [result] = await importDetailed(store, [{ name: read.name, bytes: read.bytes, kind: 'file' }], now);
  return result!;
}

async function report(store: LibraryStore, input: string, result: DetailedImportResult) {
  if (result.status === 'rejected') return { input, status: 'failed' as const, reason: result.reason };
  const { status, articleId, format, encoding, sourceKind } = result;
  const article = result.prepared
    ? parsePrepared(result.prepared)
    : await store.readArticle(articleId).catch(() => null);
  return {
    input,
    status,
    ...(status === 'duplicate' ? { reason: 'already in the library' } : {}),
    articleId,
    format: format ?? null,
    encoding: encoding ?? null,
    sourceKind: sourceKind ?? null,
    article: article ? describeArticle(article) : null,
  };
}

export async function runImport(args: ImportArguments, out: (text: string) => void): Promise<number> {
  const store = await openLibraryStore({ dir: args.db, backups: false });
  const reports: Awaited<ReturnType<typeof report>>[] = [];
  try {
    for (const input of args.inputs) {
      const result = await importOne(store, input, args.allowLocal);
      const entry = await report(store, input, result);
      reports.push(entry);
      if (!args.json) {
        const detail =
          entry.status === 'failed'
            ? entry.reason
            : `${String(entry.article?.['title'] ?? '')}${entry.encoding ? ` (${entry.encoding})` : ''}`;
        out(`${entry.status.padEnd(9)} ${input}: ${detail}\n`);
      }
    }
  } finally {
    stopImportWorker();
    await store.close();
  }
  if (args.json) out(`${JSON.stringify(reports, null, 2)}\n`);
  return reports.some((entry) => entry.status === 'failed') ? 1 : 0;
}
