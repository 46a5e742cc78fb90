/** Removes temp files a crash left behind mid-write; they are never the live copy of anything. */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isTempFileName } from './durable-write';

export async function sweepTempFiles(dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter(isTempFileName).map((name) => unlink(path.join(dir, name)).catch(() => undefined)),
    );
  }
}
