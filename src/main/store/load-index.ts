/**
 * Loads `library.json` for an opening store: migrates an older file, refuses a
 * newer one, and recovers a damaged or lost one: restored from the newest
 * sound backup (then reconciled with the article files, so articles added
 * since that backup are not lost), or else rebuilt from the article files
 * alone. Every recovery is reported; nothing is silently reset. The repair is
 * interrupt-safe (see `repair-file.ts`).
 */
import { inspectJsonFile } from './file-inspection';
import { repairFile } from './repair-file';
import { writeFileDurably } from './durable-write';
import { mapLimited } from './map-limited';
import { storeFs } from './store-fs';
import { libraryVersions } from './migrations/library-versions';
import { migrateLibraryV1 } from './migrations/migrate-library-v1';
import { migrateLibraryV2 } from './migrations/migrate-library-v2';
import { migrateLibraryV3 } from './migrations/migrate-library-v3';
import type { LibraryV1 } from './migrations/library-v1';
import type { LibraryV2 } from './migrations/library-v2';
import type { LibraryV3 } from './migrations/library-v3';
import { inspectArticleFile } from './article-versions';
import { cleaningRulesVersion } from '../cleaning/rules-version';
import { emptyLibraryIndex, type ArticleRecord, type LibraryIndex } from './schemas/library-index';
import type { StoreLayout } from './store-layout';
import type { OpenContext } from './open-context';
import { StoreUnreadableError } from './store-unreadable-error';

/** The records of every sound article file (damaged ones are left for `readArticle` to report). */
async function recordsFromArticleFiles(layout: StoreLayout): Promise<ArticleRecord[]> {
  const names = (
    await storeFs.readdir(layout.articlesDir).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [] as string[];
      throw error;
    })
  ).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
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

export async function loadIndex(context: OpenContext): Promise<LibraryIndex> {
  const { layout, now } = context;
  const inspection = await inspectJsonFile(layout.libraryFile, libraryVersions);

  if (inspection.state === 'newer') {
    throw new StoreUnreadableError(
      layout.libraryFile,
      `It was written by a newer version of Briefing Reader (schema ${inspection.schemaVersion}; this version reads up to ${libraryVersions.current}). Nothing was changed.`,
    );
  }
  if (inspection.state === 'sound') {
    if (inspection.schemaVersion !== libraryVersions.current && context.readOnly) {
      throw new StoreUnreadableError(
        layout.libraryFile,
        `It was written by an older version of Briefing Reader (schema ${inspection.schemaVersion}) and must be upgraded first: open it once in the app. Nothing was changed.`,
      );
    }
    if (inspection.schemaVersion === 1) return migrateLibraryV1(layout, inspection.data as LibraryV1, now);
    if (inspection.schemaVersion === 2) return migrateLibraryV2(layout, inspection.data as LibraryV2, now);
    if (inspection.schemaVersion === 3) return migrateLibraryV3(layout, inspection.data as LibraryV3, now);
    return inspection.data as LibraryIndex;
  }

  const articleRecords = await recordsFromArticleFiles(layout);
  const backup = await context.backups.find((snapshot) => snapshot.library);
  if (inspection.state === 'missing' && articleRecords.length === 0 && !backup) {
    if (context.readOnly) {
      throw new StoreUnreadableError(
        layout.dir,
        'There is no library here (no library.json, no articles, no backups). Check the path. Nothing was created.',
      );
    }
    // A new store: its index is written now, so that from here on a missing index is noticed as a loss.
    // Every article it will hold is cleaned by these rules or later ones (seeding, imports), so the
    // background re-cleaning after a rules change has nothing to do until the rules change again.
    const index = emptyLibraryIndex();
    index.cleanedWithRules = cleaningRulesVersion;
    await writeFileDurably(layout.libraryFile, JSON.stringify(index));
    return index;
  }

  const problem = inspection.state === 'damaged' ? inspection.problem : 'the file was missing';
  let index: LibraryIndex;
  if (backup) {
    index = await reconcile(backup.value, layout);
  } else {
    index = emptyLibraryIndex();
    index.articles = articleRecords;
    // With articles present the seeds were loaded once (and may have been deleted since); with none, seed again.
    index.seeding = articleRecords.length > 0 ? { completedAt: now.toISOString(), files: [] } : null;
  }
  const damagedCopy = context.readOnly
    ? null
    : await repairFile(layout.libraryFile, JSON.stringify(index), now, inspection.state === 'damaged');
  context.recovery.push({
    file: 'library.json',
    holds: 'the library index (the list of articles and your settings)',
    problem,
    outcome: backup ? 'restored-from-backup' : 'rebuilt-from-articles',
    backupTakenAt: backup?.takenAt ?? null,
    damagedCopy,
  });
  return index;
}
