/**
 * Loads one of the store's single files (`briefings.json`, `operations.json`)
 * for an opening store:
 *
 * - sound: used as it is, or (an older version) migrated step by step;
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
  /** A sound file of an older version brought up to the current one, a step at a time (written on the next change). */
  upgrade: (data: unknown, version: number) => T;
  empty: () => T;
  /** The file's copy in a backup, if the backup has one. */
  inBackup: (snapshot: BackupSnapshot) => unknown;
  /** Whether a copy holds anything a user would miss. */
  hasContent: (data: T) => boolean;
}

export async function loadSingleFile<T>(spec: SingleFile<T>, context: OpenContext): Promise<T> {
  const inspection = await inspectJsonFile(spec.file, spec.versions);
  if (inspection.state === 'sound') return spec.upgrade(inspection.data, inspection.schemaVersion);
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
    if (checked.state !== 'sound') return undefined;
    const data = spec.upgrade(checked.data, checked.schemaVersion);
    return damaged || spec.hasContent(data) ? data : undefined;
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
