/**
 * Loads the undo/redo history for an opening store. A damaged history is
 * moved aside and the app starts with an empty one, and says so: the history
 * only helps undo; the annotations themselves live in their own files.
 */
import { inspectJsonFile } from './file-inspection';
import { quarantineFile } from './quarantine';
import {
  emptyOperationLog,
  operationLogSchema,
  operationLogVersion,
  type OperationLog,
} from './schemas/operation-log';
import type { StoreLayout } from './store-layout';
import type { RecoveryEvent } from './recovery-event';

const versions = {
  current: operationLogVersion,
  schemaFor: (version: number) => (version === 1 ? operationLogSchema : null),
};

export async function loadOperations(
  layout: StoreLayout,
  now: Date,
  recovery: RecoveryEvent[],
): Promise<OperationLog> {
  const inspection = await inspectJsonFile(layout.operationsFile, versions);
  if (inspection.state === 'sound') return inspection.data as OperationLog;
  if (inspection.state === 'missing') return emptyOperationLog();
  const problem =
    inspection.state === 'damaged'
      ? inspection.problem
      : 'it was written by a newer version of Briefing Reader';
  recovery.push({
    file: 'operations.json',
    holds: 'the undo history',
    problem,
    outcome: 'started-empty',
    backupTakenAt: null,
    damagedCopy: await quarantineFile(layout.operationsFile, now),
  });
  return emptyOperationLog();
}
