/**
 * Security defaults from Electron's security checklist, applied to every web
 * contents the app creates: no navigation away from the app, no new windows,
 * no permission grants, and external links only as https through the system browser.
 */
import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../../shared/external-url';

export function applySecurityDefaults(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
