/** Every version of `library.json` this app can read. */
import type { VersionedSchemas } from '../file-inspection';
import { libraryIndexSchema, libraryIndexVersion } from '../schemas/library-index';
import { isCanonicalRecord } from '../schemas/library-index-check';
import { libraryV1Schema } from './library-v1';
import { libraryV2Schema } from './library-v2';
import { libraryV3Schema } from './library-v3';

/**
 * The current version's 10,000 records by the hand-written check (no zod copy of each), the rest
 * (settings, stories) by the schema; any record the check refuses sends the whole file to the schema.
 */
function parseQuickly(version: number, value: unknown): unknown {
  if (version !== libraryIndexVersion) return undefined;
  const articles = (value as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(articles)) return undefined;
  // An index loop, not `every`: that skips the holes of a sparse array, which zod rejects.
  for (let at = 0; at < articles.length; at += 1) if (!isCanonicalRecord(articles[at])) return undefined;
  const rest = libraryIndexSchema.safeParse({ ...(value as object), articles: [] });
  return rest.success ? { ...rest.data, articles } : undefined;
}

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
  parseQuickly,
};
