/**
 * Checks one file offered for import: the stated size limit, a known
 * extension, text not binary, not empty. Returns the decoded raw text with its
 * format and any source metadata an HTML page carried, or the reason the file
 * was rejected, in words for the user.
 */
import { decodeText } from './decode-text';
import { htmlToLines } from './html-to-lines';
import { importLimits, formatForName } from './import-limits';
import type { SourceFormat } from './source-format';
import type { SourceMetadata } from '../store/schemas/library-index';

export type PreparedImport =
  | {
      ok: true;
      raw: string;
      format: SourceFormat;
      source: Partial<SourceMetadata>;
      /** The lines the raw text converts to, when checking it already converted it (HTML): converted once per import. */
      lines?: string;
    }
  | { ok: false; reason: string };

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export function sizeLimitReason(size: number): string {
  return `the file is ${megabytes(size)}, over the ${megabytes(importLimits.maxFileBytes)} limit`;
}

export async function prepareImport(name: string, bytes: Uint8Array): Promise<PreparedImport> {
  const format = formatForName(name);
  if (!format)
    return {
      ok: false,
      reason: `files of this type are not imported (accepted: ${importLimits.extensions.join(', ')})`,
    };
  if (bytes.length > importLimits.maxFileBytes) return { ok: false, reason: sizeLimitReason(bytes.length) };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  if (decoded.text.replace(/[\s\uFEFF\u200B]/g, '') === '') return { ok: false, reason: 'the file is empty' };

  if (format !== 'html') return { ok: true, raw: decoded.text, format, source: {} };

  const article = await htmlToLines(decoded.text);
  if (!article) return { ok: false, reason: 'no article text was found in the page' };
  return {
    ok: true,
    raw: decoded.text,
    format,
    lines: article.lines,
    source: { outlet: article.siteName, author: article.byline, publishedAt: article.publishedTime },
  };
}
