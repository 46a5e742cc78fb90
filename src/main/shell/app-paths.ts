/**
 * Where the app keeps its data and finds its bundled seeds, in development and
 * when installed. `BRIEFING_USER_DATA_DIR` points a test run at a fresh folder.
 */
import { app } from 'electron';
import path from 'node:path';

export function applyUserDataOverride(): void {
  const override = process.env['BRIEFING_USER_DATA_DIR'];
  if (override) app.setPath('userData', override);
}

export function storeDirectory(): string {
  return path.join(app.getPath('userData'), 'store');
}

export function seedsDirectory(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(app.getAppPath(), 'seeds');
}
