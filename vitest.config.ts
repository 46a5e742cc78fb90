/**
 * Unit and contract tests: plain Node, real files in temp folders, no Electron.
 * Svelte compiles the renderer's state classes (`*.svelte.ts`) as the app does.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte({ configFile: false })],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/durability/**/*.test.ts', 'tests/robustness/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
