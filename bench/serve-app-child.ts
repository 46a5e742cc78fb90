/**
 * The app's main process for the library bench, in a process of its own as the Electron main
 * process is: browser mode (the same core, handlers and server) on the bench's profile. The bench's
 * own process parses traces of hundreds of megabytes and drives Chromium; served from there, its
 * garbage collections and work competed with the page on this two-core machine, as the app's main
 * process never does. Told what to do over the fork's IPC channel: `start` (timed from its
 * arrival, the modules already loaded as a built app's are), `idle` (the search index loaded, the
 * store flushed), `close` (quitting).
 */
import path from 'node:path';
import { startBrowserApp, type BrowserApp } from '../src/main/browser/browser-app';

type Command = 'start' | 'idle' | 'close';

const profileDir = process.argv[2]!;
let app: BrowserApp | null = null;

async function run(command: Command): Promise<Record<string, unknown>> {
  if (command === 'start') {
    app = await startBrowserApp({
      userDataDir: profileDir,
      seedsDir: path.resolve('seeds'),
      rendererDir: path.resolve('out/renderer'),
      downloadsDir: path.join(profileDir, 'Downloads'),
      // Nothing is opened or saved by the bench; these keep the system's openers out of it.
      services: {
        openExternal: async () => undefined,
        pickExportPath: async () => null,
        openPath: async () => undefined,
        showInFolder: async () => undefined,
      },
    });
    return { url: app.server.url };
  }
  if (command === 'idle') {
    const core = await app!.ready;
    await core.services?.search.idle();
    await core.store?.flush();
    return {};
  }
  await app?.close();
  return {};
}

process.on('message', (command: Command) => {
  run(command).then(
    (reply) => process.send!({ command, ok: true, ...reply }),
    (error: unknown) => process.send!({ command, ok: false, message: String(error) }),
  );
});
// The bench gone (it failed, or was stopped): quit as the app does, releasing the store's lock.
process.on('disconnect', () => {
  void (app?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
process.send!({ command: 'loaded', ok: true });
