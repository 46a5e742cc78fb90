/**
 * The Electron side of exporting: the save dialog (starting in the last export
 * folder), printing the briefing's HTML to PDF from a hidden window (no
 * scripts, no preload, page numbers in the footer), opening a file and showing
 * it in its folder.
 */
import { BrowserWindow, dialog, shell } from 'electron';
import type { ExportFormat, PageSize } from '../briefings/export-formats';
import { exportFormats } from '../briefings/export-formats';
import { electronPdfOptions } from '../briefings/pdf-options';
import { printFromTempFile } from '../briefings/pdf-printing';

export async function pickExportPath(suggested: string, format: ExportFormat): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const { label, extension } = exportFormats[format];
  const options: Electron.SaveDialogOptions = {
    title: `Export the briefing as ${label}`,
    defaultPath: suggested,
    filters: [{ name: label, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function printToPdf(html: string, pageSize: PageSize): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    return await printFromTempFile(html, async (_url, file) => {
      await window.loadFile(file);
      return window.webContents.printToPDF(electronPdfOptions(pageSize));
    });
  } finally {
    window.destroy();
  }
}

export async function openPath(file: string): Promise<void> {
  const error = await shell.openPath(file);
  if (error) throw new Error(error);
}

export async function showInFolder(file: string): Promise<void> {
  shell.showItemInFolder(file);
}
