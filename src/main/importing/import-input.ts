/**
 * One thing offered for import, whatever its path (a file picked or dropped,
 * a page fetched from an address, the clipboard), and what converting it gave.
 * These cross the worker-thread boundary, so they hold only cloneable data.
 */
import type { ArticleFile } from '../store/schemas/article-file';
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
