/**
 * Writes a file so that after a crash or power loss it holds either the old
 * content or the new, never a mix, an empty file or NUL bytes: write a temp
 * file, fsync it, rename it over the target, fsync the folder.
 *
 * lowdb's own writer (steno) renames without fsync, which is how files end up
 * empty or NUL-filled after a power cut (lowdb issues #139, #352, #549, #600).
 */
import path from 'node:path';
import { storeFs } from './store-fs';

let tempCounter = 0;

/** Temp files are hidden dot-files ending in `.tmp`, so an open can sweep up any a crash left behind. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  await replaceFileSynced(file, content);
  await syncDirectory(path.dirname(file));
}

/**
 * Writes many files durably: each is written, fsynced and renamed into place
 * (a few at a time), then each folder is fsynced once, which makes every rename
 * in it durable. Resolves only when all of them are.
 */
export async function writeFilesDurably(
  files: { file: string; content: string | Uint8Array }[],
  concurrency = 16,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const { file, content } = files[next]!;
      next += 1;
      await replaceFileSynced(file, content);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  for (const dir of new Set(files.map(({ file }) => path.dirname(file)))) await syncDirectory(dir);
}

/**
 * Writes a large text given in pieces durably, like `writeFileDurably`, turning
 * at most about a megabyte into bytes at a time, so no single step holds the
 * main thread long.
 */
export async function writeChunksDurably(file: string, chunks: (string | Uint8Array)[]): Promise<void> {
  await replaceFileSynced(file, chunks);
  await syncDirectory(path.dirname(file));
}

const chunkBytes = 1 << 20;

/** Temp file, fsync, rename over the target; the caller fsyncs the folder. */
async function replaceFileSynced(
  file: string,
  content: string | Uint8Array | (string | Uint8Array)[],
): Promise<void> {
  const dir = path.dirname(file);
  tempCounter += 1;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${tempCounter}.tmp`);
  try {
    const handle = await storeFs.open(temp, 'w');
    try {
      if (!Array.isArray(content)) await storeFs.writeHandle(handle, content);
      else {
        // Consecutive writes on one handle continue where the last one ended. Small strings are
        // gathered into pieces of about a megabyte; a long one is written in slices of that size.
        let piece = '';
        const writePiece = async () => {
          if (piece) await storeFs.writeHandle(handle, piece);
          piece = '';
        };
        for (const chunk of content) {
          if (typeof chunk !== 'string') {
            await writePiece();
            await storeFs.writeHandle(handle, chunk);
            continue;
          }
          for (let at = 0; at < chunk.length;) {
            let end = Math.min(chunk.length, at + chunkBytes);
            // Never between the two halves of a surrogate pair: each slice is encoded on its own.
            if (end < chunk.length && /[\uD800-\uDBFF]/.test(chunk[end - 1]!)) end += 1;
            piece += chunk.slice(at, end);
            at = end;
            if (piece.length >= chunkBytes) await writePiece();
          }
        }
        await writePiece();
      }
      await storeFs.syncHandle(handle);
    } finally {
      await handle.close();
    }
    await storeFs.rename(temp, file);
  } catch (error) {
    await storeFs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await storeFs.open(dir, 'r');
  try {
    await storeFs.syncHandle(handle);
  } finally {
    await handle.close();
  }
}
