/** What an import accepts: the stated limits, shown to users in rejection reasons and the README. */
import { limits } from '../../shared/limits';

export const importLimits = {
  /** Larger files are rejected: no news article comes near this. */
  maxFileBytes: limits.importBytes,
  /** How many files one import request may carry (the app sends one at a time, for progress). */
  maxFilesPerRequest: limits.filesPerImport,
  /**
   * Up to this share of undecodable bytes is imported with the damage flagged; more is
   * rejected as not text. (Text in a known legacy encoding is decoded by detection first.)
   */
  maxInvalidByteRatio: 0.05,
  extensions: ['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx'] as const,
  /** Structure past which a file is not an article (a report of 300 pages has ~15,000 lines). */
  maxLines: 50_000,
  maxBlocks: 20_000,
  /** One "word" longer than this is data, not prose (cleaning such runs is what gets slow). */
  maxWordLength: 10_000,
  /** HTML: elements, nesting depth and attributes on one element. */
  maxElements: 60_000,
  maxNestingDepth: 400,
  maxAttributesPerElement: 256,
  /** The stored article file (raw text, cleaned structure) and so the `getArticle` reply. */
  maxArticleBytes: 24 * 1024 * 1024,
  /** PDF: pages read. DOCX: the unpacked size of the document. */
  maxPdfPages: 500,
  maxDocxUnpackedBytes: 40 * 1024 * 1024,
  /** Each file's conversion and cleaning runs in a worker thread with these budgets. */
  workerTimeoutMs: 20_000,
  workerMemoryMb: 768,
} as const;

/** What a file's bytes are, by the name's extension. */
export type InputFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export function formatForName(name: string): InputFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'text';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}
