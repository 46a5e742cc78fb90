/**
 * Migrates a version-1 library (one file holding every article's text) to the
 * split layout: each article's text to `articles/<id>.json`, the index to a
 * version-2 `library.json`. A copy of the original is kept first, as
 * `library.json.pre-migration-v1-<time>`.
 *
 * Safe to interrupt: the version-1 file is replaced last, by an atomic rename,
 * so a crash part-way leaves it in place and the next start migrates again.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeFileDurably, writeFilesDurably } from '../durable-write';
import { fileStamp } from '../quarantine';
import { articleFileVersion, type ArticleFile } from '../schemas/article-file';
import { libraryIndexVersion, type LibraryIndex } from '../schemas/library-index';
import type { StoreLayout } from '../store-layout';
import type { LibraryV1 } from './library-v1';

export async function migrateLibraryV1(
  layout: StoreLayout,
  legacy: LibraryV1,
  now: Date,
): Promise<LibraryIndex> {
  const keptCopy = `${layout.libraryFile}.pre-migration-v1-${fileStamp(now)}`;
  await copyFile(layout.libraryFile, keptCopy);
  await syncDirectory(path.dirname(keptCopy));

  const index: LibraryIndex = {
    schemaVersion: libraryIndexVersion,
    articles: [],
    seeding: legacy.seeding,
    settings: legacy.settings,
  };
  const files = legacy.articles.map(({ rawText, paragraphs, ...record }) => {
    index.articles.push(record);
    const article: ArticleFile = { schemaVersion: articleFileVersion, record, rawText, paragraphs };
    return { file: layout.articleFile(record.id), content: JSON.stringify(article) };
  });
  await writeFilesDurably(files);
  await writeFileDurably(layout.libraryFile, JSON.stringify(index));
  return index;
}
