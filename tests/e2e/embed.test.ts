/**
 * The embed API in a real browser: a page on another origin (http://localhost:<port>, served by the test itself; the
 * app is at http://127.0.0.1:<its port>) embeds
 * the app in an iframe with the snippet from docs/embed.md and drives it by postMessage. It hears "ready", sets
 * inputs and reads the outcome after stepping, loads a scene, plays and pauses, gets a clear error for a bad
 * message, and every reply comes from the app's origin to the parent's. Needs src/main.ts to call
 * installEmbedApi(session, { scenes, … }).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedOutcome, EmbedState } from '../../src/embed/readout';
import { launch, type Served, serve } from './harness';

/**
 * The parent's origin. A real server, not page.route: Chromium's Local Network Access checks block a page whose
 * address it does not know (a routed response counts as public) from framing a loopback address, as they would block
 * a public site from framing a school's intranet server. Both on loopback, the two origins differ by host and port.
 */
let parentOrigin = '';
let parentServer: Server;

/** The parent page: the documented iframe snippet, and a tiny client that pairs replies with requests by id. */
function parentPage(appUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>A learning platform</title></head>
  <body>
    <iframe id="sim" title="Calcium Routes simulation" src="${appUrl}" width="1280" height="800"
      allow="fullscreen" loading="lazy" sandbox="allow-scripts allow-same-origin allow-downloads"></iframe>
    <script>
      const frame = document.getElementById('sim');
      const appOrigin = new URL(frame.src).origin;
      const pending = new Map();
      let next = 1;
      window.heard = [];
      window.addEventListener('message', (event) => {
        if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
        window.heard.push({ origin: event.origin, data: event.data });
        const data = event.data;
        if (data && data.type === 'calcium-routes:reply' && pending.has(data.id)) {
          pending.get(data.id)(data);
          pending.delete(data.id);
        }
      });
      window.ask = (message) =>
        new Promise((resolve, reject) => {
          const id = 'req-' + next++;
          pending.set(id, resolve);
          frame.contentWindow.postMessage({ v: 1, ...message, id }, appOrigin);
          setTimeout(() => reject(new Error('no reply to ' + message.type)), 15000);
        });
      window.tell = (message) => frame.contentWindow.postMessage({ v: 1, ...message }, appOrigin);
    </script>
  </body>
</html>`;
}

interface Reply {
  type: string;
  v: number;
  id: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}
interface ParentWindow {
  heard: { origin: string; data: { type?: string } }[];
  ask(message: Record<string, unknown>): Promise<Reply>;
  tell(message: Record<string, unknown>): void;
}

let served: Served;
let browser: Browser;
let page: Page;
let app: Frame;
const errors: string[] = [];
/** Requests to anywhere but the parent's origin and the app's. */
const foreign: string[] = [];

const ask = async <T = unknown>(message: Record<string, unknown>): Promise<T> => {
  const reply = await page.evaluate((m) => (window as unknown as ParentWindow).ask(m), message);
  if (!reply.ok) throw new Error(`${String(message.type)} failed: ${reply.error}`);
  return reply.result as T;
};
const askRaw = (message: Record<string, unknown>): Promise<Reply> =>
  page.evaluate((m) => (window as unknown as ParentWindow).ask(m), message);

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const appOrigin = new URL(served.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  parentServer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(parentPage(served.url));
  });
  await new Promise<void>((resolve) => parentServer.listen(0, '127.0.0.1', resolve));
  parentOrigin = `http://localhost:${(parentServer.address() as AddressInfo).port}`;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(parentOrigin) && !u.startsWith(appOrigin) && !/^(data|blob):/.test(u)) foreign.push(u);
  });
  await page.goto(`${parentOrigin}/lesson`);
  // A lazy iframe may still be on its way when the parent's load event fires.
  let found: Frame | undefined;
  for (let tries = 0; tries < 600 && !found; tries++) {
    found = page.frames().find((f) => f.url().startsWith(appOrigin));
    if (!found) await page.waitForTimeout(100);
  }
  if (!found)
    throw new Error(
      `the app frame did not load: ${page
        .frames()
        .map((f) => f.url())
        .join(', ')}`,
    );
  app = found;
  await page
    .waitForFunction(
      () => (window as unknown as ParentWindow).heard.some((m) => m.data?.type === 'calcium-routes:ready'),
      undefined,
      { timeout: 60_000 },
    )
    .catch(() => {
      throw new Error('no "calcium-routes:ready" from the app: does src/main.ts call installEmbedApi?');
    });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await new Promise((resolve) => (parentServer ? parentServer.close(resolve) : resolve(undefined)));
});

