/**
 * The dark and projector themes in the real app (Chromium): axe-core finds no WCAG A/AA violation (colour contrast
 * included) in the day view, the years view, compare mode and every dialog; the charts and the chart-image export
 * use the theme's colours; the page's first paint follows the device's dark-mode and more-contrast settings before
 * any script has run; and the map's canvas is drawn in the theme.
 *
 * The theme is chosen as a student would leave it: the stored preference (localStorage, src/ui/preferences.ts),
 * written by an init script before the app loads. The checks that need src/main.ts to call installTheme (data-theme
 * set from the preference, the map redrawn and its background changed) are in the last describe block.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MapTheme, PALETTES } from '../../src/render/palette';
import { PREFERENCES_KEY } from '../../src/ui/preferences';
import { axeViolations, launch, type Served, serve, stepMinutes } from './harness';

const DIALOGS = ['Scenes', 'Share', 'Claims checker', "What's simplified?", 'Preferences', 'Keyboard shortcuts'];

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Opened {
  readonly page: Page;
  readonly errors: string[];
}

/** A fresh page whose stored theme preference is `theme` (none for "auto"), before any of the app's code runs. */
async function openWithTheme(theme: 'auto' | MapTheme): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(
    ([key, value]) => {
      if (value === 'auto') localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify({ theme: value }));
    },
    [PREFERENCES_KEY, theme] as const,
  );
  return { page, errors };
}

