/** The system dialogs the app's handlers use, wrapped so the handlers stay free of Electron. */
import { BrowserWindow, dialog, shell } from 'electron';
import { isAllowedExternalUrl } from '../../shared/external-url';
import { importLimits } from '../importing/import-limits';

export async function pickFilesToImport(): Promise<string[]> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: Electron.OpenDialogOptions = {
    title: 'Import articles',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: importLimits.extensions.map((extension) => extension.slice(1)) },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * Opens a link in the system browser; only the allowed schemes, checked again here at the
 * last step (https only, shared/external-url.ts), and the browser gets the URL as parsed and re-serialised (the
 * normalised `href`), never the raw string that was checked.
 */
export async function openInBrowser(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error(`Refused to open ${url}`);
  await shell.openExternal(new URL(url).href);
}
