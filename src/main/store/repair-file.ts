/**
 * Replaces a damaged or missing store file with a restored copy so that a
 * crash or a full disk at any step leaves either the old file or the new one
 * in place, never neither:
 *
 *   1. keep the damaged copy beside it (a hard link, or a copy where the file
 *      system has none); the damaged file itself stays where it was;
 *   2. write the restored copy to a temp file and fsync it;
 *   3. rename the temp file over the damaged one, and fsync the folder.
 *
 * Stopped after 1 or 2, the next open finds the damaged file again and repairs
 * it again (one more kept copy); stopped after 3 it finds the restored file.
 */
import { fileStamp } from './quarantine';
import { writeFileDurably } from './durable-write';
import { storeFs } from './store-fs';

/** Keeps a copy of a damaged file as `<file>.damaged-<time>`; null when there is no file to keep. */
export async function keepDamagedCopy(file: string, now: Date): Promise<string | null> {
  const isFolder = await storeFs.stat(file).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  for (let attempt = 0; ; attempt += 1) {
    const aside = `${file}.damaged-${fileStamp(now)}${attempt ? `-${attempt}` : ''}`;
    try {
      // A folder where the file belongs cannot be linked or copied: it is moved aside whole
      // (stopped right after, the next open finds the file missing and restores it the same way).
      if (isFolder) {
        if (
          await storeFs.stat(aside).then(
            () => true,
            () => false,
          )
        )
          continue;
        await storeFs.rename(file, aside);
        return aside;
      }
      await storeFs.link(file, aside);
      return aside;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (code === 'EEXIST') continue;
      // A file system without hard links (FAT, some network shares): copy instead, never overwriting.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EMLINK') {
        await storeFs.copyFile(file, aside, 1 /* COPYFILE_EXCL */);
        return aside;
      }
      throw error;
    }
  }
}

/** Keeps the damaged copy (when `damaged`), then durably replaces the file with `content`. */
export async function repairFile(
  file: string,
  content: string,
  now: Date,
  damaged: boolean,
): Promise<string | null> {
  const damagedCopy = damaged ? await keepDamagedCopy(file, now) : null;
  await writeFileDurably(file, content);
  return damagedCopy;
}
