/**
 * Widens a range so it never splits a grapheme (a user-perceived character:
 * an emoji with its modifiers, a letter with combining marks). Works on a small
 * window around each end, so it costs the same in a long article as a short one.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const window = 32;

/** The start of the grapheme containing UTF-16 offset `unit`. */
function graphemeStart(text: string, unit: number): number {
  const from = Math.max(0, unit - window);
  let start = from;
  for (const { index } of graphemes.segment(text.slice(from, Math.min(text.length, unit + window)))) {
    if (from + index > unit) break;
    start = from + index;
  }
  return start;
}

/** The end of the grapheme containing the code unit just before `unit`. */
function graphemeEnd(text: string, unit: number): number {
  if (unit <= 0) return 0;
  const from = Math.max(0, unit - window);
  for (const { index, segment } of graphemes.segment(
    text.slice(from, Math.min(text.length, unit + window)),
  )) {
    const end = from + index + segment.length;
    if (end >= unit) return end;
  }
  return unit;
}

/** Snaps a UTF-16 range outward to grapheme boundaries. */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: graphemeStart(text, start),
    end: Math.max(graphemeEnd(text, end), graphemeStart(text, start)),
  };
}
