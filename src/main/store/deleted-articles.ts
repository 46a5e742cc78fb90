/**
 * A deleted article's files are moved aside into `deleted/` rather than removed,
 * so deleting can be undone, even after a restart, without copying megabytes of
 * text into the undo history: the history step holds only the article's record.
 * Moves are renames followed by folder fsyncs, so each file is always whole in
 * one place or the other. The files go for good once the step leaves the history.
 */
import path from 'node:path';
import { syncDirectory, writeFilesDurably } from './durable-write';
import { storeFs } from './store-fs';
import type { StoreLayout } from './store-layout';
import { annotationShardSchema, emptyShard, type AnnotationShard } from './schemas/annotation-shard';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Renames `from` to `to`; false when `from` does not exist. */
async function move(from: string, to: string): Promise<boolean> {
  try {
    await storeFs.rename(from, to);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function syncAll(dirs: string[]): Promise<void> {
  for (const dir of new Set(dirs)) await syncDirectory(dir);
}

/** Moves an article's text and its (already flushed) annotations into `deleted/`. */
export async function setArticleFilesAside(
  layout: StoreLayout,
  id: string,
  shard: AnnotationShard,
): Promise<void> {
  await storeFs.mkdir(layout.deletedDir, { recursive: true });
  await move(layout.articleFile(id), layout.deletedArticleFile(id));
  // The annotations are written from memory, so a shard never written to disk is kept too.
  await writeFilesDurably([{ file: layout.deletedAnnotationFile(id), content: JSON.stringify(shard) }]);
  await storeFs.rm(layout.annotationFile(id), { force: true });
  await syncAll([layout.articlesDir, layout.annotationsDir, layout.deletedDir]);
}

/** The annotations of an article set aside (empty if their file is missing or unreadable). */
export async function readSetAsideShard(layout: StoreLayout, id: string): Promise<AnnotationShard> {
  try {
    const content = await storeFs.readFile(layout.deletedAnnotationFile(id));
    const parsed = annotationShardSchema.safeParse(JSON.parse(content));
    if (parsed.success && parsed.data.articleId === id) return parsed.data;
  } catch (error) {
    if (!isMissing(error) && !(error instanceof SyntaxError)) throw error;
  }
  return emptyShard(id);
}

/**
 * Moves a deleted article's files back and returns its annotations. A text
 * missing from `deleted/` is left to the usual repair from `backups/articles/`
 * when the article is next read.
 */
export async function bringArticleFilesBack(layout: StoreLayout, id: string): Promise<AnnotationShard> {
  const shard = await readSetAsideShard(layout, id);
  await move(layout.deletedArticleFile(id), layout.articleFile(id));
  await writeFilesDurably([{ file: layout.annotationFile(id), content: JSON.stringify(shard) }]);
  await storeFs.rm(layout.deletedAnnotationFile(id), { force: true });
  await syncAll([layout.articlesDir, layout.annotationsDir, layout.deletedDir]);
  return shard;
}

/** Removes a deleted article's files for good (its undo step is gone); keeps the backup copy if it is back in the library. */
export async function purgeArticleFiles(
  layout: StoreLayout,
  id: string,
  stillInLibrary: boolean,
): Promise<void> {
  await Promise.all([
    storeFs.rm(layout.deletedArticleFile(id), { force: true }),
    storeFs.rm(layout.deletedAnnotationFile(id), { force: true }),
    stillInLibrary ? Promise.resolve() : storeFs.rm(layout.articleBackupFile(id), { force: true }),
  ]);
  await syncAll([layout.deletedDir, path.dirname(layout.articleBackupFile(id))]).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
}

/**
 * A delete interrupted after its files moved but before the index dropped the
 * article leaves the index listing an article whose files wait in `deleted/`:
 * on open they move back, so nothing is "repaired" from an older backup. Only
 * a missing live file is replaced, never one that exists.
 */
export async function finishInterruptedDeletes(layout: StoreLayout, ids: string[]): Promise<void> {
  const pending = new Set(
    (await storeFs.readdir(layout.deletedDir).catch(() => [] as string[])).map((name) => name.split('.')[0]),
  );
  let moved = false;
  for (const id of ids.filter((candidate) => pending.has(candidate))) {
    if (!(await exists(layout.articleFile(id))))
      moved = (await move(layout.deletedArticleFile(id), layout.articleFile(id))) || moved;
    if (!(await exists(layout.annotationFile(id))))
      moved = (await move(layout.deletedAnnotationFile(id), layout.annotationFile(id))) || moved;
  }
  if (moved) await syncAll([layout.articlesDir, layout.annotationsDir, layout.deletedDir]);
}

const exists = (file: string) =>
  storeFs.stat(file).then(
    () => true,
    () => false,
  );
