/**
 * The Electron main process entry: wires the plain-Node app core to Electron's
 * window, menu, IPC and security settings. It holds no logic of its own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { startAppCore } from './app-core';
import { createDispatcher } from './ipc/dispatcher';
import { dispatchWhenReady } from './ipc/dispatch-when-ready';
import { createHandlers } from './ipc/handlers';
import { applySecurityDefaults } from './shell/security';
import { registerIpc } from './shell/ipc';
import { createMainWindow, isAppPage, rendererDir } from './shell/window';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { installMenu } from './shell/menu';
import { applyUserDataOverride, seedsDirectory, storeDirectory } from './shell/app-paths';
import { flushStoreOnQuit } from './shell/quit';
import { openInBrowser, pickFilesToImport } from './shell/dialogs';
import { openPath, pickExportPath, printToPdf, showInFolder } from './shell/export-services';
import { useBuiltImportWorker } from './importing/use-built-import-worker';
import { useBuiltSearchWorker } from './search/search-thread';
import { useBuiltStoryWorker } from './story/story-thread';
import { readClipboard } from './shell/clipboard';
import { launchUtilityProcess } from './shell/conversion-utility-process';

applyUserDataOverride();
registerAppScheme();
useBuiltImportWorker(path.dirname(fileURLToPath(import.meta.url)), launchUtilityProcess);
useBuiltSearchWorker(path.dirname(fileURLToPath(import.meta.url)));
useBuiltStoryWorker(path.dirname(fileURLToPath(import.meta.url)));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      applySecurityDefaults();
      serveRenderer(rendererDir);
      // The window loads while the store opens; its requests wait for the core (dispatchWhenReady).
      const starting = startAppCore({ dataDir: storeDirectory(), seedsDir: seedsDirectory() });
      flushStoreOnQuit(starting);
      registerIpc(
        dispatchWhenReady(
          starting.then((core) =>
            createDispatcher(
              createHandlers(core, {
                pickFiles: pickFilesToImport,
                openExternal: openInBrowser,
                pickExportPath,
                printToPdf,
                openPath,
                showInFolder,
                readClipboard,
              }),
            ),
          ),
        ),
        isAppPage,
      );
      installMenu();
      createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
      await starting;
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Briefing Reader could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.quit();
    });
}
