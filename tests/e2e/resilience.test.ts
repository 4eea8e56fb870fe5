/**
 * What classroom machines do to a page, and the app survives: the GPU drops the WebGL context (forced here with
 * WEBGL_lose_context) and gives it back, or does not for a while; the tab is hidden for an hour, or the machine
 * sleeps with the tab showing (simulated with Playwright's clock, so an hour passes in milliseconds); the page is
 * frozen and thawed; the window is dragged to extreme sizes. No console errors, no unhandled rejections, the
 * model's invariants hold, and the map draws and the sim plays afterwards.
 *
 * tests/e2e/app.test.ts has the basic context-loss case (lost, message, restored by the app itself); this file adds
 * what happens while it is lost, a restore that does not come, a second loss, and B's map.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasInk,
  launch,
  openWatchedApp,
  retained,
  type Served,
  serve,
  sessionProblems,
  tick,
  UNHANDLED_REJECTION,
  type Watched,
} from './harness';

/** As in the fuzz test: the model's own extremes lie well inside this. */
const SERUM_RANGE = [1.5, 4.5] as const;
/** Ticks per real second at Fast (TICKS_PER_REAL_MINUTE[view].fast / 60) and the most ticks one frame brings. */
const FAST_TICKS_PER_SECOND = { day: 96, years: 4 } as const;
const MAX_TICKS_PER_FRAME = { day: 60, years: 2 } as const;
const HOUR = '01:00:00';
/** A loaded two-core CI machine draws a frame or two a second with software WebGL; waits are generous. */
const TEST_TIMEOUT = 180_000;
const POLL = { timeout: 20_000 } as const;

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

type Snapshot = { clock: string; view: string; tick: number };

/** The controller's clock state and tick (simulated minutes in the day view, years in the years view). */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    type Snap = { value: { clock: string; view: string }; context: { tick: number } };
    const app = window as unknown as { calciumRoutes: { session: { actor: { getSnapshot(): Snap } } } };
    const snap = app.calciumRoutes.session.actor.getSnapshot();
    return { clock: snap.value.clock, view: snap.value.view, tick: snap.context.tick };
  });
}

function send(page: Page, event: Record<string, unknown>): Promise<void> {
  return page.evaluate((e) => {
    const app = window as unknown as { calciumRoutes: { session: { actor: { send(e: unknown): void } } } };
    app.calciumRoutes.session.actor.send(e);
  }, event);
}

/** Fakes the page being hidden or shown, as a browser does when the tab is switched away from or back to. */
function setHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * Loses the WebGL context of a map's canvas. With `holdRestore`, the extension's restoreContext is swapped for a
 * no-op first, so the app's own attempt to restore does nothing; `window.__restoreMap()` then restores it for real.
 */
function loseContext(page: Page, map: 'a' | 'b', holdRestore: boolean): Promise<void> {
  return page.evaluate(
    ([which, hold]) => {
      const canvas = document.querySelector(`.map-panel-${which} canvas.map-canvas`) as HTMLCanvasElement;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const extension = gl.getExtension('WEBGL_lose_context');
      if (!extension) throw new Error('no WEBGL_lose_context');
      if (hold) {
        const restore = extension.restoreContext.bind(extension);
        (window as unknown as { __restoreMap(): void }).__restoreMap = restore;
        extension.restoreContext = () => undefined;
      }
      extension.loseContext();
    },
    [map, holdRestore] as const,
  );
}

const alertIn = (page: Page, map: 'a' | 'b') => page.locator(`.map-panel-${map} [role=alert]`);

async function expectHealthy(app: Watched): Promise<void> {
  expect(app.errors).toEqual([]);
  expect(app.foreign).toEqual([]);
  expect(await sessionProblems(app.page, SERUM_RANGE)).toEqual([]);
}

describe('the watcher', { timeout: TEST_TIMEOUT }, () => {
  it('records an unhandled promise rejection and an uncaught error, so "no errors" below means something', async () => {
    const app = await openWatchedApp(browser, served.url, { hash: '#v=1&view=years' });
    try {
      expect(app.errors).toEqual([]);
      expect((await snapshot(app.page)).view).toBe('years');
      await app.page.evaluate(() => {
        void Promise.reject(new Error('rejected on purpose'));
        setTimeout(() => {
          throw new Error('thrown on purpose');
        });
      });
      await expect.poll(() => app.errors.join('\n'), POLL).toContain('thrown on purpose');
      await expect
        .poll(() => app.errors.join('\n'), POLL)
        .toContain(`${UNHANDLED_REJECTION} Error: rejected on purpose`);
    } finally {
      await app.page.close();
    }
  });
});

