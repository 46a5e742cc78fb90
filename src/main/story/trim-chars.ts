/**
 * Trimming characters of a class from a string's ends by a loop, not by an
 * anchored regular expression (which backtracks quadratically on long runs).
 */
export function trimEndWhile(text: string, isTrimmed: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

export function trimStartWhile(text: string, isTrimmed: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && isTrimmed(text[start]!)) start += 1;
  return text.slice(start);
}
