/**
 * Where sentences start in a text, and which sentence a position is in: the
 * quote finder's frames and the pronoun resolver both work sentence by sentence.
 */

/** Where sentences start: the text's start, each line, and after . ! ? (and a closing quote). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/(?:[.!?…]["”’»]?[ \t]+|\n)(?=[^\s])/gu))
    starts.push(match.index + match[0].length);
  return starts;
}

/** The last sentence start at or before `at` (binary search over the ascending starts). */
export function sentenceStartAt(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= at) {
      found = starts[middle]!;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
