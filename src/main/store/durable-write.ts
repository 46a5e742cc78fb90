/**
 * Writes a file so that after a crash or power loss it holds either the old
 * content or the new, never a mix, an empty file or NUL bytes: write a temp
 * file, fsync it, rename it over the target, fsync the folder.
 *
 * lowdb's own writer (steno) renames without fsync, which is how files end up
 * empty or NUL-filled after a power cut (lowdb issues #139, #352, #549, #600).
 */
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

let tempCounter = 0;

/** Temp files are hidden dot-files ending in `.tmp`, so an open can sweep up any a crash left behind. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  tempCounter += 1;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${tempCounter}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
