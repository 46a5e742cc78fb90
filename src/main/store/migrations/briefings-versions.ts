/**
 * Every version of `briefings.json` this app can read, and the steps from each
 * to the next (v1→v2…), applied one at a time. Version 2 lets a kept item's
 * snapshot hold its source's parts and its highlight (so exports render it
 * whole); a version-1 file is a valid version 2 as it is.
 */
import type { VersionedSchemas } from '../file-inspection';
import { briefingsFileSchema, briefingsFileVersion, type BriefingsFile } from '../schemas/briefings-file';
import { briefingsV1Schema, type BriefingsV1 } from './briefings-v1';

export const briefingsVersions: VersionedSchemas = {
  current: briefingsFileVersion,
  schemaFor: (version) => (version === 1 ? briefingsV1Schema : version === 2 ? briefingsFileSchema : null),
};

export function briefingsV1ToV2(file: BriefingsV1): BriefingsFile {
  return briefingsFileSchema.parse({ ...file, schemaVersion: 2 });
}

/** A sound file of any version this app reads, brought up to the current one step by step. */
export function upgradeBriefings(data: unknown, version: number): BriefingsFile {
  let file = data;
  if (version <= 1) file = briefingsV1ToV2(file as BriefingsV1);
  return file as BriefingsFile;
}
