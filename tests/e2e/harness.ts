/**
 * Browser test harness: a Vite dev server on a free port and Debian's Chromium driven by playwright-core (browsers
 * cannot be downloaded on these machines). Every page records console errors, uncaught exceptions and any request
 * to another origin, so each test can assert there were none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with software WebGL (SwiftShader) and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

export async function serve(): Promise<Served> {
  const server: ViteDevServer = await createServer({
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('Vite did not report a local URL');
  return { url, close: () => server.close() };
}

export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface Watched {
  readonly page: Page;
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: string[];
  /** URLs requested from any origin other than the test server's. */
  readonly foreign: string[];
}

export async function openApp(
  browser: Browser,
  url: string,
  viewport = { width: 1366, height: 768 },
): Promise<Watched> {
  // The app follows the browser's language on a first visit; the tests read English.
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  const origin = new URL(url).origin;
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  await page.goto(url);
  await page.waitForFunction(() => {
    const app = (window as unknown as { calciumRoutes?: { rendererName: string | null } }).calciumRoutes;
    return app?.rendererName != null || document.querySelector('.stage-message') !== null;
  });
  return { page, errors, foreign };
}

/** The simulated tick (minutes in the day view), read from the running session. */
export function tick(page: Page): Promise<number> {
  return page.evaluate(() => {
    const app = (window as unknown as { calciumRoutes: { session: { world: { model: { tick: number } } } } })
      .calciumRoutes;
    return app.session.world.model.tick;
  });
}

/**
 * Advances the day view by whole steps of `ticks` minutes, as the Step button does, without waiting for real time
 * (a simulated day at Fast speed would take 15 s of wall clock).
 */
export async function stepMinutes(page: Page, minutes: number, ticks = 60): Promise<void> {
  await page.evaluate(
    ([total, size]) => {
      const app = (window as unknown as { calciumRoutes: { session: { actor: { send(e: unknown): void } } } })
        .calciumRoutes;
      for (let done = 0; done < total; done += size) {
        app.session.actor.send({ type: 'step', ticks: Math.min(size, total - done) });
      }
    },
    [minutes, ticks] as const,
  );
  // The panels redraw at most four times a second; let them catch up before anyone reads them.
  await page.waitForTimeout(400);
}

/** Text of one cell in the outcome table: the row whose header starts with `row`, column `col` (0 = first value). */
export async function tableCell(page: Page, row: string, col = 0): Promise<string> {
  const table = page.getByRole('table', { name: 'Where the calcium went' });
  const r = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row }) });
  return (await r.getByRole('cell').nth(col).textContent())?.trim() ?? '';
}

export const percent = (text: string): number => Number.parseFloat(text.replace(/[^\d.]/g, ''));

/**
 * Share of the map canvas's pixels that differ from its background colour, read by copying the WebGL canvas into
 * a 2D canvas right after a render (in the same task, so the drawing buffer is still there).
 */
export function canvasInk(page: Page, map: 'pixi' | 'pixiB' = 'pixi'): Promise<number> {
  return page.evaluate((which) => {
    type Stage = { app: { render(): void; canvas: HTMLCanvasElement } } | null;
    const stage = (window as unknown as { calciumRoutes: Record<'pixi' | 'pixiB', Stage> }).calciumRoutes[which];
    if (!stage) return 0;
    const app = stage.app;
    app.render();
    const source = app.canvas;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const g = copy.getContext('2d');
    if (!g) return 0;
    g.drawImage(source, 0, 0);
    const data = g.getImageData(0, 0, copy.width, copy.height).data;
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== r0 || data[i + 1] !== g0 || data[i + 2] !== b0) ink++;
    }
    return ink / (data.length / 4);
  }, map);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core can check by machine. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG A/AA violations on the page as it is now, as "rule (impact): selectors", so a failure says what
 * and where. axe is injected into the page on first use.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, WCAG_TAGS);
}

// --- Robustness helpers (fuzz and resilience tests) -----------------------------------------------------------------

/** Prefix of the console error the unhandled-rejection catcher writes, so a report says what kind of error it was. */
export const UNHANDLED_REJECTION = 'Unhandled promise rejection:';

export interface OpenOptions {
  readonly viewport?: { width: number; height: number };
  /** Runs after the page exists and before it loads the app (e.g. `page.clock.install()`). */
  readonly beforeLoad?: (page: Page) => Promise<void>;
  /** Appended to the URL, e.g. "#v=1&view=years". */
  readonly hash?: string;
}

/**
 * openApp with two more things recorded in `errors`: unhandled promise rejections (an init script turns each into
 * a console error, whatever the browser does with them by default) and a crash of the page's renderer process.
 */
