/**
 * The shape of the IPC handlers and of the Electron services they are given.
 * Kept apart from the dispatcher and the handler groups so none of them imports
 * another just for a type (no import cycle among the IPC modules).
 */
import type { z } from 'zod';
import { AppFailure } from '../../shared/api-error';
import type { ApiMethod } from '../../shared/channels';
import type { ApiReply, contract } from '../../shared/contract';
import type { ExportFormat } from '../briefings/export-formats';
import type { PrintToPdf } from '../briefings/export-briefing';

export type ValidRequest<M extends ApiMethod> = z.output<(typeof contract)[M]['request']>;

export type Handlers = {
  [M in ApiMethod]: (request: ValidRequest<M>) => Promise<ApiReply<M>> | ApiReply<M>;
};

export interface HandlerServices {
  /** Shows the system's open-file dialog and resolves to the chosen paths (none if cancelled). */
  pickFiles: () => Promise<string[]>;
  /** Opens an (already checked) https link in the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Shows the save dialog for an export and resolves to the chosen path (null if cancelled). */
  pickExportPath: (suggested: string, format: ExportFormat) => Promise<string | null>;
  /** Prints HTML to PDF through Chromium. */
  printToPdf: PrintToPdf;
  /** Opens a file with its default application, and shows a file in its folder. */
  openPath: (file: string) => Promise<void>;
  showInFolder: (file: string) => Promise<void>;
  /** Reads the system clipboard (the app only; the page itself may not). */
  readClipboard?: () => Promise<{ html?: string; text?: string }>;
  now?: () => Date;
  /** Browser mode: exports are written into a folder (this one until the user picks another). */
  exportFolder?: { defaultFolder: string };
  /** Why PDF export cannot work here; absent or null when it can. */
  pdfUnavailableReason?: () => Promise<string | null>;
}

const onlyInTheApp = (what: string) => async () => {
  throw new AppFailure('invalid-request', `${what} is only available in the app.`);
};

export const noServices: HandlerServices = {
  pickFiles: async () => [],
  openExternal: async () => {},
  pickExportPath: async () => null,
  printToPdf: onlyInTheApp('PDF export'),
  openPath: onlyInTheApp('Opening files'),
  showInFolder: onlyInTheApp('Showing files'),
};
