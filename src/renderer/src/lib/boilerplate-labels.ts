/** Words for the kinds of removed lines, as the reader shows them. */
import type { RemovedLine } from '../../../shared/cleaned-article';

export const boilerplateLabels: Record<RemovedLine['kind'], string> = {
  'summary-prompt': 'summary prompt',
  'article-navigation': 'previous/next navigation',
  'thread-links': 'related links',
  'copy-protection': 'copy-protection notice',
  'form-notice': 'form notice',
  'comment-counter': 'comment counter',
  'comment-chrome': 'comment buttons',
  sharing: 'sharing buttons',
  'page-furniture': 'page header, footer or number',
  'site-chrome': 'site text around the article',
  menu: 'menu',
  button: 'button',
  counter: 'counter',
  'link-list': 'list of links',
  copyright: 'copyright notice',
  'cookie-notice': 'cookie notice',
  'form-control': 'form field',
};
