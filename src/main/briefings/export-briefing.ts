/**
 * Writes a briefing to a file in one format. The file is written to a temp
 * file, fsynced and renamed into place, so a failure (folder not writable,
 * disk full, file held elsewhere) leaves no partial file and nothing in the
 * app changes; the error says why, in words. Markdown re-exports keep what the
 * user wrote around the app's region. PDF is printed from the HTML by the
 * injected `printToPdf` (Electron's printToPDF in the app, Chromium in tests),
 * then given its author and subject (pdf-printing.ts).
 */
import { readFile } from 'node:fs/promises';
import { AppFailure } from '../../shared/api-error';
import { writeFileDurably } from '../store/durable-write';
import type { LibraryStore } from '../store/library-store';
import type { Briefing } from '../store/schemas/briefings-file';
import { resolveBriefing } from './briefing-document';
import type { ExportFormat, PageSize } from './export-formats';
import { briefingToAnnotations } from './exporters/annotation-export';
import { briefingToDocx } from './exporters/docx-export';
import { briefingToHtml } from './exporters/html-export';
import { mergeMarkdownExport } from './exporters/markdown-export';
import { loadNoteLibraries } from './note-markdown';
import { withPdfInfo } from './pdf-printing';

export type PrintToPdf = (html: string, pageSize: PageSize) => Promise<Uint8Array>;

export interface ExportOptions {
  format: ExportFormat;
  target: string;
  pageSize?: PageSize;
  printToPdf?: PrintToPdf;
}

function describeWriteFailure(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'the folder is not writable',
    EPERM: 'the file or folder may not be written (it may be open in another program)',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    ENOENT: 'the folder does not exist',
    EISDIR: 'a folder has that name',
    EBUSY: 'the file is open in another program',
  };
  return `The briefing could not be saved to ${target}: ${reasons[code ?? ''] ?? (error as Error).message}. No file was written.`;
}

async function existingText(target: string): Promise<string | null> {
  try {
    return await readFile(target, 'utf8');
  } catch {
    return null;
  }
}

export async function renderBriefing(
  store: LibraryStore,
  briefing: Briefing,
  options: Omit<ExportOptions, 'target'> & { target?: string },
): Promise<string | Uint8Array> {
  const document = resolveBriefing(store, briefing);
  await loadNoteLibraries();
  switch (options.format) {
    case 'md':
      return mergeMarkdownExport(options.target ? await existingText(options.target) : null, document);
    case 'html':
      return briefingToHtml(document);
    case 'json':
      return `${JSON.stringify(briefingToAnnotations(document), null, 2)}\n`;
    case 'docx':
      return briefingToDocx(document);
    case 'pdf': {
      if (!options.printToPdf)
        throw new AppFailure('invalid-request', 'PDF export needs the app (it prints through Chromium).');
      const pdf = await options.printToPdf(briefingToHtml(document), options.pageSize ?? 'A4');
      const { title, author, audience } = document.briefing;
      return withPdfInfo(pdf, { title, author, subject: audience });
    }
  }
}

export async function exportBriefing(
  store: LibraryStore,
  briefing: Briefing,
  options: ExportOptions,
): Promise<{ path: string; bytes: number }> {
  const content = await renderBriefing(store, briefing, options);
  try {
    await writeFileDurably(options.target, content);
  } catch (error) {
    throw new AppFailure('export-failed', describeWriteFailure(error, options.target));
  }
  return {
    path: options.target,
    bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
  };
}
