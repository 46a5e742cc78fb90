/**
 * Builds the three parts of the app: the main process (ESM, dependencies left
 * external; plus the browser-mode server as a second entry), the sandboxed preload (one CommonJS file, as sandboxing requires)
 * and the Svelte renderer with its Content-Security-Policy.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/content-security-policy';

function cspMetaTag(mode: 'production' | 'development'): Plugin {
  return {
    name: 'briefing:csp-meta',
    transformIndexHtml: (html) =>
      html.replace(
        '<!-- csp -->',
        `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(mode)}" />`,
      ),
  };
}

export default defineConfig(({ command }) => ({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The browser-mode server (plain Node, no Electron), run by `npm start` where Electron cannot run.
          browser: resolve('src/main/browser/main.ts'),
          // The conversion process's entry (conversion and cleaning of untrusted input off the app's process,
          // a utility process in the app, a Node child in browser mode); packaged as out/main/import-worker.js.
          'import-worker': resolve('src/main/importing/import-worker.ts'),
          // The search index's thread (loading, rebuilding and querying off the main thread).
          'search-worker': resolve('src/main/search/search-worker.ts'),
          // The story desk's thread (parsing names and quotes, comparing a story's sources).
          'story-worker': resolve('src/main/story/story-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [
      svelte({ configFile: resolve('svelte.config.js') }),
      cspMetaTag(command === 'serve' ? 'development' : 'production'),
    ],
  },
}));
