/**
 * Loads the undo/redo history for an opening store: see `load-single-file.ts`
 * for what happens to a damaged, missing, older or newer file. A history
 * written by a newer version is refused like every other file, never emptied.
 */
import { emptyOperationLog, type OperationLog } from './schemas/operation-log';
import { operationsVersions, upgradeOperations } from './migrations/operations-versions';
import { loadSingleFile } from './load-single-file';
import type { OpenContext } from './open-context';

export async function loadOperations(context: OpenContext): Promise<OperationLog> {
  return loadSingleFile<OperationLog>(
    {
      file: context.layout.operationsFile,
      holds: 'the undo history',
      versions: operationsVersions,
      upgrade: upgradeOperations,
      empty: emptyOperationLog,
      inBackup: (snapshot) => snapshot.operations,
      hasContent: (log) => log.undo.length + log.redo.length > 0,
    },
    context,
  );
}
