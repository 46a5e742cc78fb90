/**
 * Opens an address, a file or a folder with the OS's own opener (xdg-open,
 * open, explorer), as Electron's `shell` does in the app. Used for the printed
 * address at start, https links from notes, and an export's Open / Show in folder.
 */
import { spawn } from 'node:child_process';

export type Opener = (target: string) => Promise<void>;

export function openerCommand(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return 'explorer.exe';
  return 'xdg-open';
}

export const openWithSystem: Opener = (target) =>
  new Promise((resolve, reject) => {
    const command = openerCommand();
    const child = spawn(command, [target], { detached: true, stdio: 'ignore' });
    child.once('error', (error) =>
      reject(new Error(`${command} could not be run to open ${target}: ${error.message}`)),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
