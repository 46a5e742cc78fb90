/**
 * Imports files into the library, one result per file: imported, duplicate
 * (same normalised text as an article already there, or earlier in the same
 * batch) or rejected with the reason. The source of an article whose text
 * file was lost or damaged repairs that file and counts as imported. Nothing already in the library changes
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
  for (const { name, bytes } of files) {
    const prepared = await prepareImport(name, bytes);
    if (!prepared.ok) {
      results.push({ name, status: 'rejected', reason: prepared.reason });
      continue;
    }
    const article = await articleFromText(prepared.raw, {
      format: prepared.format,
      sourceFile: name,
      addedAt: now.toISOString(),
      source: { ...emptySourceMetadata(), ...prepared.source },
    });
    const existing = known.get(article.record.contentKey);
    if (existing) {
      // The source of an article whose text file is damaged or lost repairs it instead of being a duplicate.
      const repaired = store.index().articles.some((record) => record.id === existing.id)
        ? await store.repairArticleText(existing.id, article)
        : false;
      results.push(
        repaired
          ? {
              name,
              status: 'imported',
              articleId: existing.id,
              title: existing.title,
              flagCount: existing.flagCount,
            }
          : { name, status: 'duplicate', articleId: existing.id, title: existing.title },
      );
      continue;
    }
    if (article.cleaned.text.trim() === '') {
      results.push({ name, status: 'rejected', reason: 'nothing is left once site boilerplate is removed' });
      continue;
    }
    known.set(article.record.contentKey, article.record);
    accepted.push(article);
    results.push({
      name,
      status: 'imported',
      articleId: article.record.id,
      title: article.record.title,
      flagCount: article.record.flagCount,
    });
  }
  if (accepted.length > 0) await store.addArticles(accepted);
  return results;
}
