/**
 * Where exports go, and whether PDF export can work here. The app shows a save
 * dialog starting in the last export folder; browser mode has no dialog that
 * returns a path, so it writes into a folder the user picks in the export bar
 * (the OS Downloads folder until then). Both modes answer the same two methods.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/api-error';
import type { ExportTarget } from '../../shared/contract';
import type { AppServices } from '../app-services';
import type { Handlers, HandlerServices } from './handler-types';

async function checkWritableFolder(folder: string): Promise<void> {
  if (!path.isAbsolute(folder))
    throw new AppFailure('invalid-request', `“${folder}” is not a full path (it should start at the root).`);
  const info = await stat(folder).catch(() => null);
  if (!info) throw new AppFailure('invalid-request', `The folder ${folder} does not exist.`);
  if (!info.isDirectory()) throw new AppFailure('invalid-request', `${folder} is a file, not a folder.`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new AppFailure('invalid-request', `The folder ${folder} is not writable.`);
  }
}

export function createExportTargetHandlers(
  { store, briefings }: AppServices,
  services: HandlerServices,
): Pick<Handlers, 'getExportTarget' | 'setExportFolder'> {
  const target = async (): Promise<ExportTarget> => {
    const remembered = store.briefings().lastExportFolder;
    const folderMode = services.exportFolder;
    return {
      kind: folderMode ? 'folder' : 'dialog',
      folder: remembered ?? folderMode?.defaultFolder ?? null,
      pdfUnavailable: (await services.pdfUnavailableReason?.()) ?? null,
    };
  };
  return {
    getExportTarget: target,
    setExportFolder: async ({ folder }) => {
      await checkWritableFolder(folder);
      await briefings.rememberExportFolder(path.resolve(folder));
      return target();
    },
  };
}
