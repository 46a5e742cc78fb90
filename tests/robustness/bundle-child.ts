/**
 * Bundles a child-process script of a robustness test with vite (inside the
 * project, so its dependencies resolve from node_modules as in the app) and
 * returns the runnable file; `remove` deletes the bundle.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

export async function bundleChild(source: string): Promise<{ script: string; remove: () => Promise<void> }> {
  await mkdir(path.resolve('node_modules/.tmp'), { recursive: true });
  const name = path.basename(source, '.ts');
  const bundleDir = await mkdtemp(path.resolve(`node_modules/.tmp/${name}-`));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.resolve(source),
      outDir: bundleDir,
      rolldownOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
      ssrEmitAssets: false,
    },
  });
  return {
    script: path.join(bundleDir, `${name}.mjs`),
    remove: () => rm(bundleDir, { recursive: true, force: true }),
  };
}
