/** Unit and contract tests: plain Node, real files in temp folders, no Electron. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/durability/**/*.test.ts', 'tests/robustness/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
