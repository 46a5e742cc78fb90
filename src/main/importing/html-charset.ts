/**
 * The charset an HTML page declares in its first bytes (`<meta charset=…>` or
 * the `http-equiv` form), as browsers look for it: only the first 2 KB, read
 * as ASCII, since the declaration must come before any other text.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048))
    .toString('latin1')
    .toLowerCase();
  for (let at = head.indexOf('<meta'); at >= 0; at = head.indexOf('<meta', at + 5)) {
    const end = head.indexOf('>', at);
    const tag = head.slice(at, end < 0 ? head.length : end);
    const match = /charset\s*=\s*["']?([\w.:-]{1,40})/.exec(tag);
    if (match) return match[1]!;
  }
  return null;
}
