/**
 * Moves a damaged file aside under a timestamped name beside the original, so it
 * is never deleted and never read again as live data.
 */
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './durable-write';

export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export async function quarantineFile(file: string, now: Date): Promise<string> {
  const aside = `${file}.damaged-${fileStamp(now)}`;
  await rename(file, aside);
  await syncDirectory(path.dirname(file));
  return aside;
}
