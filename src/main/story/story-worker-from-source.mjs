// Starts the story desk's worker from the TypeScript sources (the command line,
// the unit tests, the browser-mode e2e harness): registers tsx in this worker
// thread, then loads the real entry. The built app uses out/main/story-worker.js.
import { tsImport } from 'tsx/esm/api';

await tsImport('./story-worker.ts', import.meta.url);
