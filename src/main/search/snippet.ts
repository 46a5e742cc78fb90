/**
 * The short passage shown under a search result, with the matched words marked
 * (as ranges, never HTML), and where in the text the best match is, so the
 * reader can open the article at that passage. Works on folded text (case and
 * diacritics ignored) and maps the ranges back to the original characters.
 */
import { findFolded, foldWithOffsets } from '../../shared/search-text';

export interface Snippet {
  text: string;
  /** [start, end) ranges in `text` (UTF-16) of matched words. */
  marks: Array<[number, number]>;
  /** Where the first match is in the whole text, in Unicode code points; null when nothing matched. */
  at: number | null;
}

const maxMarks = 20;
const wordCharacter = /[\p{L}\p{N}]/u;

function codePoints(text: string, end: number): number {
  let count = 0;
  for (let at = 0; at < end; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0xd800 || code > 0xdbff) count += 1;
  }
  return count;
}

/** `phrases` and `words` folded; the first phrase found (or else the first word) centres the snippet. */
export function makeSnippet(text: string, phrases: string[], words: string[], width = 180): Snippet {
  const { folded, origin } = foldWithOffsets(text);
  let anchor: number | null = null;
  for (const needle of [...phrases, ...words]) {
    const [found] = findFolded(folded, needle, 1);
    if (found !== undefined) {
      anchor = found;
      break;
    }
  }
  const centre = anchor === null ? 0 : origin[anchor]!;
  let start = Math.max(0, centre - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const marks: Array<[number, number]> = [];
  const inWindow = foldWithOffsets(body);
  // A phrase is marked whole; its words are not marked again elsewhere; a word is marked where a word starts.
  const phraseWords = new Set(phrases.flatMap((phrase) => phrase.split(' ')));
  const needles = [...phrases, ...words.filter((word) => !phraseWords.has(word))];
  for (const needle of needles) {
    for (const found of findFolded(inWindow.folded, needle, maxMarks)) {
      if (found > 0 && wordCharacter.test(inWindow.folded[found - 1]!)) continue;
      const from = inWindow.origin[found]! + prefix.length;
      const to = inWindow.origin[found + needle.length]! + prefix.length;
      if (!marks.some(([a, b]) => from < b && to > a)) marks.push([from, to]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  return {
    text: `${prefix}${body}${end < text.length ? '…' : ''}`,
    marks: marks.slice(0, maxMarks),
    at: anchor === null ? null : codePoints(text, origin[anchor]!),
  };
}
