/**
 * Normalises raw text before structuring: drops a UTF-8 BOM, unifies CRLF and
 * CR line ends, turns non-breaking and other fixed-width spaces into plain
 * spaces, removes zero-width spaces and word joiners, folds runs of spaces,
 * and composes to Unicode NFC. Curly quotes, dashes and the zero-width
 * (non-)joiners that emoji and some scripts need are content and stay.
 */
import type { SourceLine } from './source-line';

const spaceLike = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
const invisible = /[\u200B\u2060\uFEFF\u00AD]/g;

export function splitRawLines(raw: string): string[] {
  return raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function normalizeLine(line: string): string {
  return line.normalize('NFC').replace(invisible, '').replace(spaceLike, ' ').replace(/ {2,}/g, ' ').trim();
}

export function normalizeLines(raw: string): SourceLine[] {
  return splitRawLines(raw).map((text, index) => ({ line: index + 1, text: normalizeLine(text) }));
}
