/**
 * Splits one run of article text into segments at every highlight and flag
 * boundary, so overlapping highlights stay independent and visible: each
 * segment knows every highlight covering it (outermost first) and its flag.
 */
import type { QualityFlag } from '../../../shared/cleaned-article';
import type { HighlightView } from '../../../shared/contract';

export interface AnnotatedSegment {
  text: string;
  highlights: HighlightView[];
  flag: QualityFlag | null;
}

export function annotatedSegments(
  text: string,
  runStart: number,
  highlights: HighlightView[],
  flags: QualityFlag[],
): AnnotatedSegment[] {
  const codePoints = Array.from(text);
  const runEnd = runStart + codePoints.length;
  const covering = highlights.filter((h) => !h.orphaned && h.start < runEnd && h.end > runStart);
  const inFlags = flags.filter((f) => f.start < runEnd && f.end > runStart);
  const cuts = new Set<number>([0, codePoints.length]);
  for (const { start, end } of [...covering, ...inFlags]) {
    cuts.add(Math.max(0, start - runStart));
    cuts.add(Math.min(codePoints.length, end - runStart));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: AnnotatedSegment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const at = runStart + from;
    segments.push({
      text: codePoints.slice(from, to).join(''),
      highlights: covering
        .filter((h) => h.start <= at && h.end > at)
        .sort((a, b) => b.end - b.start - (a.end - a.start)),
      flag: inFlags.find((f) => f.start <= at && f.end > at) ?? null,
    });
  }
  return segments;
}
