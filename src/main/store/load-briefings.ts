/**
 * Loads the briefings for an opening store. A damaged file is moved aside and
 * the newest sound backup's briefings are restored; with none, the app starts
 * without briefings, keeps the damaged file and says so.
 */
import { inspectJsonFile } from './file-inspection';
import { quarantineFile } from './quarantine';
import { findInBackups } from './backups';
import { writeFileDurably } from './durable-write';
import {
  briefingsFileSchema,
  briefingsFileVersion,
  emptyBriefingsFile,
  type BriefingsFile,
} from './schemas/briefings-file';
import type { StoreLayout } from './store-layout';
import type { RecoveryEvent } from './recovery-event';
import { StoreUnreadableError } from './store-unreadable-error';

const versions = {
  current: briefingsFileVersion,
  schemaFor: (version: number) => (version === 1 ? briefingsFileSchema : null),
};

export async function loadBriefings(
  layout: StoreLayout,
  now: Date,
  recovery: RecoveryEvent[],
): Promise<BriefingsFile> {
  const inspection = await inspectJsonFile(layout.briefingsFile, versions);
  if (inspection.state === 'sound') return inspection.data as BriefingsFile;
  if (inspection.state === 'missing') return emptyBriefingsFile();
  if (inspection.state === 'newer') {
    throw new StoreUnreadableError(
      layout.briefingsFile,
      `It was written by a newer version of Briefing Reader (schema ${inspection.schemaVersion}). Nothing was changed.`,
    );
  }
  const damagedCopy = await quarantineFile(layout.briefingsFile, now);
  const backup = await findInBackups(layout.backupsDir, (snapshot) => snapshot.briefings ?? undefined);
  if (backup) await writeFileDurably(layout.briefingsFile, JSON.stringify(backup.value));
  recovery.push({
    file: 'briefings.json',
    holds: 'your briefings',
    problem: inspection.problem,
    outcome: backup ? 'restored-from-backup' : 'started-empty',
    backupTakenAt: backup?.takenAt ?? null,
    damagedCopy,
  });
  return backup?.value ?? emptyBriefingsFile();
}