describe('wiring: src/main.ts calls installEmbedApi (the embed API from another origin)', () => {
  it('says ready, from the app origin, to a parent on another origin', async () => {
    expect(new URL(page.url()).origin).toBe(parentOrigin);
    expect(parentOrigin).not.toBe(new URL(served.url).origin);
    const heard = await page.evaluate(() => (window as unknown as ParentWindow).heard);
    const ready = heard.filter((m) => m.data?.type === 'calcium-routes:ready');
    // Once per page load (the dev server may reload the app once while it optimises dependencies).
    expect(ready.length).toBeGreaterThanOrEqual(1);
    for (const message of ready) {
      expect(message).toEqual({ origin: new URL(served.url).origin, data: { type: 'calcium-routes:ready', v: 1 } });
    }
  });

  it('sets inputs, steps, and reads an outcome that shows the change', async () => {
    await ask({ type: 'calcium-routes:pause' });
    await ask({ type: 'calcium-routes:reset' });
    const before = await ask<EmbedState>({ type: 'calcium-routes:get-state' });
    expect(before.inputs.calciumMgPerDay).toBe(1000);

    await ask({ type: 'calcium-routes:step', ticks: 600 });
    const usual = (await ask<EmbedOutcome>({ type: 'calcium-routes:get-outcome' })).a.current;
    expect(usual).toMatchObject({ kind: 'day', minutes: 600 });
    expect(usual.eaten).toBeGreaterThan(0);

    const state = await ask<EmbedState>({
      type: 'calcium-routes:set-inputs',
      inputs: { calciumMgPerDay: 0, d3IuPerDay: 0 },
    });
    expect(state.inputs).toMatchObject({ calciumMgPerDay: 0, d3IuPerDay: 0 });
    await ask({ type: 'calcium-routes:reset' });
    await ask({ type: 'calcium-routes:step', ticks: 600 });
    const none = (await ask<EmbedOutcome>({ type: 'calcium-routes:get-outcome' })).a.current;
    expect(none).toMatchObject({ kind: 'day', minutes: 600 });
    expect(none.eaten).toBe(0);
    expect(none.absorbed).toBeLessThan(usual.absorbed);

    // The app's own controls show what the parent set, and the table the same day.
    const calcium = app.locator('input[type="range"][data-input="calciumMgPerDay"]');
    await expect.poll(() => calcium.inputValue()).toBe('0');
    expect(await app.getByRole('table', { name: 'Where the calcium went' }).isVisible()).toBe(true);
  });

  it('refuses a bad message with a clear error and changes nothing', async () => {
    const reply = await askRaw({ type: 'calcium-routes:set-inputs', inputs: { calciumMgPerDay: 99_999 } });
    expect(reply).toMatchObject({ type: 'calcium-routes:reply', v: 1, ok: false });
    expect(reply.error).toMatch(/calciumMgPerDay must be between 0 and 3000/);
    const polluting = await page.evaluate(() =>
      (window as unknown as ParentWindow).ask(
        JSON.parse('{"type":"calcium-routes:set-inputs","inputs":{"__proto__":{"polluted":true}}}'),
      ),
    );
    expect(polluting.error).toMatch(/"__proto__" is not allowed/);
    expect(await app.evaluate(() => 'polluted' in Object.prototype)).toBe(false);
    expect((await ask<EmbedState>({ type: 'calcium-routes:get-state' })).inputs.calciumMgPerDay).toBe(0);
  });

  it('loads a scene, which the lesson panel then shows', async () => {
    const scenes = await ask<{ id: string; title: { en: string } }[]>({ type: 'calcium-routes:list-scenes' });
    const scene = scenes.find((s) => s.id === 'no-vitamin-d');
    if (!scene) throw new Error('no-vitamin-d is missing');
    const state = await ask<EmbedState>({ type: 'calcium-routes:load-scene', scene: scene.id });
    expect(state.scene).toMatchObject({ id: scene.id, step: 0 });
    await expect.poll(() => app.getByRole('region', { name: scene.title.en }).isVisible()).toBe(true);
    await expect.poll(() => app.locator('.lesson-indicator').textContent()).toMatch(/^Step 1 of \d+/);
  });

  it('plays and pauses', async () => {
    await ask({ type: 'calcium-routes:reset', defaults: true });
    const playing = await ask<EmbedState>({ type: 'calcium-routes:play' });
    expect(playing.clock).toBe('running');
    await expect
      .poll(async () => (await ask<EmbedState>({ type: 'calcium-routes:get-state' })).tick, { timeout: 20_000 })
      .toBeGreaterThan(5);
    const paused = await ask<EmbedState>({ type: 'calcium-routes:pause' });
    expect(paused.clock).toBe('paused');
    await page.waitForTimeout(500);
    expect((await ask<EmbedState>({ type: 'calcium-routes:get-state' })).tick).toBe(paused.tick);
    // The app's own Play/Pause button agrees.
    const toolbar = app.getByRole('toolbar', { name: 'Time controls' });
    await expect.poll(() => toolbar.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
  });

  it('switches view and reads the years', async () => {
    await ask({ type: 'calcium-routes:set-view', view: 'years' });
    await ask({ type: 'calcium-routes:step', ticks: 3 });
    const outcome = await ask<EmbedOutcome>({ type: 'calcium-routes:get-outcome' });
    expect(outcome.view).toBe('years');
    expect(outcome.a.current).toMatchObject({ kind: 'years', years: 3 });
    await ask({ type: 'calcium-routes:set-view', view: 'day' });
  });

  it('sent every reply to the parent, from the app, with nothing reaching another origin', async () => {
    const heard = await page.evaluate(() => (window as unknown as ParentWindow).heard);
    expect(heard.length).toBeGreaterThan(10);
    expect(new Set(heard.map((m) => m.origin))).toEqual(new Set([new URL(served.url).origin]));
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});

describe('wiring: docs/embed-example.html drives the app', () => {
  it('hears ready, lists the scenes, and shows replies to its buttons', async () => {
    // The dev server serves docs/ too; through "localhost" the example page is another origin than the app.
    const appUrl = new URL(served.url);
    const example = `http://localhost:${appUrl.port}/docs/embed-example.html?app=${encodeURIComponent(served.url)}`;
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    const tabErrors: string[] = [];
    tab.on('pageerror', (e) => tabErrors.push(e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error') tabErrors.push(m.text());
    });
    await tab.goto(example);
    const status = tab.getByRole('status');
    // The dev server may reload a page once while it optimises dependencies it meets for the first time: wait
    // until the page has settled, ready, with its scene list.
    for (let round = 0; round < 3; round++) {
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/is ready\.$/);
      await expect.poll(() => tab.locator('#scene option').count()).toBeGreaterThan(3);
      await tab.waitForLoadState('networkidle');
      if ((await tab.locator('#scene option').count()) > 3) break;
    }

    // Each click waits for its replies, as a person would see them arrive. The first can take seconds on a loaded
    // machine: the app says ready as soon as it listens, while its map may still be starting on software WebGL.
    const replies = async (): Promise<number> =>
      ((await tab.locator('#log').textContent())?.match(/^← \d+/gm) ?? []).length;
    const press = async (name: string, requests = 1): Promise<void> => {
      const before = await replies();
      await tab.getByRole('button', { name, exact: true }).click();
      await expect.poll(replies, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + requests);
    };
    await tab.locator('#calcium').fill('0');
    await press('Set inputs');
    await press('Start the run again');
    await press('Step 1 hour', 2);
    await press('Get outcome');
    await expect.poll(() => status.textContent()).toMatch(/^day 1, 60 min: eaten 0 mg/);

    await tab.locator('#scene').selectOption('warfarin');
    await press('Load scene');
    expect(await tab.locator('#log').textContent()).toMatch(/"id": "warfarin"/);
    const frame = tab.frames().find((f) => f.url().startsWith(appUrl.origin));
    await expect.poll(() => frame?.locator('.lesson-indicator').textContent()).toMatch(/^Step 1 of/);
    expect(tabErrors).toEqual([]);
    await tab.close();
  });
});
