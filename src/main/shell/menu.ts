/**
 * The application menu: Import Articles… (which asks the page to run the import,
 * so progress and results show there), standard roles for editing and windows,
 * developer tools only in development builds.
 */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { events } from '../../shared/channels';
import type { MenuCommand } from '../../shared/contract';

function sendToPage(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(events.onMenuCommand, command);
}

export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Articles…', accelerator: 'CmdOrCtrl+O', click: () => sendToPage('import-articles') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(app.isPackaged
          ? []
          : ([
              { role: 'reload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] as MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
