// Lint rules for the whole project. The rule that matters most here keeps Electron
// out of the plain-Node core: only src/main/index.ts and src/main/shell/ may import it,
// so everything else in src/main/ can be loaded and tested in Node without the binary.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';
import svelteConfig from './svelte.config.js';

export const electronImportBan = {
  paths: [{ name: 'electron', message: 'Only src/main/index.ts and src/main/shell/ may import electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only src/main/index.ts and src/main/shell/ may import electron.' },
  ],
};

/** Folder boundaries: the renderer never reaches into main or Node; shared code belongs to neither side. */
const mainImport = {
  regex: '^(\\.\\.?/)+(.*/)?main(/.*)?$',
  message: 'Only the main process imports src/main.',
};
const nodeImport = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads'],
  message: 'Renderer and shared code run outside Node: no Node built-ins.',
};
export const rendererZone = {
  paths: electronImportBan.paths,
  patterns: [...electronImportBan.patterns, mainImport, nodeImport],
};
export const sharedZone = {
  paths: electronImportBan.paths,
  patterns: [
    ...electronImportBan.patterns,
    mainImport,
    nodeImport,
    { regex: '^(\\.\\.?/)+(.*/)?renderer(/.*)?$', message: 'Shared code does not import the renderer.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.ci/cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Regular expressions meet untrusted text (imported pages, pasted articles): none may backtrack
    // super-linearly, or one crafted line freezes the app.
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: ['src/renderer/**/*'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/shell/**'],
    rules: { 'no-restricted-imports': ['error', electronImportBan] },
  },
  { files: ['src/renderer/**/*'], rules: { 'no-restricted-imports': ['error', rendererZone] } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', sharedZone] } },
);
