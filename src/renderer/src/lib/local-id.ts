/**
 * Ids the renderer makes for new records (a briefing section). Not
 * `crypto.randomUUID`, which exists only in secure contexts (a page served
 * over plain http has none); `getRandomValues` works everywhere.
 */
export function localId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
