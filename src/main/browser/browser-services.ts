/**
 * What the handlers need from the world around them, in browser mode. There is
 * no save dialog that returns a path, so an export is written into the export
 * folder (the one chosen in the export bar, else the OS Downloads folder, made
 * if missing); a file of that name is replaced only for Markdown, whose
 * re-export keeps the user's own text, otherwise a free name is chosen. Files
 * to import arrive as bytes from the page's file picker, never as paths.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/api-error';
import type { HandlerServices } from '../ipc/handlers';
import type { ChromiumPrinter } from './chromium-printer';
import { openWithSystem, type Opener } from './system-opener';

export interface BrowserServiceOptions {
  downloadsDir: string;
  printer: ChromiumPrinter;
  /** Opens links, files and folders; the OS opener unless a test records instead. */
  open?: Opener;
}

/** `name.ext`, else `name (2).ext`, `name (3).ext`… whichever does not exist yet. */
export function freeFileName(file: string, exists: (file: string) => boolean = existsSync): string {
  if (!exists(file)) return file;
  const { dir, name, ext } = path.parse(file);
  for (let n = 2; ; n += 1) {
    const candidate = path.join(dir, `${name} (${n})${ext}`);
    if (!exists(candidate)) return candidate;
  }
}

export function browserServices(options: BrowserServiceOptions): HandlerServices {
  const open = options.open ?? openWithSystem;
  return {
    pickFiles: async () => {
      throw new AppFailure(
        'invalid-request',
        'In the browser, choose files with the page’s file picker or drop them on the window.',
      );
    },
    openExternal: open,
    pickExportPath: async (suggested, format) => {
      const inChosenFolder = path.isAbsolute(suggested);
      const target = inChosenFolder ? suggested : path.join(options.downloadsDir, suggested);
      if (!inChosenFolder) await mkdir(options.downloadsDir, { recursive: true });
      return format === 'md' ? target : freeFileName(target);
    },
    printToPdf: options.printer.print,
    openPath: open,
    showInFolder: (file) => open(path.dirname(file)),
    exportFolder: { defaultFolder: options.downloadsDir },
    pdfUnavailableReason: options.printer.unavailableReason,
  };
}
