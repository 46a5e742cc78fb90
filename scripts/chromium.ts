/**
 * How this project starts Chromium: Debian's binary (or CHROMIUM_PATH), with
 * the flags a closed network and a root user need. Used by the end-to-end
 * tests, the icon renderer and the export benchmark alike.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
