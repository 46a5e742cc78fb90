/**
 * The folders browser mode uses, computed the way Electron computes them so
 * both modes open the same library: the user-data folder (`appData/<product
 * name>`, or BRIEFING_USER_DATA_DIR) and the OS Downloads folder, the default
 * export folder (on Linux from XDG's user-dirs.dirs when it names one).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Electron's `app.name` for this app: package.json's productName. */
export const productName = 'Briefing Reader';

type Env = Record<string, string | undefined>;

export function appDataDirectory(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') return env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env['XDG_CONFIG_HOME'] || path.join(home, '.config');
}

export function userDataDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home: string = homedir(),
): string {
  const override = env['BRIEFING_USER_DATA_DIR'];
  if (override) return path.resolve(override);
  return path.join(appDataDirectory(platform, env, home), productName);
}

/** Reads XDG_DOWNLOAD_DIR from user-dirs.dirs (`XDG_DOWNLOAD_DIR="$HOME/Downloads"`), if set. */
function xdgDownloadDirectory(env: Env, home: string): string | null {
  const config = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
  let text: string;
  try {
    text = readFileSync(path.join(config, 'user-dirs.dirs'), 'utf8');
  } catch {
    return null;
  }
  const match = /^XDG_DOWNLOAD_DIR="([^"]+)"/m.exec(text);
  if (!match) return null;
  const value = match[1]!.replace(/^\$HOME/, home);
  return path.isAbsolute(value) ? value : null;
}

export function downloadsDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home: string = homedir(),
): string {
  if (platform === 'linux') return xdgDownloadDirectory(env, home) ?? path.join(home, 'Downloads');
  return path.join(home, 'Downloads');
}
