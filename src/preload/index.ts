/**
 * The preload script: exposes the narrow, contract-built `window.api` through
 * contextBridge. The page never sees `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