export async function openWatchedApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<Watched> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1366, height: 768 }, locale: 'en-US' });
  const origin = new URL(url).origin;
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('crash', () => errors.push('The page crashed'));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  await page.addInitScript((prefix) => {
    window.addEventListener('unhandledrejection', (event) => {
      const reason = event.reason as { stack?: string } | undefined;
      console.error(`${prefix} ${reason?.stack ?? String(event.reason)}`);
    });
  }, UNHANDLED_REJECTION);
  await options.beforeLoad?.(page);
  // Generous: a fresh page fetches every module from the dev server, which takes a while on a busy machine.
  await page.goto(url + (options.hash ?? ''), { timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const app = (window as unknown as { calciumRoutes?: { rendererName: string | null } }).calciumRoutes;
      return app?.rendererName != null || document.querySelector('.stage-message') !== null;
    },
    undefined,
    { timeout: 90_000 },
  );
  return { page, errors, foreign };
}

export interface Retained {
  /** JS heap in use after forced garbage collection, bytes. */
  readonly heapBytes: number;
  /** DOM nodes alive (attached or not) after garbage collection. */
  readonly nodes: number;
  /** Event listeners registered from JavaScript. */
  readonly listeners: number;
  readonly documents: number;
}

/** What the page still holds after a forced garbage collection (Chrome DevTools Protocol). */
export async function retained(page: Page): Promise<Retained> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Twice: the first pass can leave objects that only become unreachable once finalisers have run.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    return {
      heapBytes: heap.usedSize,
      nodes: counters.nodes,
      listeners: counters.jsEventListeners,
      documents: counters.documents,
    };
  } finally {
    await cdp.detach();
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence in every run. Never Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Problems with the running session's numbers: calcium not conserved, serum out of range, readouts not finite. */
export function sessionProblems(page: Page, serumRange: readonly [number, number]): Promise<string[]> {
  return page.evaluate(([low, high]) => {
    type Course = {
      series: { serumCalciumMmolL: number; bonePercentOfStart: number; [k: string]: number }[];
    } | null;
    type RunLike = {
      world: {
        model: Record<string, unknown>;
        conservationUnits(): { start: number; eaten: number; now: number };
        counts: Int32Array;
        liveCount: number;
      };
      day: { today(model: unknown): Record<string, number>; lastDay: Record<string, number> | null };
      course: Course;
    };
    const session = (window as unknown as { calciumRoutes: { session: { a: RunLike; b: RunLike | null } } })
      .calciumRoutes.session;
    const problems: string[] = [];
    const finite = (where: string, value: unknown): void => {
      if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${where} is ${value}`);
    };
    for (const [name, run] of [
      ['A', session.a],
      ['B', session.b],
    ] as const) {
      if (!run) continue;
      const { start, eaten, now } = run.world.conservationUnits();
      if (now !== start + eaten) problems.push(`${name}: packet units ${now} ≠ start ${start} + eaten ${eaten}`);
      let counted = 0;
      for (const n of run.world.counts) counted += n;
      if (counted !== run.world.liveCount)
        problems.push(`${name}: counts ${counted} ≠ live packets ${run.world.liveCount}`);
      for (const [key, value] of Object.entries(run.world.model)) {
        if (key === 'totals') for (const [k, v] of Object.entries(value as object)) finite(`${name}.totals.${k}`, v);
        else finite(`${name}.model.${key}`, value);
      }
      const today = run.day.today(run.world.model);
      for (const [key, value] of Object.entries(today)) {
        // The absorbed share is NaN, by contract, until some calcium has left the gut today.
        if (key !== 'absorbedShare') finite(`${name}.today.${key}`, value);
      }
      const serumNow = today.serumNow ?? Number.NaN;
      if (!(serumNow >= low && serumNow <= high)) {
        problems.push(`${name}: serum ${serumNow} mmol/L outside ${low}–${high}`);
      }
      for (const [key, value] of Object.entries(run.day.lastDay ?? {})) {
        if (key !== 'absorbedShare') finite(`${name}.lastDay.${key}`, value);
      }
      // The years view's life course, if one was made (reading it never makes one: `course` is the run's own field).
      // Serum is held to the range only while the skeleton is above the model's own validity floor (40 % of the
      // start, params.skeletonModelFloor, where it warns "skeleton-depleted"): decades without calcium empty it.
      for (const point of run.course?.series ?? []) {
        for (const [key, value] of Object.entries(point)) finite(`${name}.year${point.year}.${key}`, value);
        const serum = point.serumCalciumMmolL;
        if (point.bonePercentOfStart >= 40 && !(serum >= low && serum <= high)) {
          problems.push(`${name}: serum ${serum} mmol/L in year ${point.year} outside ${low}–${high}`);
        }
      }
    }
    return problems;
  }, serumRange);
}
