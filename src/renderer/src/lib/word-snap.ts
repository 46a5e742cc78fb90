/**
 * Snaps a selection's ends to word boundaries, as readers expect when a mouse
 * drag stops mid-word: the start moves back to the start of its word, the end
 * forward to the end of its word. Holding Alt keeps the exact selection.
 */
const wordChar = /[\p{L}\p{N}\p{M}'’_-]/u;

/** The offset (in UTF-16 units of `text`) moved back to the start of the word it is inside. */
export function snapStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && wordChar.test(text[at - 1]!) && wordChar.test(text[at] ?? ' ')) at -= 1;
  return at;
}

/** The offset moved forward to the end of the word it is inside. */
export function snapEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && wordChar.test(text[at]!) && wordChar.test(text[at - 1] ?? ' ')) at += 1;
  return at;
}

/** Widens the document selection to whole words (within the text nodes it starts and ends in). */
export function snapSelectionToWords(selection: Selection | null): void {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const start =
    startContainer.nodeType === Node.TEXT_NODE
      ? snapStart(startContainer.textContent ?? '', startOffset)
      : startOffset;
  const end =
    endContainer.nodeType === Node.TEXT_NODE ? snapEnd(endContainer.textContent ?? '', endOffset) : endOffset;
  if (start === startOffset && end === endOffset) return;
  const snapped = document.createRange();
  snapped.setStart(startContainer, start);
  snapped.setEnd(endContainer, end);
  selection.removeAllRanges();
  selection.addRange(snapped);
}
