/**
 * Turns a file's bytes into text and names the encoding it used, or says why it
 * cannot. In order: a byte-order mark (UTF-8, UTF-16LE/BE); UTF-16 without a
 * mark (recognised by its NUL bytes on every other position); an encoding the
 * source declared (an HTTP charset, an HTML meta tag), when it is one we know;
 * valid UTF-8; then detection by `jschardet` (Windows-1252, ISO-8859-x,
 * Shift_JIS, GB2312, KOI8-R and others), decoded by `iconv-lite`. Only when
 * none of those fits is the text decoded as UTF-8 with U+FFFD in place of bad
 * bytes, which cleaning then flags as damage; binary content (NUL bytes, many
 * control characters) is rejected before any of this is tried.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { importLimits } from './import-limits';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

function controlCharacterRatio(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) control += 1;
  }
  return text.length ? control / text.length : 0;
}

/** UTF-16 without a mark: text in Latin scripts has a NUL in every other byte, on one side. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = sample / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** A declared charset we can decode, under its canonical name; null for none or an unknown one. */
export function knownEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (cleaned === 'utf8' || cleaned === 'utf-8') return 'utf-8';
  // Browsers decode pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding), and so do we.
  if (['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'iso8859-1'].includes(cleaned)) return 'windows-1252';
  return iconv.encodingExists(cleaned) ? cleaned : null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function checked(text: string, encoding: string): Decoded {
  if (text.includes('\0'))
    return { ok: false, reason: 'it is a binary file (it contains NUL bytes), not text' };
  if (controlCharacterRatio(text) > 0.05) return { ok: false, reason: 'it is a binary file, not text' };
  return { ok: true, text, encoding };
}

function detected(bytes: Uint8Array): string | null {
  const sample = bytes.length > 262_144 ? bytes.subarray(0, 262_144) : bytes;
  const guess = jschardet.detect(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength));
  const encoding = knownEncoding(guess.encoding);
  return encoding && encoding !== 'utf-8' && encoding !== 'ascii' ? encoding : null;
}

/**
 * Decodes `bytes`; `declared` is the charset the source named (an HTTP header, an HTML meta tag),
 * trusted after a byte-order mark and before detection.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  const mark = byteOrderMark(bytes);
  if (mark) return checked(decodeWith(bytes.subarray(mark.skip), mark.encoding), mark.encoding);
  const utf16 = guessUtf16(bytes);
  if (utf16) return checked(decodeWith(bytes, utf16), utf16);
  if (bytes.includes(0))
    return { ok: false, reason: 'it is a binary file (it contains NUL bytes), not text' };
  const named = knownEncoding(declared);
  if (named && named !== 'utf-8') return checked(decodeWith(bytes, named), named);
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    const guess = detected(bytes);
    if (guess) return checked(decodeWith(bytes, guess), guess);
    const text = new TextDecoder('utf-8').decode(bytes);
    let replaced = 0;
    for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) replaced += 1;
    if (replaced / Math.max(1, bytes.length) > importLimits.maxInvalidByteRatio) {
      return {
        ok: false,
        reason: `it is not text in any encoding recognised (${replaced} undecodable bytes as UTF-8); save it as UTF-8 and import it again`,
      };
    }
    return checked(text, 'utf-8 (with damaged bytes)');
  }
}