describe('a lost WebGL context', { timeout: TEST_TIMEOUT }, () => {
  it('pauses and holds the model still while lost, offers a reload if it stays lost, and plays on once restored', async () => {
    const app = await openWatchedApp(browser, served.url);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(async () => (await snapshot(page)).tick, POLL).toBeGreaterThan(0);
      await loseContext(page, 'a', true);

      await expect
        .poll(() => alertIn(page, 'a').filter({ hasText: 'The graphics were interrupted' }).isVisible(), POLL)
        .toBe(true);
      const lost = await snapshot(page);
      expect(lost.clock).toBe('paused');
      expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
      await page.waitForTimeout(700);
      expect((await snapshot(page)).tick).toBe(lost.tick);

      // The app asked for the context back after half a second and nothing came: after three it offers a reload.
      const reload = alertIn(page, 'a').getByRole('button', { name: 'Reload with my settings' });
      await expect.poll(() => reload.isVisible(), POLL).toBe(true);
      expect(await alertIn(page, 'a').textContent()).toContain('your settings will be kept');
      expect((await snapshot(page)).tick).toBe(lost.tick);

      await page.evaluate(() => (window as unknown as { __restoreMap(): void }).__restoreMap());
      await expect.poll(() => alertIn(page, 'a').count(), POLL).toBe(0);
      expect(await canvasInk(page)).toBeGreaterThan(0.3);
      // It was playing when the context went, so it plays again.
      await expect.poll(async () => (await snapshot(page)).clock, POLL).toBe('running');
      await expect.poll(async () => (await snapshot(page)).tick, POLL).toBeGreaterThan(lost.tick);
      await expectHealthy(app);
    } finally {
      await page.close();
    }
  });

  it('stays paused after a restore if it was paused, and survives losing the context again', async () => {
    const app = await openWatchedApp(browser, served.url);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Step' }).click();
      const paused = await snapshot(page);
      for (let round = 0; round < 3; round++) {
        await loseContext(page, 'a', false);
        await expect.poll(() => alertIn(page, 'a').isVisible(), POLL).toBe(true);
        // The app restores it by itself (a loss the page caused can be undone at once).
        await expect.poll(() => alertIn(page, 'a').count(), POLL).toBe(0);
        expect(await canvasInk(page)).toBeGreaterThan(0.3);
        expect(await snapshot(page)).toEqual(paused);
      }
      // Everything still answers: a step moves the model, Play plays.
      await page.getByRole('button', { name: 'Step' }).click();
      expect((await snapshot(page)).tick).toBe(paused.tick + 10);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(async () => (await snapshot(page)).tick, POLL).toBeGreaterThan(paused.tick + 10);
      await expectHealthy(app);
    } finally {
      await page.close();
    }
  });

  it("loses and restores B's map while comparing, and both maps draw afterwards", async () => {
    const app = await openWatchedApp(browser, served.url);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      await expect
        .poll(
          () =>
            page.evaluate(
              () => (window as unknown as { calciumRoutes: { pixiB: unknown } }).calciumRoutes.pixiB !== null,
            ),
          POLL,
        )
        .toBe(true);
      await expect.poll(() => canvasInk(page, 'pixiB'), POLL).toBeGreaterThan(0.3);
      await page.getByRole('button', { name: 'Play' }).click();
      await loseContext(page, 'b', false);
      await expect.poll(() => alertIn(page, 'b').isVisible(), POLL).toBe(true);
      expect(await alertIn(page, 'a').count()).toBe(0);
      expect((await snapshot(page)).clock).toBe('paused');
      await expect.poll(() => alertIn(page, 'b').count(), POLL).toBe(0);
      await expect.poll(async () => (await snapshot(page)).clock, POLL).toBe('running');
      expect(await canvasInk(page, 'pixiB')).toBeGreaterThan(0.3);
      expect(await canvasInk(page, 'pixi')).toBeGreaterThan(0.3);
      await expectHealthy(app);
    } finally {
      await page.close();
    }
  });
});

