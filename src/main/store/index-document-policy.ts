/**
 * How the library index is changed and written without costing the size of the
 * library: a draft copies the small parts (settings, seeding record) and only
 * the list of article records; each record is validated once, when it first
 * appears, and frozen (see frozen-items.ts). Writing joins each record's JSON
 * bytes, made once per record object and cached, so a settings or title edit
 * at 10,000 articles serialises one record, not 3.6 MB of objects.
 */
import { z } from 'zod';
import { checkNewItems } from './frozen-items';
import type { DraftPolicy } from './json-document';
import { articleRecordSchema, libraryIndexSchema, type LibraryIndex } from './schemas/library-index';

/** Everything in the index but the article records, which are validated as they are added. */
export const indexShellSchema = libraryIndexSchema.extend({
  articles: z.array(z.unknown()),
}) as unknown as z.ZodType<LibraryIndex>;

export const indexPolicy: DraftPolicy<LibraryIndex> = {
  draft: (index) => ({ ...structuredClone({ ...index, articles: [] }), articles: [...index.articles] }),
  check: (draft, previous) => ({
    ...indexShellSchema.parse({ ...draft, articles: [] }),
    articles: checkNewItems(draft.articles, previous.articles, articleRecordSchema),
  }),
};

const recordBytes = new WeakMap<object, Buffer>();
const comma = Buffer.from(',');
/** Records are written in runs of this many; a run whose records are all unchanged reuses its bytes. */
const runLength = 256;
const runBytes = new WeakMap<object, { records: readonly object[]; bytes: Buffer }>();

function bytesOf(record: object): Buffer {
  let bytes = recordBytes.get(record);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(record));
    if (Object.isFrozen(record)) recordBytes.set(record, bytes);
  }
  return bytes;
}

/** The bytes of a run of records, comma-separated, reused while the run holds the very same records. */
function bytesOfRun(records: readonly object[]): Buffer {
  const cached = runBytes.get(records[0]!);
  if (cached && cached.records.length === records.length && cached.records.every((r, n) => r === records[n]))
    return cached.bytes;
  const bytes = Buffer.concat(
    records.flatMap((record, n) => (n > 0 ? [comma, bytesOf(record)] : [bytesOf(record)])),
  );
  if (records.every((record) => Object.isFrozen(record))) runBytes.set(records[0]!, { records, bytes });
  return bytes;
}

/**
 * The same bytes as `JSON.stringify(index)` in UTF-8, made from cached bytes per (frozen, so
 * unchanging) record and per run of records: a write at 10,000 articles copies about 3.6 MB of
 * bytes instead of serialising and encoding 10,000 objects.
 */
export function serializeIndex(index: LibraryIndex): Buffer {
  const runs: Buffer[] = [];
  for (let start = 0; start < index.articles.length; start += runLength) {
    if (start > 0) runs.push(comma);
    runs.push(bytesOfRun(index.articles.slice(start, start + runLength)));
  }
  // Inside a JSON string every quote is escaped, so this text occurs only as the key itself.
  const shell = JSON.stringify({ ...index, articles: [] });
  const key = shell.indexOf('"articles":[]') + '"articles":['.length;
  return Buffer.concat([Buffer.from(shell.slice(0, key)), ...runs, Buffer.from(shell.slice(key))]);
}
