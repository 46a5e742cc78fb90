/**
 * One file through the app's import checks, conversion and cleaning, exactly
 * as the import worker does it (`convertInput`), but in this thread: the
 * cleaning evaluation runs hundreds of pages and needs no isolation. A
 * failure inside conversion or cleaning becomes a result for that file, never
 * an exception that stops a batch.
 */
import type { CleanedArticle } from '../../shared/cleaned-article';
import { convertInput } from '../importing/convert-input';

export type CleanedFile =
  | { status: 'ok'; cleaned: CleanedArticle }
  | { status: 'rejected'; reason: string }
  | { status: 'failed'; reason: string };

export async function cleanFile(name: string, bytes: Uint8Array): Promise<CleanedFile> {
  try {
    const converted = await convertInput({ kind: 'file', name, bytes }, new Date().toISOString());
    if (!converted.ok) return { status: 'rejected', reason: converted.reason };
    return { status: 'ok', cleaned: converted.article.cleaned };
  } catch (error) {
    return {
      status: 'failed',
      reason: `it could not be cleaned (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
