/**
 * Reads a file chosen for import from disk (the menu path and the command
 * line): its size is checked before it is read, so an enormous file is refused
 * without loading it, and a file that cannot be read gets a reason in words.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importLimits } from './import-limits';
import { sizeLimitReason } from './convert-input';

export type ReadImportFile =
  { ok: true; name: string; bytes: Uint8Array } | { ok: false; name: string; reason: string };

export async function readImportFile(file: string): Promise<ReadImportFile> {
  const name = path.basename(file);
  try {
    const { size } = await stat(file);
    if (size > importLimits.maxFileBytes) return { ok: false, name, reason: sizeLimitReason(size) };
    return { ok: true, name, bytes: await readFile(file) };
  } catch (error) {
    return {
      ok: false,
      name,
      reason: `it could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
}
