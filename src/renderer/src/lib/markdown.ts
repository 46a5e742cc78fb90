/**
 * Renders a note's Markdown to safe HTML: marked (CommonMark + GFM) for the
 * Markdown, DOMPurify for the sanitising. No scripts, event handlers, styles,
 * forms or frames survive, and no images at all (a remote image would be a
 * request the user did not make; the page's CSP blocks them too). Links stay,
 * and the note view opens them only after confirmation, only if https.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const forbiddenTags = [
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'style',
  'svg',
  'math',
  'link',
  'meta',
  'base',
];

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: forbiddenTags,
    FORBID_ATTR: ['style', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}
