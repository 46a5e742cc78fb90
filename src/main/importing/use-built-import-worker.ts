/**
 * Points the conversion process at the bundled `import-worker.js` that
 * electron-vite builds beside the app's entries (the sources' tsx start-up is
 * for Node tools and tests). Both built entries call it: the Electron app
 * (with its utility-process launcher) and browser mode (a forked Node child).
 */
import path from 'node:path';
import { configureImportWorker } from './conversion-worker';
import type { LaunchChild } from './child-launcher';

export function useBuiltImportWorker(entryDir: string, launch?: LaunchChild): void {
  configureImportWorker({ script: path.join(entryDir, 'import-worker.js'), launch });
}
