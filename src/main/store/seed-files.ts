/**
 * Reads the seed articles bundled with the app: every `.txt` file in the seeds
 * folder, in name order, so first-run seeding is the same on every machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface SeedFile {
  fileName: string;
  text: string;
}

export async function readSeedFiles(seedsDir: string): Promise<SeedFile[]> {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (fileName) => ({
      fileName,
      text: await readFile(path.join(seedsDir, fileName), 'utf8'),
    })),
  );
}
