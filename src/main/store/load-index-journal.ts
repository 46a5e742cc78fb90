/**
 * Replays the index journal (index-journal.ts) over the index `load-index.ts`
 * loaded, when the store opens:
 *
 * - records up to the index's `journalSeq` are already in it and are skipped,
 *   so replay is idempotent (a crash between writing library.json and
 *   starting a fresh journal leaves records that are skipped);
 * - a cut-short last record (a crash mid-append, never acknowledged) is
 *   ignored and cut off, so the next record follows the last sound one;
 * - a journal written by a newer version is refused, and nothing is changed;
 * - a damaged journal (a bad record with sound ones after it, a bad header) is
 *   never silently dropped: its sound records are applied, articles whose
 *   records were in the damaged part are found again from their files, a copy
 *   is kept as `library.journal.damaged-<time>`, the result is written to
 *   library.json, a fresh journal started, and the repair is reported.
 *
 * Read-only opens replay and report the same, and write nothing.
 */
import { applyIndexOps } from './index-changes';
import { journalHeader, readJournal } from './index-journal-format';
import type { JournalState } from './index-journal';
import { serializeIndex } from './index-document-policy';
import { writeFileDurably } from './durable-write';
import { keepDamagedCopy } from './repair-file';
import { inspectArticleFile } from './article-versions';
import { mapLimited } from './map-limited';
import { storeFs } from './store-fs';
import { StoreUnreadableError } from './store-unreadable-error';
import { indexJournalVersion } from './index-journal-format';
import type { OpenContext } from './open-context';
import type { ArticleRecord, LibraryIndex } from './schemas/library-index';

const holds = 'the latest changes to the library index (titles, settings, stories, new articles)';

/** Records of sound article files the index does not list (their records were in the damaged part). */
async function unlistedArticles(context: OpenContext, index: LibraryIndex): Promise<ArticleRecord[]> {
  const listed = new Set(index.articles.map((record) => `${record.id}.json`));
  const names = (await storeFs.readdir(context.layout.articlesDir).catch(() => [] as string[])).filter(
    (name) => name.endsWith('.json') && !name.startsWith('.') && !listed.has(name),
  );
  const found = await mapLimited(names, 32, async (name) => {
    const inspection = await inspectArticleFile(`${context.layout.articlesDir}/${name}`);
    return inspection.state === 'sound' ? inspection.article.record : null;
  });
  return found
    .filter((record): record is ArticleRecord => record !== null)
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

async function readJournalBytes(file: string): Promise<Buffer | null | 'folder'> {
  try {
    return await storeFs.readFileBytes(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') return 'folder';
    throw error;
  }
}

/** Cuts the journal back to its sound records, so the next append follows the last of them. */
async function cutTornTail(file: string, length: number): Promise<void> {
  const handle = await storeFs.open(file, 'r+');
  try {
    await storeFs.truncateHandle(handle, length);
    await storeFs.syncHandle(handle);
  } finally {
    await handle.close();
  }
}

export async function replayIndexJournal(
  context: OpenContext,
  loaded: LibraryIndex,
): Promise<{ index: LibraryIndex; journal: JournalState }> {
  const { journalSeq: base = 0, ...rest } = loaded;
  const index: LibraryIndex = { ...rest, articles: [...rest.articles] };
  const file = context.layout.indexJournalFile;
  const bytes = await readJournalBytes(file);
  if (bytes === null) return { index, journal: { seq: base, records: 0, bytes: 0, file: 'absent' } };

  const reading =
    bytes === 'folder'
      ? ({
          state: 'read',
          records: [],
          goodLength: 0,
          tornTail: false,
          damage: ['a folder stands where the file should be'],
        } as const)
      : readJournal(bytes);
  if (reading.state === 'newer') {
    throw new StoreUnreadableError(
      file,
      `It was written by a newer version of Briefing Reader (journal version ${reading.schemaVersion}; this version reads up to ${indexJournalVersion}). Nothing was changed.`,
    );
  }
  const live = reading.records.filter((record) => record.seq > base);
  if (live.length > 0)
    applyIndexOps(
      index,
      live.map((record) => record.ops),
    );
  const seq = reading.records.reduce((last, record) => Math.max(last, record.seq), base);

  if (reading.damage.length === 0) {
    if (reading.tornTail && !context.readOnly) await cutTornTail(file, reading.goodLength);
    return { index, journal: { seq, records: live.length, bytes: reading.goodLength, file: 'ready' } };
  }

  index.articles.push(...(await unlistedArticles(context, index)));
  const problem =
    reading.damage.length === 1
      ? `part of it is damaged (${reading.damage[0]})`
      : `parts of it are damaged (${reading.damage.length} lines, first ${reading.damage[0]})`;
  let damagedCopy: string | null = null;
  if (!context.readOnly) {
    // Kept first (a folder is moved aside whole); then library.json holds everything read; only
    // then a fresh journal replaces it. Stopped at any step, the next open repairs it again.
    damagedCopy = await keepDamagedCopy(file, context.now);
    await writeFileDurably(context.layout.libraryFile, serializeIndex({ ...index, journalSeq: seq }));
    await writeFileDurably(file, journalHeader);
  }
  context.recovery.push({
    file: 'library.journal',
    holds,
    problem,
    outcome: 'kept-what-was-readable',
    backupTakenAt: null,
    damagedCopy,
  });
  return {
    index,
    journal: { seq, records: 0, bytes: journalHeader.length, file: context.readOnly ? 'dirty' : 'ready' },
  };
}
