/**
 * Every version of `operations.json` this app can read, and the steps from
 * each to the next, applied one at a time. Version 2 marks the history that
 * may hold a step deleting an article (an app reading only version 1 then
 * says the file is newer, instead of damaged) and whose briefing steps hold
 * version-2 briefings; version 3 may hold the reader's line choices and
 * version-3 briefings. Each older history is a valid next version as it is.
 */
import type { VersionedSchemas } from '../file-inspection';
import { operationLogSchema, operationLogVersion, type OperationLog } from '../schemas/operation-log';
import { operationLogV1Schema, type OperationLogV1 } from './operations-v1';
import { operationLogV2Schema, type OperationLogV2 } from './operations-v2';

export const operationsVersions: VersionedSchemas = {
  current: operationLogVersion,
  schemaFor: (version) =>
    version === 1
      ? operationLogV1Schema
      : version === 2
        ? operationLogV2Schema
        : version === operationLogVersion
          ? operationLogSchema
          : null,
};

export function operationsV1ToV2(log: OperationLogV1): OperationLogV2 {
  return operationLogV2Schema.parse({ ...log, schemaVersion: 2 });
}

export function operationsV2ToV3(log: OperationLogV2): OperationLog {
  return operationLogSchema.parse({ ...log, schemaVersion: 3 });
}

/** A sound history of any version this app reads, brought up to the current one step by step. */
export function upgradeOperations(data: unknown, version: number): OperationLog {
  let log = data;
  if (version <= 1) log = operationsV1ToV2(log as OperationLogV1);
  if (version <= 2) log = operationsV2ToV3(log as OperationLogV2);
  return log as OperationLog;
}
