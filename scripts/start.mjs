#!/usr/bin/env node
// `npm start` (`start.mjs preview`), `npm run dev` (`start.mjs dev`) and `npm run start:browser`
// (`start.mjs browser`). Makes sure Electron's binary is there through Electron's own installer
// (`install-electron`, as Electron 42+ no longer downloads it at `npm install`), then opens the app
// with electron-vite. Where the binary cannot be had (offline, a proxy, a blocked host) or cannot
// show a window (no display), it says so in one paragraph, without a stack trace, and serves the
// same app to the system browser instead (browser mode, `out/main/browser.js`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const mode = process.argv[2] ?? 'preview';
const root = path.resolve(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

/** The folder of the `electron` package, or null when npm install has not run. */
function electronPackageDir() {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Runs install-electron; answers null when the binary is there, else the reason in one line. */
function ensureElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const dir = electronPackageDir();
  if (!dir) return 'the electron package is not installed (run npm install)';
  console.log("Making sure Electron's binary is here (the first time, install-electron downloads it)…");
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  });
  if (result.status === 0 && existsSync(path.join(dir, 'path.txt'))) {
    const binary = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8'));
    if (existsSync(binary)) return null;
  }
  if (result.error) return result.error.message;
  const output = `${result.stderr}\n${result.stdout}`;
  // The installer prints a stack; its first line says what failed.
  const firstLine = output.split('\n').find((line) => line.trim() && !/^\s+at /.test(line));
  return firstLine?.trim() ?? `the installer exited with code ${result.status}`;
}

function noDisplay() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

async function startBrowserMode() {
  // BRIEFING_SKIP_BUILD=1 serves the build already in out/ (the end-to-end tests, which built it).
  if (!process.env.BRIEFING_SKIP_BUILD && run(npx, ['electron-vite', 'build']).status !== 0) process.exit(1);
  // The server runs in this process, so Ctrl+C reaches it and it saves the library before exiting.
  await import(pathToFileURL(path.join(root, 'out', 'main', 'browser.js')).href);
}

if (mode === 'browser') {
  await startBrowserMode();
} else {
  const failure = ensureElectron();
  const why = failure
    ? `Electron's binary could not be downloaded (${failure}).`
    : noDisplay()
      ? 'Electron is installed, but this machine has no display to show its window (neither DISPLAY nor WAYLAND_DISPLAY is set).'
      : null;
  if (why) {
    console.log(
      `\n${why} Ways on: set ELECTRON_MIRROR to a mirror of Electron's releases that you can reach and run this again; ` +
        `or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron ${JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version.split('.')[0]} you already have; ` +
        `or use the browser mode, which starts now: the same app and library, served to your browser on this machine only ` +
        `(\`npm run start:browser\` asks for it directly${mode === 'dev' ? '; it has no hot reload' : ''}).\n`,
    );
    await startBrowserMode();
  } else {
    process.exit(run(npx, ['electron-vite', mode]).status ?? 1);
  }
}
