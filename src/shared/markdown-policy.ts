/**
 * How the app reads a note's Markdown, in one place for the reader's note view
 * and every export: the same `marked` options, the same sanitiser policy, and
 * the same bound on the work. marked's emphasis and nesting handling grows
 * faster than the text (100,000 nested quotes overflow its stack; `_a` × 10,000
 * takes half a second, × 20,000 two seconds), so a note past the bound is shown
 * as plain text with a notice instead of parsed.
 */

export const markedOptions = { gfm: true, breaks: true } as const;

/** Markup a note may never produce: anything that loads, runs, styles, or imitates a form or the app. */
export const forbiddenTags = [
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'output',
  'fieldset',
  'label',
  'meter',
  'progress',
  'dialog',
  'template',
  'slot',
  'style',
  'svg',
  'math',
  'link',
  'meta',
  'base',
  'noscript',
];

/** `id` and `name` could clobber the page's globals (`window.x`, `document.x`); footnote ids are added by the app. */
export const forbiddenAttributes = [
  'style',
  'srcset',
  'id',
  'name',
  'form',
  'formaction',
  'action',
  'autofocus',
];

export const allowedUriPattern = /^(?:https?:|mailto:|#)/i;

export const noteBounds = {
  /** Characters in one note: the contract's note limit (plain text costs marked linear time; the marks and depth below are what grow). */
  maxChars: 200_000,
  /** Emphasis, link and code delimiters (`*`, `_`, `~`, `[`, `` ` ``) in one note. */
  maxDelimiters: 1_000,
  /** Block quotes and list levels opened at the start of one line. */
  maxDepth: 16,
};

/** Why a note is too costly to parse as Markdown, in words, or null when it is within the bound. */
export function noteOverBound(markdown: string): string | null {
  if (markdown.length > noteBounds.maxChars)
    return `This note is longer than ${noteBounds.maxChars.toLocaleString('en')} characters, so it is shown as plain text.`;
  let delimiters = 0;
  for (let at = 0; at < markdown.length; at += 1) {
    const code = markdown.charCodeAt(at);
    // * _ ~ [ `
    if (code === 42 || code === 95 || code === 126 || code === 91 || code === 96) delimiters += 1;
  }
  if (delimiters > noteBounds.maxDelimiters)
    return `This note has more than ${noteBounds.maxDelimiters.toLocaleString('en')} formatting marks, so it is shown as plain text.`;
  for (const line of markdown.split('\n')) {
    let depth = 0;
    let column = 0;
    for (const char of line) {
      if (char === '>') depth += 1;
      else if (char === ' ') column += 1;
      else if (char === '\t') column += 4;
      else break;
      if (depth + Math.floor(column / 2) > noteBounds.maxDepth)
        return `This note nests quotes or lists more than ${noteBounds.maxDepth} levels deep, so it is shown as plain text.`;
    }
  }
  return null;
}
