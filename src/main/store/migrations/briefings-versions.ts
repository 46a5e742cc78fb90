/**
 * Every version of `briefings.json` this app can read, and the steps from each
 * to the next (v1→v2→v3), applied one at a time. Version 2 lets a kept item's
 * snapshot hold its source's parts and its highlight (so exports render it
 * whole); version 3 lets a section hold a "Sources compared" snapshot. Each
 * older file is a valid next version as it is: the steps only relabel it.
 * `operations.json` version 3 is the history whose briefing steps may hold
 * version-3 briefings.
 */
import type { VersionedSchemas } from '../file-inspection';
import { briefingsFileSchema, briefingsFileVersion, type BriefingsFile } from '../schemas/briefings-file';
import { briefingsV1Schema, type BriefingsV1 } from './briefings-v1';
import { briefingsV2Schema, type BriefingsV2 } from './briefings-v2';

export const briefingsVersions: VersionedSchemas = {
  current: briefingsFileVersion,
  schemaFor: (version) =>
    version === 1
      ? briefingsV1Schema
      : version === 2
        ? briefingsV2Schema
        : version === briefingsFileVersion
          ? briefingsFileSchema
          : null,
};

export function briefingsV1ToV2(file: BriefingsV1): BriefingsV2 {
  return briefingsV2Schema.parse({ ...file, schemaVersion: 2 });
}

export function briefingsV2ToV3(file: BriefingsV2): BriefingsFile {
  return briefingsFileSchema.parse({ ...file, schemaVersion: 3 });
}

/** A sound file of any version this app reads, brought up to the current one step by step. */
export function upgradeBriefings(data: unknown, version: number): BriefingsFile {
  let file = data;
  if (version <= 1) file = briefingsV1ToV2(file as BriefingsV1);
  if (version <= 2) file = briefingsV2ToV3(file as BriefingsV2);
  return file as BriefingsFile;
}
