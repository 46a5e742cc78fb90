/**
 * Every version of `operations.json` this app can read, and the steps from
 * each to the next, applied one at a time. Version 2 marks the history that
 * may hold a step deleting an article (an app reading only version 1 then
 * says the file is newer, instead of damaged) and whose briefing steps hold
 * version-2 briefings; a version-1 history is a valid version 2 as it is.
 */
import type { VersionedSchemas } from '../file-inspection';
import { operationLogSchema, operationLogVersion, type OperationLog } from '../schemas/operation-log';
import { operationLogV1Schema, type OperationLogV1 } from './operations-v1';

export const operationsVersions: VersionedSchemas = {
  current: operationLogVersion,
  schemaFor: (version) => (version === 1 ? operationLogV1Schema : version === 2 ? operationLogSchema : null),
};

export function operationsV1ToV2(log: OperationLogV1): OperationLog {
  return operationLogSchema.parse({ ...log, schemaVersion: 2 });
}

/** A sound history of any version this app reads, brought up to the current one step by step. */
export function upgradeOperations(data: unknown, version: number): OperationLog {
  let log = data;
  if (version <= 1) log = operationsV1ToV2(log as OperationLogV1);
  return log as OperationLog;
}
