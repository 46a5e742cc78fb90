/** What an import accepts: the stated limits, shown to users in rejection reasons and the README. */
import { limits } from '../../shared/limits';

export const importLimits = {
  /** Larger files are rejected: no news article comes near this. */
  maxFileBytes: limits.importBytes,
  /** How many files one import request may carry (the app sends one at a time, for progress). */
  maxFilesPerRequest: limits.filesPerImport,
  /**
   * Up to this share of undecodable bytes is imported with the damage flagged
   * (a Windows-1252 file's curly quotes, say); more is rejected as not text.
   */
  maxInvalidByteRatio: 0.05,
  extensions: ['.txt', '.md', '.markdown', '.html', '.htm'] as const,
} as const;

import type { SourceFormat } from './source-format';

export function formatForName(name: string): SourceFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'text';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return null;
}
