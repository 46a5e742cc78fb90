/**
 * Writes a document that is mostly long lists of frozen records (the index's
 * article records, an article's highlights, the undo history) without
 * serialising what did not change: each record's JSON bytes are made once per
 * record object and cached, and so are the bytes of each run of records, so a
 * note autosave in an article with 1,000 highlights encodes one highlight and
 * copies the rest, instead of turning 450 KB of objects into text again.
 *
 * Only frozen records are cached (the store deep-freezes every record it
 * adopts, see frozen-items.ts), so a cached text can never go stale.
 */

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

/** `[`, the records' bytes run by run, `]`. */
function listBytes(records: readonly object[]): Buffer[] {
  const parts: Buffer[] = [Buffer.from('[')];
  for (let start = 0; start < records.length; start += runLength) {
    if (start > 0) parts.push(comma);
    parts.push(bytesOfRun(records.slice(start, start + runLength)));
  }
  parts.push(Buffer.from(']'));
  return parts;
}

/**
 * The same bytes as `JSON.stringify(data)` in UTF-8, the lists under `lists` (arrays of objects)
 * made from cached bytes. `data` is a plain object (no `toJSON`), as every store document is.
 */
export function serializeWithCachedLists<T extends object>(data: T, lists: readonly (keyof T)[]): Buffer {
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(data)) {
    const isList = lists.includes(key as keyof T) && Array.isArray(value);
    const text = isList ? '' : (JSON.stringify(value) as string | undefined);
    // JSON.stringify leaves out a key whose value has no JSON (undefined, a function).
    if (!isList && text === undefined) continue;
    parts.push(Buffer.from(`${parts.length === 0 ? '{' : ','}${JSON.stringify(key)}:${text}`));
    if (isList) parts.push(...listBytes(value as object[]));
  }
  parts.push(Buffer.from(parts.length === 0 ? '{}' : '}'));
  return Buffer.concat(parts);
}
