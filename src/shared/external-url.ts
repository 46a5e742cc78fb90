/**
 * The one rule for links leaving the app: only absolute https URLs, opened by
 * the system browser. Anything else (file:, javascript:, http:, custom schemes) is refused.
 */
export function isAllowedExternalUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
