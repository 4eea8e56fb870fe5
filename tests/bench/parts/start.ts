/**
 * Start: time from navigation start to the first frame Pixi draws, app against the bare Pixi page (same canvas size
 * and packet count as the app's default start). Neither page marks it, so a script injected before any page script
 * wraps WebGL's draw calls and notes the first one (performance.now() counts from navigation start), then the next
 * animation frame after it (that frame is on screen). Each load is a fresh context: empty HTTP cache, no storage,
 * no service worker; rounds alternate app/bare.
 */
import type { Page } from 'playwright-core';
import {
  appReady,
  bareReady,
  cpuTime,
  fixed,
  freshContext,
  type Launched,
  median,
  ratioText,
  type StaticServer,
  table,
  verdict,
  watchErrors,
} from '../lib';
import { type AppInfo, appInfo } from './appPage';

export const START_TARGET = 1.3;

/** Runs before any page script: notes the first WebGL draw call and the frame after it on `window.__benchStart`. */
const FIRST_DRAW_PROBE = `(() => {
  const mark = { firstDraw: null, firstFrame: null };
  Object.defineProperty(window, '__benchStart', { value: mark });
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const original = C.prototype[name];
      if (typeof original !== 'function') continue;
      C.prototype[name] = function (...args) {
        if (mark.firstDraw === null) {
          mark.firstDraw = performance.now();
          requestAnimationFrame(() => { mark.firstFrame = performance.now(); });
        }
        return original.apply(this, args);
      };
    }
  }
})();`;

export interface StartSample {
  /** ms from navigation start to the first WebGL draw call. */
  readonly firstDraw: number;
  /** ms to the animation frame after it. */
  readonly firstFrame: number;
  readonly domContentLoaded: number;
  /** CPU ms the whole browser used from just before navigation to the first frame (steady under other load). */
  readonly cpuMs: number;
}

export interface StartResult {
  readonly app: StartSample[];
  readonly bare: StartSample[];
  readonly ratios: number[];
  readonly ratio: number;
  readonly info: AppInfo;
}

async function load(
  { browser, pid }: Launched,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<{ sample: StartSample; info: AppInfo | null }> {
  // A first visit as a student gets it, service worker included (it registers after the load event).
  const context = await freshContext(browser, 'allow');
  try {
    await context.addInitScript(FIRST_DRAW_PROBE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const cpuBefore = cpuTime(pid).total;
    await page.goto(url, { waitUntil: 'commit' });
    // Polled on a timer, not every frame: the poll must not add work to the frames it waits for.
    await page.waitForFunction(
      () => (window as unknown as { __benchStart: { firstFrame: number | null } }).__benchStart.firstFrame !== null,
      undefined,
      { timeout: 60_000, polling: 25 },
    );
    const cpuMs = cpuTime(pid).total - cpuBefore;
    await ready(page);
    const sample = await page.evaluate(() => {
      const mark = (window as unknown as { __benchStart: { firstDraw: number; firstFrame: number } }).__benchStart;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        firstDraw: mark.firstDraw,
        firstFrame: mark.firstFrame,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : Number.NaN,
      };
    });
    const info = url.includes('/app/') ? await appInfo(page) : null;
    if (errors.length > 0) throw new Error(`errors while starting ${url}: ${errors.join(' | ')}`);
    return { sample: { ...sample, cpuMs }, info };
  } finally {
    await context.close();
  }
}

export async function benchStart(browser: Launched, server: StaticServer, rounds: number): Promise<StartResult> {
  const app: StartSample[] = [];
  const bare: StartSample[] = [];
  let info: AppInfo | null = null;
  const runApp = async (): Promise<void> => {
    const result = await load(browser, `${server.origin}/app/`, appReady);
    app.push(result.sample);
    info ??= result.info;
  };
  const runBare = async (): Promise<void> => {
    const i = info as unknown as AppInfo;
    const query = `n=${i.live}&w=${i.cssWidth}&h=${i.cssHeight}&res=${i.resolution}`;
    bare.push((await load(browser, `${server.origin}/bare/?${query}`, bareReady)).sample);
  };
  // One unmeasured load of each first: the OS file cache and Chromium's own start-up are then alike for both.
  await runApp();
  await runBare();
  app.length = 0;
  bare.length = 0;
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await runApp();
      await runBare();
    } else {
      await runBare();
      await runApp();
    }
  }
  const ratios = app.map((a, i) => a.firstFrame / (bare[i]?.firstFrame ?? Number.NaN));
  return {
    app,
    bare,
    ratios,
    ratio: median(app.map((s) => s.firstFrame)) / median(bare.map((s) => s.firstFrame)),
    info: info as unknown as AppInfo,
  };
}

export function startTable(result: StartResult): string {
  const m = (xs: StartSample[], key: keyof StartSample) => fixed(median(xs.map((s) => s[key])), 0);
  const row = (label: string, xs: StartSample[]) => [
    label,
    m(xs, 'domContentLoaded'),
    m(xs, 'firstDraw'),
    m(xs, 'firstFrame'),
    m(xs, 'cpuMs'),
    '',
    '',
    '',
  ];
  const cpu = (xs: StartSample[]) => median(xs.map((s) => s.cpuMs));
  return table([
    [
      'page',
      'DOMContentLoaded ms',
      'first draw ms',
      'first frame ms',
      'CPU ms to first frame',
      'ratio (range)',
      'target',
      'verdict',
    ],
    row('app', result.app),
    row('bare Pixi', result.bare),
    [
      'app ÷ bare',
      '',
      '',
      '',
      fixed(cpu(result.app) / cpu(result.bare)),
      ratioText(result.ratios),
      `≤ ${fixed(START_TARGET)}`,
      verdict(result.ratio, START_TARGET),
    ],
  ]);
}
