/**
 * Byte arrays on the wire of browser mode. Electron's IPC carries a Uint8Array
 * natively; JSON does not, so the page's HTTP transport sends each one as
 * `{ "__bytes": "<base64>" }` and the server revives it before the dispatcher
 * validates the request. Uses only atob/btoa, so page and Node share it.
 */
const tag = '__bytes';

export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000)
      binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { [tag]: btoa(binary) };
  }
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeBytes(inner)]));
  return value;
}

export function reviveBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveBytes);
  if (value && typeof value === 'object') {
    const tagged = (value as Record<string, unknown>)[tag];
    if (typeof tagged === 'string' && Object.keys(value).length === 1) {
      const binary = atob(tagged);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, reviveBytes(inner)]));
  }
  return value;
}
