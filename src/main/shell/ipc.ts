/**
 * Registers the contract's dispatcher on every IPC channel, after checking that
 * the request comes from the app's own page and not from some other frame.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiMethods, channels } from '../../shared/channels';
import type { Dispatch } from '../ipc/dispatcher';

export function registerIpc(dispatch: Dispatch, isTrustedPage: (url: string) => boolean): void {
  for (const method of apiMethods) {
    const channel = channels[method];
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedPage(url)) {
        return { ok: false, error: { code: 'invalid-request', message: 'Request from an untrusted page.' } };
      }
      return dispatch(channel, payload);
    });
  }
}
