/**
 * Every file-system call the store makes goes through this one object, so a
 * test can inject a fault (a full disk, a read-only file, a process killed
 * between two steps) at any step of a write or a repair, and run the real
 * store code against it. The app never replaces anything here.
 */
import { readFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';

const real = {
  open: fsp.open,
  /** Writes a whole buffer through an open handle (its own step, so a fault can hit it). */
  writeHandle: (handle: fsp.FileHandle, content: string | Uint8Array) => handle.writeFile(content),
  /** fsyncs an open handle. */
  syncHandle: (handle: fsp.FileHandle) => handle.sync(),
  /** Cuts an open file back to `length` bytes (the index journal's cut-short last record). */
  truncateHandle: (handle: fsp.FileHandle, length: number) => handle.truncate(length),
  rename: fsp.rename,
  link: fsp.link,
  copyFile: fsp.copyFile,
  unlink: fsp.unlink,
  rm: fsp.rm,
  mkdir: fsp.mkdir,
  readdir: (dir: string) => fsp.readdir(dir),
  readFile: (file: string) => fsp.readFile(file, 'utf8'),
  readFileSync: (file: string) => readFileSync(file, 'utf8'),
  /** A file's bytes (the index journal, read by byte offsets). */
  readFileBytes: (file: string) => fsp.readFile(file),
  writeFile: (file: string, content: string, flag?: string) => fsp.writeFile(file, content, { flag }),
  stat: fsp.stat,
};

export type StoreFs = typeof real;

/** The calls the store makes; tests replace entries through `replaceStoreFs` only. */
export const storeFs: StoreFs = { ...real };

/**
 * For tests: replaces some calls (given the real ones to wrap) and returns a
 * function that puts every call back.
 */
export function replaceStoreFs(replace: (original: Readonly<StoreFs>) => Partial<StoreFs>): () => void {
  Object.assign(storeFs, replace(real));
  return () => {
    Object.assign(storeFs, real);
  };
}
