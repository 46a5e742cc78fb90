/**
 * Points the import worker at the bundled `import-worker.js` that electron-vite
 * builds beside the app's entries (the sources' tsx start-up is for Node tools
 * and tests). Both built entries call it: the Electron app and browser mode.
 */
import path from 'node:path';
import { configureImportWorker } from './conversion-worker';

export function useBuiltImportWorker(entryDir: string): void {
  configureImportWorker({ script: path.join(entryDir, 'import-worker.js') });
}
