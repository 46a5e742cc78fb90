/**
 * Security defaults from Electron's security checklist, applied to every web
 * contents the app creates: no navigation away from the app, no new windows,
 * no permission grants. External links go only through the page's confirmation
 * and the `openExternal` method (https only, normalised; see dialogs.ts).
 */
import { app, session, type WebContents } from 'electron';

export function applySecurityDefaults(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window is ever opened, and nothing opens in the browser from here: links leave the app only
  // through the page's confirmation (a click or a middle-click alike) and the openExternal method.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
