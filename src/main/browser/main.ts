/**
 * The browser-mode entry (`out/main/browser.js`, run with plain Node by
 * `npm start` when Electron cannot run, and by `npm run start:browser`):
 * serves the app on loopback, prints the address and opens it with the OS's
 * opener, and on Ctrl+C / SIGTERM stops serving and flushes the store, as
 * quitting the app does. `--no-open` only prints the address.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreLockedError } from '../store/store-lock';
import { useBuiltImportWorker } from '../importing/use-built-import-worker';
import { useBuiltSearchWorker } from '../search/search-thread';
import { useBuiltStoryWorker } from '../story/story-thread';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { openWithSystem } from './system-opener';
import { downloadsDirectory, userDataDirectory } from './user-folders';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const seedsDir = path.resolve(here, '../../seeds');
useBuiltImportWorker(here);
useBuiltSearchWorker(here);
useBuiltStoryWorker(here);

function stopOnSignals(app: BrowserApp): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: saving the library and stopping…`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Some changes could not be saved: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

async function main(): Promise<number> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The app is not built (${rendererDir} is missing). Run \`npm run build\` first.`);
    return 1;
  }
  const userDataDir = userDataDirectory();
  let app: BrowserApp;
  try {
    app = await startBrowserApp({ userDataDir, seedsDir, rendererDir, downloadsDir: downloadsDirectory() });
  } catch (error) {
    if (error instanceof StoreLockedError) {
      console.error(
        `The library in ${path.join(userDataDir, 'store')} is open elsewhere: another Briefing Reader (pid ${error.ownerPid}) holds it. Use that one, or close it and run this again.`,
      );
      return 1;
    }
    throw error;
  }
  stopOnSignals(app);
  app.ready.catch((error: unknown) => console.error('The library could not be opened:', error));
  const { url } = app.server;
  console.log(
    [
      'Briefing Reader is running in browser mode. Open this address:',
      '',
      `  ${url}`,
      '',
      'It carries a key for this launch only: do not share it. Press Ctrl+C here to stop (the library is saved first).',
      `Library: ${path.join(userDataDir, 'store')}`,
    ].join('\n'),
  );
  if (!process.argv.includes('--no-open') && !process.env['BRIEFING_NO_OPEN']) {
    openWithSystem(url).catch(() =>
      console.log('(No program to open the address was found: open it yourself.)'),
    );
  }
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`Briefing Reader could not start: ${(error as Error).message}`);
    process.exit(1);
  },
);
