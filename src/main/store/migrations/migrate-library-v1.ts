/**
 * Migrates a version-1 library (one file holding every article's text) to the
 * current layout: each article to `articles/<id>.json` (cleaned), the index to
 * a current `library.json`. A copy of the original is kept first, as
 * `library.json.pre-migration-v1-<time>`.
 *
 * Safe to interrupt: the version-1 file is replaced last, by an atomic rename,
 * so a crash part-way leaves it in place and the next start migrates again.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { recleanArticle } from '../../articles/article-from-text';
import { syncDirectory, writeFileDurably, writeFilesDurably } from '../durable-write';
import { fileStamp } from '../quarantine';
import { upgradeRecord } from '../article-versions';
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

  const articles = await Promise.all(
    legacy.articles.map(({ rawText, paragraphs: _paragraphs, ...record }) =>
      recleanArticle(upgradeRecord(record), rawText),
    ),
  );
  await writeFilesDurably(
    articles.map((article) => ({
      file: layout.articleFile(article.record.id),
      content: JSON.stringify(article),
    })),
  );
  const index: LibraryIndex = {
    schemaVersion: libraryIndexVersion,
    articles: articles.map((article) => article.record),
    seeding: legacy.seeding,
    settings: legacy.settings,
    stories: [],
  };
  await writeFileDurably(layout.libraryFile, JSON.stringify(index));
  return index;
}
