/**
 * On open, checks that the text file of every article in the index is there
 * (a directory listing, not a read: texts are large and read on demand, where
 * damage inside one is found and repaired). A missing one is restored from its
 * copy in `backups/articles/` and reported; with no copy, the loss is reported
 * and re-importing the source file restores it.
 */
import path from 'node:path';
import { repairFile } from './repair-file';
import { inspectArticleFile } from './article-versions';
import { storeFs } from './store-fs';
import type { LibraryIndex } from './schemas/library-index';
import type { OpenContext } from './open-context';

export async function checkArticleFiles(context: OpenContext, index: LibraryIndex): Promise<void> {
  const { layout } = context;
  const present = new Set(await storeFs.readdir(layout.articlesDir).catch(() => [] as string[]));
  for (const record of index.articles) {
    if (present.has(`${record.id}.json`)) continue;
    const file = layout.articleFile(record.id);
    const copy = await inspectArticleFile(layout.articleBackupFile(record.id));
    const restorable = copy.state === 'sound' && copy.article.record.id === record.id;
    if (restorable && !context.readOnly) {
      await repairFile(file, JSON.stringify({ ...copy.article, record }), context.now, false);
    }
    context.recovery.push({
      file: path.relative(layout.dir, file),
      holds: `the text of the article “${record.title}”`,
      problem: restorable
        ? 'the file was missing'
        : 'the file was missing and no backup holds it; import its source file again to restore it',
      outcome: restorable ? 'restored-from-backup' : 'started-empty',
      backupTakenAt: restorable ? record.addedAt : null,
      damagedCopy: null,
    });
  }
}
