/**
 * The installer configuration: validated by electron-builder's own loader and
 * schema (building real installers needs the Electron binary, which this machine
 * cannot fetch), with the targets, bundled seeds and icons the app promises.
 */
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
interface LoadedConfig {
  linux: { target: unknown };
  win: { target: unknown };
  mac: { target: unknown };
  extraResources: unknown;
  files: unknown;
  asar: unknown;
  electronFuses: Record<string, boolean>;
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, options: null) => Promise<LoadedConfig>;
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = await getConfig(process.cwd(), 'electron-builder.yml', null);

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets AppImage and deb on Linux, NSIS on Windows and dmg on macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('bundles every seed article as an app resource', async () => {
    expect(config.extraResources).toEqual([{ from: 'seeds', to: 'seeds', filter: ['*.txt'] }]);
    const seeds = (await readdir('seeds')).filter((name) => name.endsWith('.txt'));
    expect(seeds).toHaveLength(5);
  });

  it('packages the built app, not the sources', async () => {
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json', '!**/*.map'] }]);
    expect(JSON.parse(await readFile('package.json', 'utf8')).main).toBe('./out/main/index.js');
  });

  it('flips the Electron fuses of the security checklist in the packaged app', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('has a 1024 px icon and the Linux icon set', async () => {
    expect(pngSize(await readFile('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(await readFile(`build/icons/${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});