describe('time away', { timeout: TEST_TIMEOUT }, () => {
  it('a tab hidden for an hour stays suspended, then plays on at its normal rate without catching up', async () => {
    const app = await openWatchedApp(browser, served.url, { beforeLoad: (p) => p.clock.install() });
    const { page } = app;
    try {
      await send(page, { type: 'speed.set', speed: 'fast' });
      // Events rather than clicks while Playwright's clock drives the page: its click waits for the button to be
      // still over two animation frames, and the frames now come from the fake clock.
      await send(page, { type: 'play' });
      await expect.poll(async () => (await snapshot(page)).tick, POLL).toBeGreaterThan(0);

      await setHidden(page, true);
      const hidden = await snapshot(page);
      expect(hidden.clock).toBe('suspended');
      await page.clock.fastForward(HOUR);
      await page.waitForTimeout(300);
      expect(await snapshot(page)).toEqual(hidden);

      await setHidden(page, false);
      const shown = await snapshot(page);
      expect(shown.clock).toBe('running');
      const started = Date.now();
      // The page answers at once: nothing is replaying the hour.
      await page.evaluate(() => 1);
      expect(Date.now() - started).toBeLessThan(2000);
      await page.waitForTimeout(1000);
      const after = await snapshot(page);
      const seconds = (Date.now() - started) / 1000;
      expect(after.tick).toBeGreaterThan(shown.tick);
      // At most the real time that passed at Fast, plus one frame's worth: an hour would be 345,600 minutes.
      expect(after.tick - shown.tick).toBeLessThanOrEqual(
        FAST_TICKS_PER_SECOND.day * (seconds + 0.5) + MAX_TICKS_PER_FRAME.day,
      );
      expect(await canvasInk(page)).toBeGreaterThan(0.3);
      await expectHealthy(app);
    } finally {
      await page.close();
    }
  });

  it('a machine asleep for an hour with the tab showing brings at most one frame of ticks, in either view', async () => {
    const app = await openWatchedApp(browser, served.url, { beforeLoad: (p) => p.clock.install() });
    const { page } = app;
    try {
      await send(page, { type: 'speed.set', speed: 'fast' });
      for (const view of ['day', 'years'] as const) {
        await send(page, { type: 'view.set', view });
        await send(page, { type: 'play' });
        await expect.poll(async () => (await snapshot(page)).tick, POLL).toBeGreaterThan(0);
        // No visibilitychange: the whole hour arrives as one frame's time step.
        await send(page, { type: 'pause' });
        const before = await snapshot(page);
        const started = Date.now();
        await send(page, { type: 'play' });
        await page.clock.fastForward(HOUR);
        await send(page, { type: 'pause' });
        const seconds = (Date.now() - started) / 1000;
        const after = await snapshot(page);
        expect(after.view).toBe(view);
        // fastForward fires what was due once: one frame of at most MAX_TICKS_PER_FRAME, on top of the real frames
        // of the time this took (an hour at Fast would be 345,600 minutes, or 240 years).
        expect(after.tick - before.tick, view).toBeLessThanOrEqual(
          FAST_TICKS_PER_SECOND[view] * (seconds + 0.5) + 2 * MAX_TICKS_PER_FRAME[view],
        );
        await expectHealthy(app);
      }
    } finally {
      await page.close();
    }
  });

  it('a page frozen and thawed by the browser carries on playing', async () => {
    const app = await openWatchedApp(browser, served.url);
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    try {
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(page), POLL).toBeGreaterThan(0);
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      const thawed = await tick(page);
      await expect.poll(() => tick(page), POLL).toBeGreaterThan(thawed);
      expect(await canvasInk(page)).toBeGreaterThan(0.3);
      await expectHealthy(app);
    } finally {
      await cdp.detach();
      await page.close();
    }
  });
});

