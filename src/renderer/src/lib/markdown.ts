/**
 * Renders a note's Markdown to safe HTML: marked (CommonMark + GFM) for the
 * Markdown, DOMPurify for the sanitising, both configured by the shared policy
 * the exports use. No scripts, event handlers, styles, forms, frames, ids or
 * names survive, and no images at all (a remote image would be a request the
 * user did not make; the page's CSP blocks them too). Links stay, and the note
 * view opens them only after confirmation, only if https. A note past the
 * policy's bound is not parsed: it comes back as escaped text with a notice.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import {
  allowedUriPattern,
  forbiddenAttributes,
  forbiddenTags,
  markedOptions,
  noteOverBound,
} from '../../../shared/markdown-policy';

export interface RenderedNote {
  html: string;
  /** Set when the note was too costly to parse and is shown as plain text. */
  notice: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: forbiddenTags,
    FORBID_ATTR: forbiddenAttributes,
    ALLOWED_URI_REGEXP: allowedUriPattern,
  });
}

export function renderNote(markdown: string): RenderedNote {
  const notice = noteOverBound(markdown);
  if (notice) return { html: `<p class="plain">${escapeHtml(markdown)}</p>`, notice };
  return { html: sanitizeHtml(marked.parse(markdown, { async: false, ...markedOptions })), notice: null };
}
