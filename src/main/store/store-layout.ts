/**
 * Where each part of the store lives inside the store folder:
 *
 *   library.json              index: article records, seeding record, settings
 *   library.journal           the index's changes since library.json was last written (index-journal.ts)
 *   articles/<id>.json        one article's text (large, rarely written)
 *   annotations/<id>.json     one article's highlights and note (small, written often)
 *   annotation-digest.json    their counts for the library, as of the last close (annotation-digest.ts)
 *   operations.json           undo/redo history of annotation and briefing changes (bounded)
 *   briefings.json            the user's briefings
 *   backups/annotations-*.json  rotating snapshots of the annotations, briefings, history and index
 *   backups/articles/<id>.json  a copy of each article file as imported, to restore a damaged text
 *   deleted/<id>.article.json   a deleted article's text, set aside while undo can bring it back
 *   deleted/<id>.annotations.json  its highlights and note, likewise
 *   store.lock                held by the app or the command line while it writes
 *   *.damaged-<time>          damaged files moved aside, never deleted
 */
import path from 'node:path';

export interface StoreLayout {
  dir: string;
  libraryFile: string;
  indexJournalFile: string;
  operationsFile: string;
  briefingsFile: string;
  articlesDir: string;
  annotationsDir: string;
  annotationDigestFile: string;
  backupsDir: string;
  articleBackupsDir: string;
  deletedDir: string;
  lockFile: string;
  articleFile(id: string): string;
  annotationFile(articleId: string): string;
  articleBackupFile(id: string): string;
  deletedArticleFile(id: string): string;
  deletedAnnotationFile(id: string): string;
}

/** Article ids are content hashes (`a-` and hex); anything else never becomes a file name. */
const safeId = /^[A-Za-z0-9_-]{1,64}$/;

export function isSafeId(id: string): boolean {
  return safeId.test(id);
}

export function assertSafeId(id: string): string {
  if (!isSafeId(id)) throw new Error(`Unsafe article id for a file name: ${JSON.stringify(id)}`);
  return id;
}

export function storeLayout(dir: string): StoreLayout {
  const articlesDir = path.join(dir, 'articles');
  const annotationsDir = path.join(dir, 'annotations');
  const articleBackupsDir = path.join(dir, 'backups', 'articles');
  const deletedDir = path.join(dir, 'deleted');
  return {
    dir,
    libraryFile: path.join(dir, 'library.json'),
    indexJournalFile: path.join(dir, 'library.journal'),
    operationsFile: path.join(dir, 'operations.json'),
    briefingsFile: path.join(dir, 'briefings.json'),
    articlesDir,
    annotationsDir,
    annotationDigestFile: path.join(dir, 'annotation-digest.json'),
    backupsDir: path.join(dir, 'backups'),
    articleBackupsDir,
    deletedDir,
    lockFile: path.join(dir, 'store.lock'),
    articleFile: (id) => path.join(articlesDir, `${assertSafeId(id)}.json`),
    annotationFile: (articleId) => path.join(annotationsDir, `${assertSafeId(articleId)}.json`),
    articleBackupFile: (id) => path.join(articleBackupsDir, `${assertSafeId(id)}.json`),
    deletedArticleFile: (id) => path.join(deletedDir, `${assertSafeId(id)}.article.json`),
    deletedAnnotationFile: (id) => path.join(deletedDir, `${assertSafeId(id)}.annotations.json`),
  };
}
