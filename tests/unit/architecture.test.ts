/**
 * Architecture rules that must fail loudly: ESLint refuses an `electron` import
 * anywhere in src/main/ except index.ts and shell/, and the node core never loads it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(filePath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('the electron import rule', () => {
  it.each(['src/main/store/library-store.ts', 'src/main/ipc/dispatcher.ts', 'src/shared/contract.ts'])(
    'fails for %s',
    async (file) => {
      expect(await lint("import { app } from 'electron';\nexport const a = app;\n", file)).toHaveLength(1);
      expect(
        await lint("import { ipcMain } from 'electron/main';\nexport const b = ipcMain;\n", file),
      ).toHaveLength(1);
    },
  );

  it.each(['src/main/index.ts', 'src/main/shell/window.ts', 'src/preload/index.ts'])(
    'allows %s',
    async (file) => {
      expect(await lint("import { app } from 'electron';\nexport const a = app;\n", file)).toHaveLength(0);
    },
  );
});

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the node core', () => {
  it('has no electron import outside index.ts and shell/', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src/main')) {
      const relative = path.relative('src/main', file);
      if (relative === 'index.ts' || relative.startsWith('shell' + path.sep)) continue;
      if (/from ['"]electron(\/[^'"]*)?['"]/.test(await readFile(file, 'utf8'))) offenders.push(relative);
    }
    expect(offenders).toEqual([]);
  });
});
