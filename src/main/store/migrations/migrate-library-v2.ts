/**
 * Migrates a version-2 library (index without source metadata, version-1
 * article files with plain paragraphs) to the current one: every article is
 * cleaned from its raw text and rewritten, and the index gains the new fields.
 * Copies of the pre-migration files are kept: `library.json.pre-migration-v2-<time>`
 * and, for the article files, `pre-migration-v2-<time>/articles/`.
 *
 * Safe to interrupt: the version-2 index is replaced last, and a re-run copies
 * an article file aside only if no copy exists yet and accepts article files
 * that are already current.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeFileDurably, writeFilesDurably } from '../durable-write';
import { fileStamp } from '../quarantine';
import { inspectArticleFile, upgradeRecord } from '../article-versions';
import { libraryIndexVersion, type LibraryIndex } from '../schemas/library-index';
import type { ArticleFile } from '../schemas/article-file';
import type { StoreLayout } from '../store-layout';
import type { LibraryV2 } from './library-v2';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function copyAsideOnce(dir: string, file: string, stamp: string): Promise<void> {
  const existing = (await readdir(dir).catch(() => [] as string[])).find((name) =>
    name.startsWith('pre-migration-v2-'),
  );
  const asideDir = path.join(dir, existing ?? `pre-migration-v2-${stamp}`, path.basename(path.dirname(file)));
  const aside = path.join(asideDir, path.basename(file));
  if (await exists(aside)) return;
  await mkdir(asideDir, { recursive: true });
  await copyFile(file, aside);
}

export async function migrateLibraryV2(
  layout: StoreLayout,
  legacy: LibraryV2,
  now: Date,
): Promise<LibraryIndex> {
  const stamp = fileStamp(now);
  await copyFile(layout.libraryFile, `${layout.libraryFile}.pre-migration-v2-${stamp}`);

  const articles: ArticleFile[] = [];
  for (const record of legacy.articles) {
    const file = layout.articleFile(record.id);
    const inspection = await inspectArticleFile(file);
    if (inspection.state !== 'sound') continue;
    if (inspection.upgraded) await copyAsideOnce(layout.dir, file, stamp);
    articles.push(inspection.article);
  }
  await syncDirectory(layout.dir);
  await writeFilesDurably(
    articles.map((article) => ({
      file: layout.articleFile(article.record.id),
      content: JSON.stringify(article),
    })),
  );
  const recordsById = new Map(articles.map((article) => [article.record.id, article.record]));
  const index: LibraryIndex = {
    schemaVersion: libraryIndexVersion,
    // An article whose file is missing or damaged keeps its record, so `readArticle` can report it.
    articles: legacy.articles.map((record) => recordsById.get(record.id) ?? upgradeRecord(record)),
    seeding: legacy.seeding,
    settings: legacy.settings,
    stories: [],
  };
  await writeFileDurably(layout.libraryFile, JSON.stringify(index));
  return index;
}
