/**
 * The preload script: exposes the narrow, contract-built `window.api` through
 * contextBridge. The page never sees `ipcRenderer` itself, and can listen only
 * to the events the contract names.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from '../shared/build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => ipcRenderer.removeListener(channel, forward);
    },
  ),
);
