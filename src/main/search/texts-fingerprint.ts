/**
 * A fingerprint of the article texts on disk (each article file's size and
 * modification time, in library order), taken by the search index's thread
 * when it saves the index and again before it uses a saved one: a text written
 * since (re-cleaned after a rules change, repaired, restored) makes the saved
 * index stale, so the store wins over the index for texts as well as records.
 * Stats only: no article file is read.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { mapLimited } from '../store/map-limited';

export async function textsFingerprint(articleFiles: readonly string[]): Promise<string> {
  const stamps = await mapLimited(articleFiles, 64, async (file) => {
    try {
      const { size, mtimeMs } = await stat(file);
      return `${size}:${mtimeMs}`;
    } catch {
      return 'missing';
    }
  });
  const hash = createHash('sha256');
  for (const stamp of stamps) hash.update(`${stamp}\n`);
  return hash.digest('hex');
}
