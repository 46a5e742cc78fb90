// Renders build/icon.svg to the PNG icons electron-builder packages: build/icon.png
// (1024 px, from which it makes the macOS .icns and Windows .ico) and build/icons/NxN.png
// for Linux. Uses Debian's Chromium through Playwright, the same browser the tests use.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

const svg = readFileSync('build/icon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
mkdirSync('build/icons', { recursive: true });
const targets: [number, string][] = [
  [1024, 'build/icon.png'],
  ...[16, 32, 48, 64, 128, 256, 512].map((size): [number, string] => [
    size,
    `build/icons/${size}x${size}.png`,
  ]),
];
for (const [size, file] of targets) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: file, omitBackground: true });
  await page.close();
  console.log(`wrote ${file}`);
}
await browser.close();
