/**
 * The import worker thread's entry: converts and cleans one input at a time
 * for the main thread (`conversion-worker.ts`), and checks stored article
 * files (reading, validating and, for older cleaning rules, re-cleaning them),
 * so none of that work holds up the main thread. It holds no state between
 * jobs; when a job runs past its time or memory budget the main thread ends
 * this thread and starts a fresh one.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { convertInput } from './convert-input';
import { articleFileSchema, type ArticleFile } from '../store/schemas/article-file';
import { inspectArticleFile } from '../store/article-versions';
import type { Conversion, ImportInput, PreparedArticle, PreparedConversion } from './import-input';

export type WorkerJob =
  | { id: number; kind: 'convert'; input: ImportInput; addedAt: string }
  | { id: number; kind: 'inspect-article'; file: string };

/** What checking a stored article file found; `prepared` when it was re-cleaned and must be saved. */
export type ArticleCheck =
  | { ok: true; state: 'sound'; prepared: PreparedArticle | null }
  | { ok: true; state: 'missing' | 'newer' }
  | { ok: true; state: 'damaged'; problem: string }
  | { ok: false; reason: string };

export type WorkerResult = PreparedConversion | ArticleCheck;
export interface WorkerReply {
  id: number;
  result: WorkerResult;
}

const encoder = new TextEncoder();
const preparedArticle = (article: ArticleFile): PreparedArticle => ({
  record: article.record,
  content: encoder.encode(JSON.stringify(article)),
  bodyBlank: article.cleaned.text.trim() === '',
});

/** Checks the article here and sends it as one string (see `PreparedArticle`). */
function prepare(conversion: Conversion): PreparedConversion {
  if (!conversion.ok) return conversion;
  return {
    ok: true,
    prepared: preparedArticle(articleFileSchema.parse(conversion.article)),
    encoding: conversion.encoding,
    format: conversion.format,
  };
}

async function checkArticle(file: string): Promise<ArticleCheck> {
  const inspection = await inspectArticleFile(file);
  if (inspection.state !== 'sound') return { ok: true, ...inspection };
  const prepared = inspection.upgraded ? preparedArticle(articleFileSchema.parse(inspection.article)) : null;
  return { ok: true, state: 'sound', prepared };
}

const transferList = (result: WorkerResult): ArrayBuffer[] =>
  'prepared' in result && result.prepared ? [result.prepared.content.buffer as ArrayBuffer] : [];

function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'its structure is nested too deeply to read';
  return `it could not be converted (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
}

/**
 * On Linux a thread has its own nice value: this thread asks for a lower one (10), so on a busy machine
 * the main thread (saves, every other request) gets the CPU first. Elsewhere this is skipped.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not Linux, or not permitted: the thread keeps the process's priority.
  }
}

lowerThreadPriority();
const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');
port.on('message', (job: WorkerJob | 'warm') => {
  if (job === 'warm') {
    // Load the HTML libraries ahead of the first import (the module cache keeps them).
    void Promise.all([import('jsdom'), import('@mozilla/readability')]).catch(() => undefined);
    return;
  }
  const work: Promise<WorkerResult> =
    job.kind === 'convert' ? convertInput(job.input, job.addedAt).then(prepare) : checkArticle(job.file);
  work
    .catch((error: unknown): WorkerResult => ({ ok: false, reason: describeFailure(error) }))
    .then((result) => port.postMessage({ id: job.id, result } satisfies WorkerReply, transferList(result)));
});
port.postMessage('ready');
