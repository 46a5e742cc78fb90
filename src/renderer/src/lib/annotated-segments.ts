/**
 * Splits one run of article text into segments at every highlight, flag and
 * link boundary, so overlapping highlights stay independent and visible: each
 * segment knows every highlight covering it (outermost first), its flag and
 * its link. `linkGroups` then gathers consecutive segments of one link, so a
 * highlight starting or ending inside a link leaves the link one element.
 */
import type { LinkSpan, QualityFlag } from '../../../shared/cleaned-article';
import type { HighlightView } from '../../../shared/contract';

export interface AnnotatedSegment {
  text: string;
  highlights: HighlightView[];
  flag: QualityFlag | null;
  link: LinkSpan | null;
}

export interface LinkGroup {
  link: LinkSpan | null;
  segments: AnnotatedSegment[];
}

export function annotatedSegments(
  text: string,
  runStart: number,
  highlights: HighlightView[],
  flags: QualityFlag[],
  /** Offsets into this run's text (not the body's). */
  links: LinkSpan[] = [],
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
  const inRun = links.filter((link) => link.start < link.end && link.end <= codePoints.length);
  for (const { start, end } of inRun) {
    cuts.add(start);
    cuts.add(end);
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
      link: inRun.find((link) => link.start <= from && link.end > from) ?? null,
    });
  }
  return segments;
}

export function linkGroups(segments: AnnotatedSegment[]): LinkGroup[] {
  const groups: LinkGroup[] = [];
  for (const segment of segments) {
    const last = groups.at(-1);
    if (last && last.link === segment.link) last.segments.push(segment);
    else groups.push({ link: segment.link, segments: [segment] });
  }
  return groups;
}
