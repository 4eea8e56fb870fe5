/**
 * Screenshots of compare mode (day view) as people with colour-vision deficiencies see it, using Chromium's own
 * simulation (Chrome DevTools Protocol, Emulation.setEmulatedVisionDeficiency). Run with
 * `npm run screenshot:colour-vision`; it writes docs/colour-vision/<type>.png (the screen at 1280×800: both maps
 * and the legend) and docs/colour-vision/<type>-charts.png (the A/B key, the compare charts, the destination table
 * and the destination chart), for normal vision and each simulated type. docs/colour-vision/README.md says what to look
 * for. Like `npm run screenshot`, it starts its own Vite server and uses Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { launch, openApp, serve, stepMinutes } from '../tests/e2e/harness';

/** The types Chromium simulates that matter for colour: red-, green- and blue-blindness and no colour at all. */
const TYPES = ['none', 'protanopia', 'deuteranopia', 'tritanopia', 'achromatopsia'] as const;
const OUT = 'docs/colour-vision';
/** File names: "normal" reads better than the protocol's "none". */
const fileName = (type: (typeof TYPES)[number]): string => (type === 'none' ? 'normal' : type);

mkdirSync(OUT, { recursive: true });
const served = await serve();
const browser = await launch();
try {
  const { page, errors } = await openApp(browser, `${served.url}?colour-vision#v=1&cmp=1&b.d3=0`, {
    width: 1280,
    height: 800,
  });
  await page.waitForFunction(() => (window as { calciumRoutes?: { pixiB: unknown } }).calciumRoutes?.pixiB);
  // A day and a half: the table compares a full day and the charts have lines, with packets on every route.
  await stepMinutes(page, 36 * 60);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The compare headline is a live region that speaks at most every 5 s; let it catch up with the jump.
  await page.waitForTimeout(5500);

  /** Page coordinates from the compare key down to the end of the day charts. */
  const chartsArea = () =>
    page.evaluate(() => {
      const top = document.querySelector('.compare-key')?.getBoundingClientRect().top ?? 0;
      const bottom = document.querySelector('.calcium-charts--day')?.getBoundingClientRect().bottom ?? top + 800;
      return { x: 0, y: Math.max(0, top + window.scrollY - 12), width: 1280, height: bottom - top + 24 };
    });
  const cdp = await page.context().newCDPSession(page);
  for (const type of TYPES) {
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/${fileName(type)}.png` });
    // The key to A and B, the compare charts, the destination table and the six-line destination chart.
    await page.screenshot({ path: `${OUT}/${fileName(type)}-charts.png`, fullPage: true, clip: await chartsArea() });
  }
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
  if (errors.length > 0) throw new Error(`console errors while taking screenshots:\n${errors.join('\n')}`);
  console.log(`wrote ${TYPES.map((t) => `${OUT}/${fileName(t)}.png`).join(', ')} and their -charts.png`);
} finally {
  await browser.close();
  await served.close();
}
