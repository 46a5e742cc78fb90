/**
 * Turns a file's bytes into text, or says why it cannot: binary content (NUL
 * bytes or many control characters), or bytes that are not UTF-8. A file with
 * a few undecodable bytes is decoded with U+FFFD in their place, which cleaning
 * then flags as damage; more than that is rejected rather than guessed at.
 */
import { importLimits } from './import-limits';

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

function controlCharacterRatio(bytes: Uint8Array): number {
  let control = 0;
  for (const byte of bytes) if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) control += 1;
  return bytes.length ? control / bytes.length : 0;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.includes(0))
    return { ok: false, reason: 'it is a binary file (it contains NUL bytes), not text' };
  if (controlCharacterRatio(bytes) > 0.05) return { ok: false, reason: 'it is a binary file, not text' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const replaced = (text.match(/\uFFFD/g) ?? []).length;
    if (replaced / Math.max(1, bytes.length) > importLimits.maxInvalidByteRatio) {
      return {
        ok: false,
        reason: `it is not UTF-8 text (${replaced} undecodable bytes); save it as UTF-8 and import it again`,
      };
    }
    return { ok: true, text };
  }
}
