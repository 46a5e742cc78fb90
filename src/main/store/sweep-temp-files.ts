/** Removes temp files a crash left behind mid-write; they are never the live copy of anything. */
import path from 'node:path';
import { isTempFileName } from './durable-write';
import { storeFs } from './store-fs';

export async function sweepTempFiles(dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const names = await storeFs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter(isTempFileName).map((name) => storeFs.unlink(path.join(dir, name)).catch(() => undefined)),
    );
  }
}
