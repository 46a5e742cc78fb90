/**
 * The IPC methods for importing: files sent by the page (dropped), and files
 * chosen in the open dialog, which the page knows only by token, never by path.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppFailure } from '../../shared/api-error';
import type { AppServices } from '../app-services';
import { importArticles } from '../importing/import-articles';
import { readImportFile } from '../importing/read-import-file';
import type { Handlers, HandlerServices } from './handler-types';

type ImportMethods = 'importFiles' | 'pickImportFiles' | 'importPickedFile';

export function createImportHandlers(
  { store }: AppServices,
  services: HandlerServices,
): Pick<Handlers, ImportMethods> {
  const now = services.now ?? (() => new Date());
  const picked = new Map<string, string>();

  return {
    importFiles: ({ files }) => importArticles(store, files, now()),
    pickImportFiles: async () => ({
      files: (await services.pickFiles()).map((file) => {
        const token = randomUUID();
        picked.set(token, file);
        return { token, name: path.basename(file) };
      }),
    }),
    importPickedFile: async ({ token }) => {
      const file = picked.get(token);
      if (!file)
        throw new AppFailure('not-found', 'That file is no longer waiting to be imported. Choose it again.');
      picked.delete(token);
      const read = await readImportFile(file);
      if (!read.ok) return { name: read.name, status: 'rejected', reason: read.reason };
      const [result] = await importArticles(store, [{ name: read.name, bytes: read.bytes }], now());
      return result!;
    },
  };
}
