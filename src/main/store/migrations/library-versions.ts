/** Every version of `library.json` this app can read. */
import type { VersionedSchemas } from '../file-inspection';
import { libraryIndexSchema, libraryIndexVersion } from '../schemas/library-index';
import { libraryV1Schema } from './library-v1';
import { libraryV2Schema } from './library-v2';
import { libraryV3Schema } from './library-v3';

export const libraryVersions: VersionedSchemas = {
  current: libraryIndexVersion,
  schemaFor: (version) =>
    version === 1
      ? libraryV1Schema
      : version === 2
        ? libraryV2Schema
        : version === 3
          ? libraryV3Schema
          : version === libraryIndexVersion
            ? libraryIndexSchema
            : null,
};
