/**
 * Loads one of the store's single files (`briefings.json`, `operations.json`)
 * for an opening store:
 *
 * - sound: used as it is;
 * - newer version: the open is refused and nothing is changed;
 * - damaged: restored from the newest sound backup holding it (or else started
 *   empty), the damaged copy kept, and the repair reported;
 * - missing: restored and reported the same way when the newest backup holds
 *   something in it (a lost file is not silently replaced by an empty one);
 *   otherwise created empty, so the next open finds it.
 *
 * Read-only opens report the same and serve the backup's copy from memory.
 */
import path from 'node:path';
import { inspectJsonValue, inspectJsonFile, type VersionedSchemas } from './file-inspection';
import { repairFile } from './repair-file';
import { writeFileDurably } from './durable-write';
import { StoreUnreadableError } from './store-unreadable-error';
import type { BackupSnapshot } from './schemas/backup-snapshot';
import type { OpenContext } from './open-context';

export interface SingleFile<T> {
  file: string;
  /** What it holds, for people: "your briefings". */
  holds: string;
  versions: VersionedSchemas;
  empty: () => T;
  /** The file's copy in a backup, if the backup has one. */
  inBackup: (snapshot: BackupSnapshot) => unknown;
  /** Whether a copy holds anything a user would miss. */
  hasContent: (data: T) => boolean;
}

export async function loadSingleFile<T>(spec: SingleFile<T>, context: OpenContext): Promise<T> {
  const inspection = await inspectJsonFile(spec.file, spec.versions);
  if (inspection.state === 'sound') return inspection.data as T;
  if (inspection.state === 'newer') {
    throw new StoreUnreadableError(
      spec.file,
      `${path.basename(spec.file)} was written by a newer version of Briefing Reader (schema ${inspection.schemaVersion}; this version reads up to ${spec.versions.current}). Nothing was changed.`,
    );
  }
  const damaged = inspection.state === 'damaged';
  const backup = await context.backups.find((snapshot) => {
    const copy = spec.inBackup(snapshot);
    if (copy === null || copy === undefined) return undefined;
    const checked = inspectJsonValue(copy, spec.versions);
    if (checked.state !== 'sound' || checked.schemaVersion !== spec.versions.current) return undefined;
    return damaged || spec.hasContent(checked.data as T) ? (checked.data as T) : undefined;
  });
  const restored = backup?.value ?? spec.empty();
  if (!damaged && !backup) {
    if (!context.readOnly) await writeFileDurably(spec.file, JSON.stringify(restored));
    return restored;
  }
  const damagedCopy = context.readOnly
    ? null
    : await repairFile(spec.file, JSON.stringify(restored), context.now, damaged);
  context.recovery.push({
    file: path.relative(context.layout.dir, spec.file),
    holds: spec.holds,
    problem: inspection.state === 'damaged' ? inspection.problem : 'the file was missing',
    outcome: backup ? 'restored-from-backup' : 'started-empty',
    backupTakenAt: backup?.takenAt ?? null,
    damagedCopy,
  });
  return restored;
}
