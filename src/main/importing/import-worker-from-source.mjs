// Starts the conversion process from the TypeScript sources (the command line,
// the unit tests, the browser-mode e2e harness): registers tsx in this child
// process, then loads the real entry. The built app uses out/main/import-worker.js.
import { tsImport } from 'tsx/esm/api';

await tsImport('./import-worker.ts', import.meta.url);
