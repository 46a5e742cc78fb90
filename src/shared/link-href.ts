/**
 * Which link addresses an article keeps: http:, https: and mailto: only,
 * absolute, without credentials. Anything else (javascript:, file:, data:,
 * relative paths) is dropped at import and its text stays as plain text, so
 * nothing stored can ever point the reader at a script or a local file.
 */
export const keptLinkSchemes = ['http:', 'https:', 'mailto:'] as const;

/** The address as parsed and re-serialised, or null when it is not one to keep. */
export function keptLinkHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate.trim());
  } catch {
    return null;
  }
  if (!(keptLinkSchemes as readonly string[]).includes(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'mailto:' ? url.pathname.trim() === '' : url.hostname === '') return null;
  return url.href.length <= 4096 ? url.href : null;
}