/** Loads the app at a share link (a real navigation) and waits for the map or its message. */
async function load(page: Page, label: string, hash = ''): Promise<void> {
  await page.goto(`${served.url}?${label}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(() => {
    const app = (window as unknown as { calciumRoutes?: { rendererName: string | null } }).calciumRoutes;
    return app?.rendererName != null || document.querySelector('.stage-message') !== null;
  });
}

const dataTheme = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.documentElement.dataset.theme);

/**
 * Makes sure the page shows `theme`. The app sets data-theme itself from the stored preference once src/main.ts
 * calls installTheme; until then this sets it, so the stylesheet checks below do not depend on that wiring (the
 * wiring has its own tests at the end).
 */
async function showTheme(page: Page, theme: MapTheme): Promise<void> {
  await page.evaluate((t) => {
    const root = document.documentElement;
    if (!root.dataset.theme) root.dataset.theme = t;
  }, theme);
  expect(await dataTheme(page)).toBe(theme);
}

/** A CSS colour as the browser computes it, e.g. "rgb(18, 21, 25)". */
const rgbOf = (n: number): string => `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
const hexToNumber = (hex: string): number => Number.parseInt(hex.replace('#', ''), 16);

/** The first pixel of a map's canvas (always background: the drawing has a margin), read right after a render. */
function canvasCorner(page: Page, map: 'pixi' | 'pixiB' = 'pixi'): Promise<number[] | null> {
  return page.evaluate((which) => {
    type Stage = { app: { render(): void; canvas: HTMLCanvasElement } } | null;
    const stage = (window as unknown as { calciumRoutes: Record<'pixi' | 'pixiB', Stage> }).calciumRoutes[which];
    if (!stage) return null;
    stage.app.render();
    const copy = document.createElement('canvas');
    copy.width = 4;
    copy.height = 4;
    const g = copy.getContext('2d');
    if (!g) return null;
    g.drawImage(stage.app.canvas, 0, 0);
    return Array.from(g.getImageData(1, 1, 1, 1).data.slice(0, 3));
  }, map);
}

const rgbArray = (n: number): number[] => [(n >> 16) & 255, (n >> 8) & 255, n & 255];

/** --bg of each theme (src/ui/styles/themes.css). */
const PAGE_BG: Record<MapTheme, number> = { light: 0xf7f4ee, dark: 0x121519, projector: 0xffffff };

describe.each<MapTheme>(['dark', 'projector'])('the %s theme', (theme) => {
  let opened: Opened;

  beforeAll(async () => {
    opened = await openWithTheme(theme);
  });

  afterAll(async () => {
    await opened?.page.close();
  });

  it.each([
    ['the day view', ''],
    ['the years view', 'v=1&view=years'],
    ['compare mode', 'v=1&cmp=1&b.d3=0'],
  ])('has no axe violations in %s', async (label, hash) => {
    const { page } = opened;
    await load(page, label.replace(/\W+/g, '-'), hash);
    await showTheme(page, theme);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForTimeout(400);
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(DIALOGS)('has no axe violations in the "%s" dialog', async (name) => {
    const { page } = opened;
    await load(page, 'dialogs');
    await showTheme(page, theme);
    await page.getByRole('button', { name, exact: true }).click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("draws the charts in the theme's colours, and the chart image keeps them", async () => {
    const { page } = opened;
    await load(page, 'charts');
    await showTheme(page, theme);
    await stepMinutes(page, 14 * 60);
    const css = readFileSync(new URL('../../src/ui/styles/themes.css', import.meta.url), 'utf8');
    const block = css.slice(css.indexOf(`:root[data-theme="${theme}"]`));
    const tokenValue = (name: string): number =>
      hexToNumber(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`).exec(block)?.[1] ?? '#000000');
    const absorbed = tokenValue('--series-absorbed');
    const panel = tokenValue('--panel');

    const onScreen = await page.evaluate(() => {
      const line = document.querySelector('.calcium-chart__line[data-key="absorbed"] path') as SVGPathElement | null;
      return line ? getComputedStyle(line).stroke : null;
    });
    expect(onScreen).toBe(rgbOf(absorbed));

    // The export, as the "Copy chart as image" button makes it, read back pixel by pixel.
    const pixels = await page.evaluate(async () => {
      // The module straight from the dev server; written as a Function so the test runner leaves import() alone.
      const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
      const { chartToPngBlob } = (await importModule('/src/ui/export/chartImage.ts')) as {
        chartToPngBlob(svg: SVGSVGElement, options?: { embedFonts?: boolean }): Promise<Blob>;
      };
      const line = document.querySelector('.calcium-chart__line[data-key="absorbed"]');
      const svg = line?.closest('svg') as SVGSVGElement;
      const blob = await chartToPngBlob(svg, { embedFonts: false });
      const bitmap = await createImageBitmap(blob);
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(bitmap, 0, 0);
      const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return { corner: Array.from(data.slice(0, 3)), counts: [...counts.entries()] };
    });
    expect(pixels.corner).toEqual(rgbArray(panel));
    const absorbedPixels = pixels.counts.find(([colour]) => colour === absorbed)?.[1] ?? 0;
    expect(absorbedPixels, 'pixels in the absorbed line colour').toBeGreaterThan(50);
  });

  it('reports no console errors', () => {
    expect(opened.errors).toEqual([]);
  });
});

describe('before any script runs, the stylesheet follows the device', () => {
  it.each([
    ['dark mode', { colorScheme: 'dark' as const, contrast: 'no-preference' as const }, 'dark'],
    ['more contrast', { colorScheme: 'light' as const, contrast: 'more' as const }, 'projector'],
    ['dark mode with more contrast', { colorScheme: 'dark' as const, contrast: 'more' as const }, 'projector'],
    ['neither', { colorScheme: 'light' as const, contrast: 'no-preference' as const }, 'light'],
  ])('%s', async (_label, media, theme) => {
    const page = await browser.newPage();
    try {
      await page.emulateMedia(media);
      // The stylesheet alone, as the first paint sees it: no data-theme attribute, no app code.
      await page.goto(`${served.url}src/ui/styles/index.css?direct`);
      const css = await page.evaluate(() => document.body.innerText);
      await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><p>x</p></body></html>`);
      const looks = await page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        return { bg: style.backgroundColor, scheme: style.colorScheme, ink: style.color };
      });
      expect(looks.bg).toBe(rgbOf(PAGE_BG[theme as MapTheme]));
      expect(looks.scheme).toBe(theme === 'dark' ? 'dark' : 'light');
    } finally {
      await page.close();
    }
  });
});

describe('wiring: src/main.ts calls installTheme (data-theme on <html>, MapScene.setTheme, PixiStage.setBackground)', () => {
  it.each<MapTheme>(['dark', 'projector'])(
    'a stored "%s" preference sets data-theme and draws the map on its background',
    async (theme) => {
      const { page, errors } = await openWithTheme(theme);
      try {
        await load(page, `wired-${theme}`);
        expect(await dataTheme(page)).toBe(theme);
        expect(await canvasCorner(page)).toEqual(rgbArray(PALETTES[theme].background));
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('"auto" follows the device, live, and a choice in Preferences redraws both maps at once', async () => {
    const { page, errors } = await openWithTheme('auto');
    try {
      await page.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
      await load(page, 'wired-auto', 'v=1&cmp=1&b.d3=0');
      await page.waitForFunction(() => (window as { calciumRoutes?: { pixiB: unknown } }).calciumRoutes?.pixiB);
      expect(await dataTheme(page)).toBe('dark');
      expect(await canvasCorner(page)).toEqual(rgbArray(PALETTES.dark.background));

      await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
      await expect.poll(() => dataTheme(page)).toBe('projector');
      expect(await canvasCorner(page)).toEqual(rgbArray(PALETTES.projector.background));
      expect(await canvasCorner(page, 'pixiB')).toEqual(rgbArray(PALETTES.projector.background));

      await page.getByRole('button', { name: 'Preferences', exact: true }).click();
      await page.getByRole('dialog').getByRole('radio', { name: 'Light', exact: true }).check();
      await expect.poll(() => dataTheme(page)).toBe('light');
      expect(await canvasCorner(page)).toEqual(rgbArray(PALETTES.light.background));
      expect(await canvasCorner(page, 'pixiB')).toEqual(rgbArray(PALETTES.light.background));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
