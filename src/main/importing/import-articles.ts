/**
 * Imports files into the library, one result per file: imported, duplicate
 * (same normalised text as an article already there, or earlier in the same
 * batch) or rejected with the reason. Nothing already in the library changes
 * unless a file is imported, and a failure on one file never stops the others.
 */
import { articleFromText } from '../articles/article-from-text';
import type { LibraryStore } from '../store/library-store';
import { emptySourceMetadata } from '../store/schemas/library-index';
import type { ArticleFile } from '../store/schemas/article-file';
import { prepareImport } from './prepare-import';

export type ImportResult =
  | { name: string; status: 'imported'; articleId: string; title: string; flagCount: number }
  | { name: string; status: 'duplicate'; articleId: string; title: string }
  | { name: string; status: 'rejected'; reason: string };

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export async function importArticles(
  store: LibraryStore,
  files: ImportFile[],
  now: Date,
): Promise<ImportResult[]> {
  const known = new Map(store.index().articles.map((record) => [record.contentKey, record]));
  const results: ImportResult[] = [];
  const accepted: ArticleFile[] = [];
  const importOne = async (name: string, bytes: Uint8Array): Promise<ImportResult> => {
    const prepared = await prepareImport(name, bytes);
    if (!prepared.ok) {
      return { name, status: 'rejected', reason: prepared.reason };
    }
    const article = await articleFromText(prepared.raw, {
      format: prepared.format,
      lines: prepared.lines,
      sourceFile: name,
      addedAt: now.toISOString(),
      source: { ...emptySourceMetadata(), ...prepared.source },
    });
    const existing = known.get(article.record.contentKey);
    if (existing) {
      return { name, status: 'duplicate', articleId: existing.id, title: existing.title };
    }
    if (article.cleaned.text.trim() === '') {
      return { name, status: 'rejected', reason: 'nothing is left once site boilerplate is removed' };
    }
    known.set(article.record.contentKey, article.record);
    accepted.push(article);
    return {
      name,
      status: 'imported',
      articleId: article.record.id,
      title: article.record.title,
      flagCount: article.record.flagCount,
    };
  };
  for (const { name, bytes } of files) {
    let result: ImportResult;
    try {
      result = await importOne(name, bytes);
    } catch (error) {
      // One file's failure (a converter bug, a page no parser copes with) is that file's result, not the batch's.
      const why = error instanceof Error ? error.message : String(error);
      result = { name, status: 'rejected', reason: `it could not be read as an article (${why})` };
    }
    results.push(result);
  }
  if (accepted.length > 0) await store.addArticles(accepted);
  return results;
}
