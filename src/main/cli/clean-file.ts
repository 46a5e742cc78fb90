/**
 * One file through the app's import checks and cleaning, exactly as an import
 * does it: the code `briefing inspect` and the cleaning evaluation share. A
 * failure inside cleaning becomes a result for that file, never an exception
 * that stops a batch.
 */
import { cleanArticle } from '../cleaning/clean-article';
import type { CleanedArticle } from '../../shared/cleaned-article';
import { prepareImport, type PreparedImport } from '../importing/prepare-import';
import { sourceToLines } from '../importing/source-format';

export type CleanedFile =
  | { status: 'ok'; prepared: Extract<PreparedImport, { ok: true }>; cleaned: CleanedArticle }
  | { status: 'rejected'; reason: string }
  | { status: 'failed'; reason: string };

export async function cleanFile(name: string, bytes: Uint8Array): Promise<CleanedFile> {
  try {
    const prepared = await prepareImport(name, bytes);
    if (!prepared.ok) return { status: 'rejected', reason: prepared.reason };
    const lines = prepared.lines ?? (await sourceToLines(prepared.raw, prepared.format));
    return {
      status: 'ok',
      prepared,
      cleaned: cleanArticle(lines, { extracted: prepared.format === 'html' }),
    };
  } catch (error) {
    return {
      status: 'failed',
      reason: `it could not be cleaned (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
