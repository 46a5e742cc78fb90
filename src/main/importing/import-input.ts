/**
 * One thing offered for import, whatever its path (a file picked or dropped,
 * a page fetched from an address, the clipboard), and what converting it gave.
 * These cross the worker-thread boundary, so they hold only cloneable data.
 */
import type { ArticleFile } from '../store/schemas/article-file';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { InputFormat } from './import-limits';

export type SourceKind = 'file' | 'url' | 'clipboard';

export interface ImportInput {
  /** The file name, the address, or "Clipboard": shown in results and kept as the article's source. */
  name: string;
  bytes: Uint8Array;
  kind: SourceKind;
  /** What the bytes are, when the path knows (a fetched page's content type, clipboard HTML); else by name. */
  format?: InputFormat;
  /** The page's address (fetched pages, clipboard HTML that carries one). */
  url?: string | null;
  /** The charset the source declared (an HTTP header). */
  charset?: string | null;
}

export type Conversion =
  | {
      ok: true;
      article: ArticleFile;
      /** The text encoding used, or null for PDF and DOCX (which carry their own). */
      encoding: string | null;
      format: InputFormat;
    }
  | { ok: false; reason: string };

/**
 * A converted article as it comes back from the worker: its record (small) and the whole
 * article file as UTF-8 JSON bytes, checked against the stored schema in the worker. The bytes
 * are transferred (moved, not copied) across the thread boundary and written as they are, so a
 * 2 MB article costs the main thread no object-graph clone, no validation, no stringify and no
 * encoding.
 */
export interface PreparedArticle {
  record: ArticleRecord;
  content: Uint8Array;
  /** True when cleaning left no body text (nothing but site boilerplate). */
  bodyBlank: boolean;
}

export type PreparedConversion =
  | { ok: true; prepared: PreparedArticle; encoding: string | null; format: InputFormat }
  | { ok: false; reason: string };

export function parsePrepared(prepared: PreparedArticle): ArticleFile {
  return JSON.parse(new TextDecoder().decode(prepared.content)) as ArticleFile;
}
