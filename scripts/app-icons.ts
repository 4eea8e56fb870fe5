/**
 * Makes the installable app's PNG icons from assets/icon.svg, rasterised by Debian's Chromium (the browser the
 * tests use): 192 and 512 px as drawn (transparent corners), and a 512 px "maskable" icon on a full square of the
 * icon's background with the drawing scaled into the central safe circle (radius 40 % of the size), so launchers
 * that crop to a circle or squircle cut nothing off. The results in assets/icons/ are committed; run
 * `npx tsx scripts/app-icons.ts` again after changing the SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets/icons');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The SVG's own background (its rounded square). */
const BACKGROUND = '#f7f4ee';
/**
 * Share of the maskable icon the drawing takes: its farthest mark lies 0.49 of the drawing's width from the centre,
 * and 0.49 × 0.8 ≈ 0.39, inside the safe circle of radius 0.40.
 */
const MASKABLE_SCALE = 0.8;

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

async function main(): Promise<void> {
  const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      const drawn = icon.maskable ? Math.round(icon.size * MASKABLE_SCALE) : icon.size;
      const background = icon.maskable ? BACKGROUND : 'transparent';
      await page.setContent(
        `<!doctype html><html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;` +
          `display:grid;place-items:center;background:${background}">` +
          `<img src="${source}" width="${drawn}" height="${drawn}" alt=""></body></html>`,
      );
      await page.waitForFunction(() => document.images[0]?.complete === true);
      const png = await page.screenshot({ type: 'png', omitBackground: !icon.maskable });
      writeFileSync(join(OUT, icon.file), png);
      console.log(`${icon.file}: ${png.length} bytes`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
