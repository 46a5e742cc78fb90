/**
 * The one rule for links leaving the app: absolute https addresses without
 * credentials, opened by the system after the user confirmed in the page.
 * Articles keep http and mailto links as links (shared/link-href.ts) so their
 * addresses can be read and copied, but the app opens nothing unencrypted and
 * starts no mail program; file:, javascript:, data: and custom schemes are
 * refused everywhere.
 */
import { keptLinkHref } from './link-href';

export function isAllowedExternalUrl(candidate: string): boolean {
  const href = keptLinkHref(candidate);
  return href !== null && href.startsWith('https:');
}
