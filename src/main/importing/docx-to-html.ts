/**
 * A Word document (.docx) becomes HTML through `mammoth` (headings, lists and
 * quotes kept by their Word styles), which then takes the same HTML path as a
 * web page. Before mammoth unpacks anything, the zip's central directory is
 * read: a file that is not a zip, a zip without `word/document.xml`, or one
 * whose entries claim more than the unpacked-size limit (a zip bomb) is
 * rejected with that reason. A bomb that lies about its sizes still meets the
 * worker's memory cap.
 */
import { importLimits } from './import-limits';

type Result = { ok: true; html: string } | { ok: false; reason: string };

interface ZipEntry {
  name: string;
  unpackedBytes: number;
}

/** The entries the zip's central directory lists, or null when the bytes are not a zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const unpackedBytes = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    entries.push({ name, unpackedBytes });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export async function docxToHtml(bytes: Uint8Array): Promise<Result> {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: 'it is not a Word document (.docx files are zip archives)' };
  if (!entries.some((entry) => entry.name === 'word/document.xml'))
    return { ok: false, reason: 'it is not a Word document (it has no word/document.xml)' };
  const unpacked = entries.reduce((sum, entry) => sum + entry.unpackedBytes, 0);
  if (unpacked > importLimits.maxDocxUnpackedBytes)
    return {
      ok: false,
      reason: `it unpacks to ${Math.round(unpacked / 2 ** 20)} MB, over the ${importLimits.maxDocxUnpackedBytes / 2 ** 20} MB limit (a zip bomb?)`,
    };
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [
          'p[style-name="Quote"] => blockquote:fresh',
          'p[style-name="Intense Quote"] => blockquote:fresh',
        ],
      },
    );
    return { ok: true, html: `<!doctype html><html><body><article>${result.value}</article></body></html>` };
  } catch (error) {
    return {
      ok: false,
      reason: `the Word document is damaged (${error instanceof Error ? error.message.slice(0, 160) : 'unreadable'})`,
    };
  }
}
