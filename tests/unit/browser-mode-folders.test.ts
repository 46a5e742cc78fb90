/**
 * Browser mode finds the same library as Electron (the user-data folder per OS,
 * BRIEFING_USER_DATA_DIR first), the OS Downloads folder, a Chromium to print
 * PDFs with, and a free name for an export that would replace another file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeFileName } from '../../src/main/browser/browser-services';
import { findChromium } from '../../src/main/browser/chromium-printer';
import { downloadsDirectory, userDataDirectory } from '../../src/main/browser/user-folders';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

describe('the user-data folder, as Electron computes app.getPath("userData")', () => {
  it('is appData/<productName> on each OS', () => {
    expect(userDataDirectory('linux', {}, '/home/ana')).toBe('/home/ana/.config/Briefing Reader');
    expect(userDataDirectory('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Briefing Reader');
    expect(userDataDirectory('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Briefing Reader',
    );
    expect(
      userDataDirectory('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'),
    ).toBe(path.join('C:\\Users\\ana\\AppData\\Roaming', 'Briefing Reader'));
  });

  it('is BRIEFING_USER_DATA_DIR when that is set', () => {
    expect(userDataDirectory('linux', { BRIEFING_USER_DATA_DIR: '/tmp/profile' }, '/home/ana')).toBe(
      '/tmp/profile',
    );
  });
});

describe('the Downloads folder', () => {
  it('is ~/Downloads, or on Linux what user-dirs.dirs names', async () => {
    const home = await makeTempDir();
    expect(downloadsDirectory('darwin', {}, home)).toBe(path.join(home, 'Downloads'));
    expect(downloadsDirectory('linux', {}, home)).toBe(path.join(home, 'Downloads'));
    await mkdir(path.join(home, '.config'));
    await writeFile(
      path.join(home, '.config', 'user-dirs.dirs'),
      'XDG_DOWNLOAD_DIR="$HOME/Téléchargements"\n',
    );
    expect(downloadsDirectory('linux', {}, home)).toBe(path.join(home, 'Téléchargements'));
  });
});

describe('finding a Chromium to print PDFs', () => {
  it('takes CHROMIUM_PATH, else the first usual place that exists, else none', () => {
    const present = new Set(['/usr/bin/google-chrome', '/opt/chrome']);
    const exists = (file: string) => present.has(file);
    expect(findChromium('linux', {}, exists)).toBe('/usr/bin/google-chrome');
    expect(findChromium('linux', { CHROMIUM_PATH: '/opt/chrome' }, exists)).toBe('/opt/chrome');
    expect(findChromium('linux', { CHROMIUM_PATH: '/nowhere' }, exists)).toBeNull();
    expect(findChromium('darwin', {}, exists)).toBeNull();
  });
});

describe('a free name for an export', () => {
  it('adds (2), (3)… instead of replacing a file', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'Brief.html');
    expect(freeFileName(file)).toBe(file);
    await writeFile(file, 'x');
    await writeFile(path.join(dir, 'Brief (2).html'), 'x');
    expect(freeFileName(file)).toBe(path.join(dir, 'Brief (3).html'));
  });
});
