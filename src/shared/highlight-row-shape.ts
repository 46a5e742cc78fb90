/**
 * What a row of the library-wide highlights list shows beyond its quote, as one digit: the main
 * process sends it for every row (`rowShapes`), the list sizes rows from it before their page comes,
 * and sizes a row already in from the same rule, so the two never disagree.
 */
export const rowHasNote = 1;
export const rowHasMetaLine = 2;

/** The row's shape: a note (1), a line of tags or of the briefings holding it (2). */
export function highlightRowShape(
  highlight: { note: string; tags: readonly string[] },
  inBriefings: boolean,
): number {
  return (
    (highlight.note.trim() !== '' ? rowHasNote : 0) +
    (highlight.tags.length > 0 || inBriefings ? rowHasMetaLine : 0)
  );
}
