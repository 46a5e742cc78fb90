/**
 * Splits a block's text into plain runs and runs covered by quality flags, so
 * the reader can mark damaged passages where they stand. Offsets are Unicode
 * code points in the article's body text, as the main process computes them.
 */
import type { QualityFlag } from '../../../shared/cleaned-article';

export type Segment = { text: string; flag: QualityFlag | null };

export function flagSegments(text: string, blockStart: number, flags: QualityFlag[]): Segment[] {
  const codePoints = Array.from(text);
  const blockEnd = blockStart + codePoints.length;
  const inside = flags
    .filter((flag) => flag.start < blockEnd && flag.end > blockStart)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const flag of inside) {
    const from = Math.max(0, flag.start - blockStart);
    const to = Math.min(codePoints.length, flag.end - blockStart);
    if (from > cursor) segments.push({ text: codePoints.slice(cursor, from).join(''), flag: null });
    if (to > from) segments.push({ text: codePoints.slice(from, to).join(''), flag });
    cursor = Math.max(cursor, to);
  }
  if (cursor < codePoints.length) segments.push({ text: codePoints.slice(cursor).join(''), flag: null });
  return segments;
}
