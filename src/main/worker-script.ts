/**
 * Where a worker thread's code is, for the search index's and the story desk's threads: by
 * default the `*-from-source.mjs` beside the module that starts it, which loads the TypeScript
 * through tsx (tests, the command line); the built app names its bundled file instead, which runs
 * without the parent's loader flags. One place, so both threads find their code the same way.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
  file: string;
  built: boolean;
}

/** The source loader `sourceFile`, in the folder of the module at `moduleUrl`. */
export function workerScriptBeside(moduleUrl: string, sourceFile: string): WorkerScript {
  return { file: path.join(path.dirname(fileURLToPath(moduleUrl)), sourceFile), built: false };
}

/** Points `script` at the bundled `bundledFile` beside the built app's entry. */
export function useBuiltWorkerScript(script: WorkerScript, entryDir: string, bundledFile: string): void {
  script.file = path.join(entryDir, bundledFile);
  script.built = true;
}

/** The Worker's `execArgv`: none for a bundled worker, the parent's (tsx) otherwise. */
export const workerExecArgv = (script: WorkerScript): string[] | undefined => (script.built ? [] : undefined);
