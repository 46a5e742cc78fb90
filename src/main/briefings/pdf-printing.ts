/**
 * Printing a briefing's HTML to PDF from a temporary file rather than a
 * `data:` URL (Chromium refuses URLs over 2 MiB, so a large briefing could not
 * be printed), and adding what Chromium leaves out of the PDF's document
 * information: the author, the subject and the app as creator.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes `html` to a private temporary folder, lets `print` load it by its `file:` URL, then removes the folder. */
export async function printFromTempFile(
  html: string,
  print: (fileUrl: string, filePath: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(tmpdir(), 'briefing-print-'));
  try {
    const file = path.join(folder, 'briefing.html');
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    return await print(pathToFileURL(file).href, file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
}

/** A PDF text string in UTF-16BE with a byte-order mark, as hex: any text, nothing to escape. */
function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let at = 0; at < text.length; at += 1) hex += text.charCodeAt(at).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

/**
 * Sets the document information of a PDF by an incremental update (PDF 1.7,
 * 7.5.6): a new Info dictionary, a cross-reference section for it and a
 * trailer pointing back at the previous one, appended to the file, so
 * nothing Chromium wrote (tags, outline, links) is rewritten. A file whose
 * last trailer is not a classic one (a cross-reference stream) is returned
 * unchanged.
 */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo, now = new Date()): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const trailerAt = tail.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (trailerAt < 0 || !startxref) return pdf;
  const trailer = tail.slice(trailerAt);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root) return pdf;
  const objectNumber = Number(size[1]);
  const entries = [
    `/Title ${pdfText(info.title)}`,
    info.author ? `/Author ${pdfText(info.author)}` : '',
    info.subject ? `/Subject ${pdfText(info.subject)}` : '',
    `/Creator ${pdfText('Briefing Reader')}`,
    `/Producer ${pdfText('Chromium (Skia/PDF)')}`,
    `/CreationDate ${pdfDate(now)}`,
    `/ModDate ${pdfDate(now)}`,
  ].filter(Boolean);
  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectOffset = pdf.length + separator.length;
  const object = `${objectNumber} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = objectOffset + Buffer.byteLength(object, 'latin1');
  const update =
    `${separator}${object}xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${objectNumber + 1}\n/Root ${root[1]}\n/Info ${objectNumber} 0 R\n/Prev ${startxref[1]}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]);
}
