/**
 * The index journal's file format (`library.journal`, see index-journal.ts): a
 * header line naming the format and its version, then one line per record.
 * A record is `<checksum> <json>`: the first 16 hex digits of the SHA-256 of
 * the JSON, then `{"seq":n,"ops":[...]}`, the changes one write made to the
 * index (index-changes.ts). Each record is validated as it is read, so replay
 * adopts only records this version wrote whole.
 *
 * Reading tells a torn tail from damage: bad bytes after the last sound record
 * are an append the crash cut short (never acknowledged, so ignored); a bad
 * line followed by a sound record is damage (quarantined and reported).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { articleRecordSchema, libraryIndexSchema, type LibraryIndex } from './schemas/library-index';
import type { IndexOp } from './index-changes';

export const indexJournalVersion = 1;
const journalKind = 'briefing-reader index journal';

/** The first line of every journal. */
export const journalHeader = Buffer.from(
  `${JSON.stringify({ kind: journalKind, schemaVersion: indexJournalVersion })}\n`,
);

export interface JournalRecord {
  seq: number;
  ops: IndexOp[];
}

/** The parts of the index besides the article records, each with its own schema. */
const shellKeys = Object.keys(libraryIndexSchema.shape).filter(
  (key) => key !== 'articles' && key !== 'journalSeq' && key !== 'schemaVersion',
);
const shellSchemas = libraryIndexSchema.shape as unknown as Record<string, z.ZodType>;
export const isShellKey = (key: string): key is keyof LibraryIndex => shellKeys.includes(key);

const shellKey = z.string().refine(isShellKey, 'not a part of the index');
const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), key: shellKey, value: z.unknown() }),
  z.object({ op: z.literal('unset'), key: shellKey }),
  z.object({
    op: z.literal('splice'),
    at: z.number().int().nonnegative(),
    remove: z.array(z.string().min(1)),
    insert: z.array(articleRecordSchema),
  }),
]);
const recordSchema = z.object({ seq: z.number().int().positive(), ops: z.array(opSchema) });

const checksumOf = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 16);

/** One record as its line of the journal, newline included. */
export function encodeRecord(record: JournalRecord): Buffer {
  const json = JSON.stringify(record);
  return Buffer.from(`${checksumOf(json)} ${json}\n`);
}

/** A record line checked whole: its checksum, its shape, each part's own schema. */
function decodeRecord(line: string): JournalRecord | string {
  const space = line.indexOf(' ');
  if (space !== 16) return 'it does not start with a checksum';
  const json = line.slice(17);
  if (checksumOf(json) !== line.slice(0, 16)) return 'its checksum does not match its contents';
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return 'it is not valid JSON';
  }
  const checked = recordSchema.safeParse(parsed);
  if (!checked.success) return `it has the wrong shape (${checked.error.issues[0]?.message})`;
  for (const op of checked.data.ops) {
    if (op.op === 'set' && !shellSchemas[op.key]!.safeParse(op.value).success)
      return `its value for "${op.key}" has the wrong shape`;
    if (op.op === 'unset' && !shellSchemas[op.key]!.safeParse(undefined).success)
      return `it removes "${op.key}", which the index must hold`;
  }
  return checked.data as JournalRecord;
}

export type JournalReading =
  | { state: 'newer'; schemaVersion: number }
  | {
      state: 'read';
      /** The sound records, in file order (each newer than the one before). */
      records: JournalRecord[];
      /** Bytes up to the end of the last sound line: where the next append goes. */
      goodLength: number;
      /** Bad bytes after the last sound line (a cut-short append): ignored, cut off on open. */
      tornTail: boolean;
      /** Bad lines with a sound record after them, or a bad header: damage to report. */
      damage: string[];
    };

function headerProblem(line: string): string | { newer: number } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'its first line is not the journal header';
  }
  const { kind, schemaVersion } = (parsed ?? {}) as { kind?: unknown; schemaVersion?: unknown };
  if (kind !== journalKind || typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion))
    return 'its first line is not the journal header';
  if (schemaVersion > indexJournalVersion) return { newer: schemaVersion };
  if (schemaVersion < 1) return `journal version ${schemaVersion} is not one this app has ever written`;
  return null;
}

/** Reads a journal's bytes: its sound records, where they end, and what is wrong with the rest. */
export function readJournal(bytes: Buffer): JournalReading {
  if (bytes.length === 0)
    return { state: 'read', records: [], goodLength: 0, tornTail: false, damage: ['the file is empty'] };
  const records: JournalRecord[] = [];
  const damage: string[] = [];
  /** Bad lines since the last sound one: damage if a sound record follows, else the torn tail. */
  let suspect: string[] = [];
  let goodLength = 0;
  let start = 0;
  for (let lineNumber = 1; start < bytes.length; lineNumber += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    const line = bytes.subarray(start, newline === -1 ? bytes.length : newline).toString('utf8');
    start = end;
    if (lineNumber === 1) {
      const problem = newline === -1 ? 'its header was cut off' : headerProblem(line);
      if (problem && typeof problem === 'object') return { state: 'newer', schemaVersion: problem.newer };
      if (problem) damage.push(problem);
      else goodLength = end;
      continue;
    }
    const decoded =
      newline === -1 ? 'it was cut off' : line.includes('\0') ? 'it holds NUL bytes' : decodeRecord(line);
    const previous = records[records.length - 1];
    const problem =
      typeof decoded === 'string'
        ? decoded
        : previous && decoded.seq <= previous.seq
          ? `its number (${decoded.seq}) is not after the one before (${previous.seq})`
          : null;
    if (problem) {
      suspect.push(`line ${lineNumber}: ${problem}`);
      continue;
    }
    damage.push(...suspect);
    suspect = [];
    records.push(decoded as JournalRecord);
    goodLength = end;
  }
  // Bad bytes with nothing sound after them are the tail a crash cut short (never acknowledged).
  return { state: 'read', records, goodLength, tornTail: suspect.length > 0, damage };
}