describe('extreme window sizes', { timeout: TEST_TIMEOUT }, () => {
  it('keeps a whole, correctly proportioned map at every size, and the sim playing', async () => {
    const app = await openWatchedApp(browser, served.url);
    const { page } = app;
    try {
      await page.getByRole('button', { name: 'Play' }).click();
      const sizes = [
        { width: 200, height: 200 },
        { width: 320, height: 480 },
        { width: 3840, height: 2160 },
        { width: 1366, height: 768 },
        { width: 200, height: 200 },
        { width: 2560, height: 1440 },
        { width: 1366, height: 768 },
      ];
      for (const size of sizes) {
        const label = `${size.width}×${size.height}`;
        await page.setViewportSize(size);
        // The map follows its host through a ResizeObserver, which reports at the next frames: seconds, on a busy
        // machine drawing with software WebGL.
        await expect
          .poll(
            () =>
              page.evaluate(() => {
                const canvas = document.querySelector('.map-panel-a canvas.map-canvas') as HTMLCanvasElement;
                const host = canvas.parentElement as HTMLElement;
                return Math.abs(canvas.clientWidth - host.clientWidth);
              }),
            POLL,
          )
          .toBeLessThanOrEqual(1);
        const m = await page.evaluate(() => {
          const canvas = document.querySelector('.map-panel-a canvas.map-canvas') as HTMLCanvasElement;
          const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
          return {
            cssWidth: canvas.clientWidth,
            cssHeight: canvas.clientHeight,
            width: canvas.width,
            height: canvas.height,
            maxSize: gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
            dpr: window.devicePixelRatio,
          };
        });
        expect(m.cssWidth, label).toBeGreaterThan(50);
        // The stage's proportions (1200 × 840), whatever the width.
        expect(Math.abs(m.cssHeight - (m.cssWidth * 840) / 1200), label).toBeLessThanOrEqual(1.5);
        // Drawn at between half and twice the CSS pixels (the resolution policy and the adaptive budget), never
        // more than the GPU can hold.
        const density = m.width / m.cssWidth;
        expect(density, label).toBeGreaterThanOrEqual(0.5 * Math.min(1, m.dpr));
        expect(density, label).toBeLessThanOrEqual(2 * m.dpr);
        expect(Math.abs(m.height / m.width - 840 / 1200), label).toBeLessThan(0.01);
        expect(Math.max(m.width, m.height), label).toBeLessThanOrEqual(m.maxSize);
        expect(await canvasInk(page), label).toBeGreaterThan(0.3);
        expect(app.errors, label).toEqual([]);
      }
      const t0 = await tick(page);
      await expect.poll(() => tick(page), POLL).toBeGreaterThan(t0);
      await expectHealthy(app);
    } finally {
      await page.close();
    }
  });
});

describe('a page rebuilt in another language', { timeout: TEST_TIMEOUT }, () => {
  it('lets go of the page it replaced, its dialogs opened and its controls clicked', async () => {
    const app = await openWatchedApp(browser, served.url);
    const { page } = app;
    const mark = (name: string) =>
      page.evaluate((n) => {
        const w = window as unknown as Record<string, WeakRef<Element>>;
        w[n] = new WeakRef(document.querySelector('main.layout') as Element);
      }, name);
    const alive = (name: string) =>
      page.evaluate((n) => (window as unknown as Record<string, WeakRef<Element>>)[n]?.deref() !== undefined, name);
    const switchTo = async (preferences: string, language: string, lang: string) => {
      await page.getByRole('button', { name: preferences, exact: true }).click();
      await page.locator('dialog[open] select.prefs-select').selectOption(language);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.keyboard.press('Escape');
    };
    try {
      // Mouse clicks on the English page's controls and dialogs, then a switch to Spanish and back, by mouse.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await page.keyboard.press('Escape');
      // Dialogs kept for reuse across pages: an evidence panel and the claims checker.
      await page
        .getByRole('button', { name: /^Evidence for / })
        .first()
        .click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Claims checker' }).click();
      await page.locator('dialog[open]').waitFor({ state: 'attached' });
      await page.keyboard.press('Escape');
      await mark('english');
      await switchTo('Preferences', 'es', 'es');
      await page.getByRole('button', { name: 'Pausa' }).click();
      await mark('spanish');
      await switchTo('Preferencias', 'en', 'en');
      await page.getByRole('button', { name: 'Play' }).click();
      await retained(page);
      expect(await alive('english'), 'the first English page').toBe(false);
      expect(await alive('spanish'), 'the Spanish page').toBe(false);
      await expectHealthy(app);
    } finally {
      await page.close();
    }
  });
});
