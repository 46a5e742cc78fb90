/**
 * The stated structural limits, checked with one linear pass each before any
 * parser or cleaner sees the input: the work those do grows with lines, words,
 * elements and nesting, and a hostile file (a million one-letter lines, a word
 * of 200,000 letters, 100,000 nested <div>s, 500,000 <p>s) would otherwise
 * cost seconds and gigabytes before failing. Each check returns the reason in
 * words, or null when the input is within the limit.
 */
import { importLimits } from './import-limits';

const count = (value: number) => value.toLocaleString('en-US');

/** Too many lines, or a "word" (a run without whitespace) too long to be prose. */
export function textLimitReason(text: string): string | null {
  let lines = 1;
  let word = 0;
  let longest = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) lines += 1;
    if (code <= 32 || code === 0xa0 || code === 0x3000) {
      if (word > longest) longest = word;
      word = 0;
    } else word += 1;
  }
  longest = Math.max(longest, word);
  if (lines > importLimits.maxLines)
    return `it has ${count(lines)} lines, over the limit of ${count(importLimits.maxLines)}`;
  if (longest > importLimits.maxWordLength)
    return `it contains a run of ${count(longest)} characters without a space, over the limit of ${count(importLimits.maxWordLength)}: that is data, not prose`;
  return null;
}

/** Elements whose end tag HTML lets authors leave out, and void elements: they never nest deeper. */
const selfClosing = names(
  'p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption area base br col embed hr img input link meta source track wbr param',
);
/** Elements whose content is text, not markup, up to their end tag. */
const rawText = names('script style textarea title xmp noscript template');

/**
 * A set of lower-case element names, looked up by a name's position in the page: by length and
 * first letter, then letter by letter ignoring ASCII case, so no name string is ever made.
 */
function names(list: string): (html: string, start: number, end: number) => string | null {
  const byKey = new Map<number, string[]>();
  for (const name of list.split(' ')) {
    const key = name.length * 128 + name.charCodeAt(0);
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  return (html, start, end) => {
    const candidates = byKey.get((end - start) * 128 + lowerAscii(html.charCodeAt(start)));
    if (!candidates) return null;
    for (const name of candidates) if (sameLetters(html, start, name)) return name;
    return null;
  };
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Whether `name` (lower case) is written at `at` in `html`, in any ASCII case. */
function sameLetters(html: string, at: number, name: string): boolean {
  if (at + name.length > html.length) return false;
  for (let k = 0; k < name.length; k += 1)
    if (lowerAscii(html.charCodeAt(at + k)) !== name.charCodeAt(k)) return false;
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A character of a tag name: a letter, a digit, `_`, `:` or `-`. */
function isNameCharacter(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 58) || code === 95 || code === 45;
}

/** Where the end tag `</name` of a raw-text element starts at or after `from`, in any case; -1 if none. */
function endTagStart(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2))
    if (sameLetters(html, at + 2, name)) return at;
  return -1;
}

/**
 * Counts elements, the deepest nesting and the most attributes on one element, in one pass over
 * the page's character codes: no copy of the page, no string per tag or character, so the check
 * costs the same on the thousandth page of a batch as on the first.
 */
export function htmlLimitReason(html: string): string | null {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let mostAttributes = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 47;
    let at = closing ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(at))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const nameStart = at;
    while (at < html.length && isNameCharacter(html.charCodeAt(at))) at += 1;
    const nameEnd = at;
    let attributes = 0;
    let quote = 0;
    let inName = false;
    let inValue = false;
    for (; at < html.length; at += 1) {
      const code = html.charCodeAt(at);
      if (quote) {
        if (code === quote) quote = 0;
      } else if (code === 62) break;
      else if (code <= 32 || code === 47) inName = inValue = false;
      else if (code === 61) {
        inName = false;
        inValue = true;
        while (at + 1 < html.length && html.charCodeAt(at + 1) <= 32) at += 1;
      } else if (inValue) {
        if (code === 34 || code === 39) quote = code;
      } else if (!inName) {
        inName = true;
        attributes += 1;
      }
    }
    const selfClosed = html.charCodeAt(at - 1) === 47;
    const voidOrOptional = selfClosing(html, nameStart, nameEnd) !== null;
    if (closing) {
      if (!voidOrOptional) depth = Math.max(0, depth - 1);
    } else {
      elements += 1;
      mostAttributes = Math.max(mostAttributes, attributes);
      if (!voidOrOptional && !selfClosed) {
        depth += 1;
        deepest = Math.max(deepest, depth);
      }
      const raw = rawText(html, nameStart, nameEnd);
      if (raw) {
        const end = endTagStart(html, raw, at);
        if (end >= 0) at = end - 1;
      }
    }
    if (elements > importLimits.maxElements)
      return `the page has more than ${count(importLimits.maxElements)} elements`;
    if (deepest > importLimits.maxNestingDepth)
      return `the page nests elements more than ${count(importLimits.maxNestingDepth)} levels deep`;
    if (mostAttributes > importLimits.maxAttributesPerElement)
      return `an element of the page has more than ${count(importLimits.maxAttributesPerElement)} attributes`;
    i = at < 0 ? -1 : html.indexOf('<', at + 1);
  }
  return null;
}
