/**
 * Points the import worker at the bundled `out/main/import-worker.js`, built
 * beside this entry by electron-vite (the sources' tsx start-up is for Node).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureImportWorker } from '../importing/conversion-worker';

export function useBuiltImportWorker(): void {
  configureImportWorker({
    script: path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker.js'),
  });
}
