/**
 * Executable boundaries: lint zones (the renderer never imports main or Node;
 * shared code imports neither main, the renderer nor Node), proved to fire;
 * and no import cycle anywhere in src/, type-only imports included.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(filePath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('lint zones', () => {
  it.each([
    ["import { openLibraryStore } from '../../../main/store/library-store';", 'src/renderer/src/lib/x.ts'],
    ["import { readFile } from 'node:fs/promises';", 'src/renderer/src/lib/x.ts'],
    ["import path from 'path';", 'src/renderer/src/state/x.svelte.ts'],
    ["import { call } from '../renderer/src/lib/api';", 'src/shared/x.ts'],
    ["import { findRecord } from '../main/articles/find-record';", 'src/shared/x.ts'],
    ["import { createHash } from 'node:crypto';", 'src/shared/x.ts'],
  ])('refuse %s in %s', async (line, file) => {
    expect(
      await restricted(
        `${line}\nexport const used = [${line
          .match(/\{ (\w+) \}|import (\w+)/)!
          .slice(1)
          .find(Boolean)}];\n`,
        file,
      ),
    ).toHaveLength(1);
  });

  it('allow the renderer to import shared code', async () => {
    expect(
      await restricted(
        "import { channels } from '../../../shared/channels';\nexport const c = channels;\n",
        'src/renderer/src/lib/x.ts',
      ),
    ).toHaveLength(0);
  });
});

// Scans this project's own source files only (trusted, small), never user input.
// eslint-disable-next-line regexp/no-super-linear-move, regexp/no-super-linear-backtracking
const importPattern = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir('src', { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.join(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.svelte`, `${base}.js`, path.join(base, 'index.ts')])
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(ts|svelte|js)$/.test(candidate))
      return candidate;
  return null;
}

describe('imports', () => {
  it('form no cycle in src/, type imports included', async () => {
    const graph = new Map<string, string[]>();
    for (const file of await sourceFiles()) {
      const code = await readFile(file, 'utf8');
      const targets = [...code.matchAll(importPattern)]
        .map((match) => resolveImport(file, match[1]!))
        .filter((target): target is string => target !== null);
      graph.set(file, targets);
    }
    expect(graph.size).toBeGreaterThan(100);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
