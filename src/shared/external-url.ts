/**
 * The one rule for links leaving the app: absolute https, http or mailto
 * addresses (the schemes an article's links keep, shared/link-href.ts), without
 * credentials, opened by the system after the user confirmed in the page.
 * Anything else (file:, javascript:, data:, custom schemes) is refused.
 */
import { keptLinkHref } from './link-href';

export function isAllowedExternalUrl(candidate: string): boolean {
  return keptLinkHref(candidate) !== null;
}
