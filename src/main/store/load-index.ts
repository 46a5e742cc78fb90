/**
 * Loads `library.json` for an opening store: migrates a version-1 file,
 * refuses a newer one, and recovers a damaged or lost one: restored from the
 * newest sound backup (then reconciled with the article files, so articles
 * added since that backup are not lost), or else rebuilt from the article
 * files alone. Every recovery is reported; nothing is silently reset.
 */
import { readdir } from 'node:fs/promises';
import { inspectJsonFile } from './file-inspection';
import { quarantineFile } from './quarantine';
import { findInBackups } from './backups';
import { writeFileDurably } from './durable-write';
import { mapLimited } from './map-limited';
import { libraryVersions } from './migrations/library-versions';
import { migrateLibraryV1 } from './migrations/migrate-library-v1';
import { migrateLibraryV2 } from './migrations/migrate-library-v2';
import type { LibraryV1 } from './migrations/library-v1';
import type { LibraryV2 } from './migrations/library-v2';
import { inspectArticleFile } from './article-versions';
import { emptyLibraryIndex, type ArticleRecord, type LibraryIndex } from './schemas/library-index';
import type { StoreLayout } from './store-layout';
import type { RecoveryEvent } from './recovery-event';
import { StoreUnreadableError } from './store-unreadable-error';

/** The records of every sound article file (damaged ones are left for `readArticle` to report). */
async function recordsFromArticleFiles(layout: StoreLayout): Promise<ArticleRecord[]> {
  const names = (await readdir(layout.articlesDir)).filter((name) => name.endsWith('.json'));
  const found = await mapLimited(names, 32, async (name) => {
    const inspection = await inspectArticleFile(`${layout.articlesDir}/${name}`);
    return inspection.state === 'sound' ? inspection.article.record : null;
  });
  return found
    .filter((record): record is ArticleRecord => record !== null)
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

async function reconcile(index: LibraryIndex, layout: StoreLayout): Promise<LibraryIndex> {
  const known = new Set(index.articles.map((article) => article.id));
  const missing = (await recordsFromArticleFiles(layout)).filter((record) => !known.has(record.id));
  return { ...index, articles: [...index.articles, ...missing] };
}

export async function loadIndex(
  layout: StoreLayout,
  now: Date,
  recovery: RecoveryEvent[],
): Promise<LibraryIndex> {
  const inspection = await inspectJsonFile(layout.libraryFile, libraryVersions);

  if (inspection.state === 'newer') {
    throw new StoreUnreadableError(
      layout.libraryFile,
      `It was written by a newer version of Briefing Reader (schema ${inspection.schemaVersion}; this version reads up to ${libraryVersions.current}). Nothing was changed.`,
    );
  }
  if (inspection.state === 'sound') {
    if (inspection.schemaVersion === 1) return migrateLibraryV1(layout, inspection.data as LibraryV1, now);
    if (inspection.schemaVersion === 2) return migrateLibraryV2(layout, inspection.data as LibraryV2, now);
    return inspection.data as LibraryIndex;
  }

  const articleRecords = await recordsFromArticleFiles(layout);
  if (inspection.state === 'missing' && articleRecords.length === 0) return emptyLibraryIndex();

  const damagedCopy = inspection.state === 'damaged' ? await quarantineFile(layout.libraryFile, now) : null;
  const problem = inspection.state === 'damaged' ? inspection.problem : 'the file was missing';
  const backup = await findInBackups(layout.backupsDir, (snapshot) => snapshot.library);
  let index: LibraryIndex;
  if (backup) {
    index = await reconcile(backup.value, layout);
  } else {
    index = emptyLibraryIndex();
    index.articles = articleRecords;
    // With articles present the seeds were loaded once (and may have been deleted since); with none, seed again.
    index.seeding = articleRecords.length > 0 ? { completedAt: now.toISOString(), files: [] } : null;
  }
  await writeFileDurably(layout.libraryFile, JSON.stringify(index));
  recovery.push({
    file: 'library.json',
    holds: 'the library index (the list of articles and your settings)',
    problem,
    outcome: backup ? 'restored-from-backup' : 'rebuilt-from-articles',
    backupTakenAt: backup?.takenAt ?? null,
    damagedCopy,
  });
  return index;
}
