/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes the stores and
 * browsers ask for (public/icon/<size>.png, which WXT puts in the manifest),
 * with Debian's Chromium. The PNGs are committed; run this after changing
 * the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  writeFileSync(
    `public/icon/${size}.png`,
    await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
  );
}
await browser.close();
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
