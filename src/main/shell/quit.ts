/**
 * Holds the quit until the store has written everything pending and released
 * its lock, so no saved change is cut off by the process exiting.
 */
import { app, dialog } from 'electron';
import type { AppCore } from '../app-core';

export function flushStoreOnQuit(core: AppCore): void {
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    core
      .close()
      .catch((error: unknown) => {
        dialog.showErrorBox(
          'Some changes could not be saved',
          `Briefing Reader could not finish writing your library: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
