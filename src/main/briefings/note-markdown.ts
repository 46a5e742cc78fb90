/**
 * A note (or the bottom line up front) rendered for export from one `marked`
 * parse, with the reader's options and sanitiser policy
 * (shared/markdown-policy.ts): raw HTML in a note is shown as the text it is,
 * never passed on; headings are demoted below the briefing's sections; each
 * note's footnotes get ids of their own (`n3-1`), so two notes' `[^1]` do not
 * clash. The HTML is sanitised by DOMPurify; the Word export walks the same
 * sanitised HTML, so every format shows the one parse. A note past the bound
 * is rendered as plain paragraphs instead.
 */
import type { DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import { Marked, type Tokens } from 'marked';
import markedFootnote from 'marked-footnote';
import {
  allowedUriPattern,
  forbiddenAttributes,
  forbiddenTags,
  markedOptions,
  noteOverBound,
} from '../../shared/markdown-policy';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text as HTML paragraphs: blank lines part paragraphs, single newlines are line breaks. */
export function plainParagraphs(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

let libraries: {
  JSDOM: typeof import('jsdom').JSDOM;
  createDOMPurify: typeof import('dompurify').default;
} | null = null;
let window: JSDOM['window'] | null = null;
let purifier: DOMPurify | null = null;

/**
 * Loads jsdom and DOMPurify, which only notes with Markdown need: exports
 * call it first, so neither app start-up nor the command line pays for them.
 */
export async function loadNoteLibraries(): Promise<void> {
  if (libraries) return;
  const [jsdom, dompurify] = await Promise.all([import('jsdom'), import('dompurify')]);
  libraries = { JSDOM: jsdom.JSDOM, createDOMPurify: dompurify.default };
}

/** One DOM for sanitising and walking notes, made on first use (after loadNoteLibraries). */
export function noteDom(): JSDOM['window'] {
  if (!libraries) throw new Error('Call loadNoteLibraries() before rendering notes.');
  window ??= new libraries.JSDOM('').window;
  return window;
}

const purifyConfig = {
  FORBID_TAGS: forbiddenTags,
  // Footnote ids are the app's own, unique per note; everything else of the policy holds.
  FORBID_ATTR: forbiddenAttributes.filter((name) => name !== 'id'),
  ALLOWED_URI_REGEXP: allowedUriPattern,
};

function purify(): DOMPurify {
  const { createDOMPurify } = libraries ?? {};
  if (!createDOMPurify) throw new Error('Call loadNoteLibraries() before rendering notes.');
  purifier ??= createDOMPurify(noteDom() as unknown as Parameters<typeof createDOMPurify>[0]);
  return purifier;
}

/**
 * Anything marked could read as markup: escapes, code, emphasis, links, HTML,
 * entities, tables, autolinks, and block syntax at a line's start. A note
 * with none of it is plain text, rendered without parsing or sanitising.
 */
const markdownSyntax = /[\\`*_~[\]<>&|@]|[a-z]:\/\/|www\.|^ {0,3}(?:[#=+-]|\d{1,9}[.)])|^(?: {4}|\t)/im;

export interface RenderedNoteHtml {
  html: string;
  /** True when the note was rendered as plain text (it has no Markdown, or is past the bound). */
  plain: boolean;
  /** The sanitised note as DOM (when it was parsed), for the Word export to walk. */
  element?: Element;
}

const isPlain = (markdown: string) => !markdownSyntax.test(markdown) || noteOverBound(markdown) !== null;

function markedHtml(markdown: string, key: string, headingOffset: number): string {
  const marked = new Marked(
    markedFootnote({ prefixId: `${key}-`, description: 'Notes', refMarkers: false }),
    {
      ...markedOptions,
      renderer: {
        html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
        heading(token: Tokens.Heading) {
          const level = Math.min(token.depth + headingOffset, 6);
          return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
        },
      },
    },
  );
  return marked.parse(markdown, { async: false });
}

/**
 * Every note of a document at once, by key. `key` makes a note's footnote ids
 * unique in the document; `headingOffset` is added to the level of its headings
 * (2 puts `#` under the `<h2>` sections). The notes are sanitised in one
 * DOMPurify pass (each in its own wrapper), as each pass costs a jsdom parse
 * of about 20 ms; raw HTML in a note is escaped, so no note can forge a wrapper.
 */
export function renderNotes(
  notes: { key: string; markdown: string }[],
  headingOffset = 2,
): Map<string, RenderedNoteHtml> {
  const rendered = new Map<string, RenderedNoteHtml>();
  const parsed: { key: string; html: string }[] = [];
  for (const { key, markdown } of notes) {
    if (!markdown.trim()) rendered.set(key, { html: '', plain: false });
    else if (isPlain(markdown)) rendered.set(key, { html: plainParagraphs(markdown), plain: true });
    else parsed.push({ key, html: markedHtml(markdown, key, headingOffset) });
  }
  if (parsed.length === 0) return rendered;
  const combined = parsed.map((note, index) => `<div data-note-index="${index}">${note.html}</div>`).join('');
  const body = purify().sanitize(combined, { ...purifyConfig, RETURN_DOM: true }) as unknown as Element;
  for (const wrapper of body.querySelectorAll('div[data-note-index]')) {
    const note = parsed[Number(wrapper.getAttribute('data-note-index'))];
    if (note && !rendered.has(note.key))
      rendered.set(note.key, { html: wrapper.innerHTML, plain: false, element: wrapper });
  }
  return rendered;
}

/** One note, as renderNotes renders it. */
export function noteToHtml(markdown: string, key: string, headingOffset = 2): RenderedNoteHtml {
  return renderNotes([{ key, markdown }], headingOffset).get(key)!;
}

/** The notes of a briefing document: the bottom line (`bluf`) and each item's note. */
export function documentNotes(document: {
  briefing: { bluf: string };
  sections: { items: { noteKey: string; note: string }[] }[];
}): Map<string, RenderedNoteHtml> {
  return renderNotes([
    { key: 'bluf', markdown: document.briefing.bluf },
    ...document.sections.flatMap((section) =>
      section.items.map((item) => ({ key: item.noteKey, markdown: item.note })),
    ),
  ]);
}
