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
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
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

let window: JSDOM['window'] | null = null;
let purifier: DOMPurify | null = null;

/** One DOM for sanitising and walking notes, made on first use. */
export function noteDom(): JSDOM['window'] {
  window ??= new JSDOM('').window;
  return window;
}

function sanitize(html: string): string {
  purifier ??= createDOMPurify(noteDom() as unknown as Parameters<typeof createDOMPurify>[0]);
  return purifier.sanitize(html, {
    FORBID_TAGS: forbiddenTags,
    // Footnote ids are the app's own, unique per note; everything else of the policy holds.
    FORBID_ATTR: forbiddenAttributes.filter((name) => name !== 'id'),
    ALLOWED_URI_REGEXP: allowedUriPattern,
  });
}

export interface RenderedNoteHtml {
  html: string;
  /** True when the note was past the bound and rendered as plain text. */
  plain: boolean;
}

/**
 * `key` makes the note's footnote ids unique in the document; `headingOffset`
 * is added to the level of the note's headings (2 puts `#` under the `<h2>` sections).
 */
export function noteToHtml(markdown: string, key: string, headingOffset = 2): RenderedNoteHtml {
  if (!markdown.trim()) return { html: '', plain: false };
  if (noteOverBound(markdown)) return { html: plainParagraphs(markdown), plain: true };
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
  return { html: sanitize(marked.parse(markdown, { async: false })), plain: false };
}
