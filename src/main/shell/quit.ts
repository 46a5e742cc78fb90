/**
 * Holds the quit until the store has written everything pending and released
 * its lock, so no saved change is cut off by the process exiting. The window
 * opens while the store does, so a quit may come before the open ends: it
 * then waits for the open, and closes what it opened.
 */
import { app, dialog } from 'electron';
import type { AppCore } from '../app-core';

export function flushStoreOnQuit(starting: Promise<AppCore>): void {
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    starting
      // A core that never started has nothing to save (its failure was shown when it failed).
      .then(
        (core) => core.close(),
        () => undefined,
      )
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
