/**
 * The built app, as schools get it (`npm run build`, made here into a temporary folder):
 *
 * - the single file (calcium-routes.html) opens from disk with every http(s) request refused: the map draws, Play
 *   runs the simulation, compare mode and a chart copied as an image work, Spanish (a catalogue that is a lazy
 *   chunk in the site) and Chinese (whose font is left out) switch in, with no console error and no
 *   Content-Security-Policy violation; it stays within 1 MB;
 * - the hosted site, served from a sub-folder of a plain static server on 127.0.0.1, installs its service worker
 *   on the first visit; with the server gone and the browser offline, a reload still brings the app up, draws the
 *   map, and switches to Spanish from the cache;
 * - a whole session in the hosted site under its Content-Security-Policy (play, compare, every header dialog, a chart
 *   copied as an image, the dark theme, Spanish and back) has zero policy violations.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasInk, launch, tick } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const SINGLE_FILE = 'calcium-routes.html';
/** The budget for the single file (the Chinese font subsets, left out, are not counted). */
const SINGLE_FILE_BUDGET = 1_000_000;
/** Where the static server puts the site, as a school server or learning platform might. */
const BASE_PATH = '/sims/calcium-routes/';

let out: string;
let browser: Browser;

/** Both builds, as `npm run build` makes them, into `dir`. */
async function buildInto(dir: string): Promise<void> {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // Vitest sets NODE_ENV=test, which would make Vite build for development.
  const { NODE_ENV: _, ...env } = process.env;
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [vite, 'build', ...args, '--outDir', dir, '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  await run(['--emptyOutDir']);
  await run(['--config', 'vite.single.config.ts']);
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'calcium-routes-dist-'));
  await Promise.all([
    buildInto(out),
    launch().then((b) => {
      browser = b;
    }),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
};

interface StaticSite {
  /** The site's address, ending in "/". */
  readonly url: string;
  close(): Promise<void>;
}

/** A plain static file server for `dir` at BASE_PATH on 127.0.0.1: no headers beyond the content type. */
async function serveStatic(dir: string): Promise<StaticSite> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const inside = path.startsWith(BASE_PATH) ? path.slice(BASE_PATH.length) : null;
    const file =
      inside === null
        ? null
        : normalize(join(dir, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside));
    if (!file?.startsWith(dir + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Watched {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

/** A page in `context` that records errors, and Content-Security-Policy violations in window.cspViolations. */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  await context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) => {
      found.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Waits until the app has started its map (or shown why it could not). */
async function mapStarted(page: Page): Promise<string | null> {
  await page.waitForFunction(() => {
    const app = (window as unknown as { calciumRoutes?: { rendererName: string | null } }).calciumRoutes;
    return app?.rendererName != null || document.querySelector('.stage-message') !== null;
  });
  return page.evaluate(
    () => (window as unknown as { calciumRoutes: { rendererName: string | null } }).calciumRoutes.rendererName,
  );
}

/** Picks a language in the Preferences dialog (the fifth header button, in any language) and closes it. */
async function chooseLanguage(page: Page, tag: string): Promise<void> {
  await page.locator('.topbar-actions button').nth(4).click();
  await page.locator('dialog.dialog-prefs[open] select').selectOption(tag);
  await page.waitForFunction((want) => document.documentElement.lang === want, tag);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
}

describe('the single file', () => {
  it(`fits the budget of ${SINGLE_FILE_BUDGET} bytes`, () => {
    expect(statSync(join(out, SINGLE_FILE)).size).toBeLessThanOrEqual(SINGLE_FILE_BUDGET);
  });

  it('runs from disk with no network: map, Play, compare, chart image, Spanish, Chinese; no error or violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const network: string[] = [];
    await context.route(/^https?:/, (route) => {
      network.push(route.request().url());
      return route.abort();
    });
    const { page, errors } = await watchedPage(context);
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) network.push(r.url());
    });
    try {
      await page.goto(pathToFileURL(join(out, SINGLE_FILE)).href);
      expect(await mapStarted(page)).toBe('webgl');
      expect(await canvasInk(page)).toBeGreaterThan(0.05);

      const before = await tick(page);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(page), { timeout: 15_000 }).toBeGreaterThan(before);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      await expect.poll(() => page.getByRole('table', { name: 'A and B compared' }).count()).toBe(1);
      // A chart as an image reads the page's fonts, here data: URLs, with fetch (connect-src data:).
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page
        .getByRole('button', { name: /^Copy image:/ })
        .first()
        .click();
      await expect
        .poll(() => page.getByText(/Chart copied|Chart saved|could not be turned/).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await page.getByText(/could not be turned/).count()).toBe(0);

      await chooseLanguage(page, 'es');
      await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: 'Escenas' }).count()).toBe(1);
      await chooseLanguage(page, 'zh-Hans');
      await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: '情景' }).count()).toBe(1);
      // The Chinese font subset is not in the single file: the page must not ask for it.
      expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Noto')))).toBe(false);

      expect(await canvasInk(page)).toBeGreaterThan(0.05);
      expect(network).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the hosted site', () => {
  it('works offline after the first visit (service worker), from a sub-folder of the server', async () => {
    const site = await serveStatic(out);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const { page, errors } = await watchedPage(context);
    let closed = false;
    try {
      await page.goto(site.url);
      expect(await mapStarted(page)).toBe('webgl');
      // The worker installs after the page has loaded, caches the build and takes control of this page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const manifest = await page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
        return link ? ((await (await fetch(link.href)).json()) as { start_url: string; display: string }) : null;
      });
      expect(manifest).toMatchObject({ start_url: './', display: 'standalone' });

      await site.close();
      closed = true;
      await context.setOffline(true);
      await page.reload();
      expect(await mapStarted(page)).toBe('webgl');
      expect(await canvasInk(page)).toBeGreaterThan(0.05);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Atkinson');
      // A catalogue that is a lazy chunk, fetched for the first time now, offline.
      await chooseLanguage(page, 'es');
      await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: 'Escenas' }).count()).toBe(1);
      expect(await cspViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      if (!closed) await site.close();
    }
  });

  it('keeps to its Content-Security-Policy through a whole session', async () => {
    const site = await serveStatic(out);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const { page, errors } = await watchedPage(context);
    try {
      await page.goto(site.url);
      const policy = await page.evaluate(
        () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      );
      expect(policy).toContain("script-src 'self';");
      expect(policy).not.toContain('unsafe-');
      expect(await mapStarted(page)).toBe('webgl');

      await page.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('toolbar').getByText('Fast', { exact: true }).click();
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      await expect.poll(() => page.getByRole('table', { name: 'A and B compared' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Step' }).click();

      // Every dialog in the header, each closed again.
      for (const opener of await page.getByRole('navigation').getByRole('button').all()) {
        await opener.click();
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
      }

      // A chart as an image: SVG → data: URL → canvas, with the page's fonts fetched and embedded.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page
        .getByRole('button', { name: /^Copy image:/ })
        .first()
        .click();
      await expect
        .poll(() => page.getByText(/Chart copied|Chart saved|could not be turned/).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await page.getByText(/could not be turned/).count()).toBe(0);

      await page.locator('.topbar-actions button').nth(4).click();
      await page.getByRole('dialog', { name: 'Preferences' }).getByRole('radio', { name: 'Dark' }).check();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await page.keyboard.press('Escape');
      await chooseLanguage(page, 'es');
      await chooseLanguage(page, 'zh-Hans');
      await chooseLanguage(page, 'en');
      expect(await canvasInk(page)).toBeGreaterThan(0.05);

      expect(await cspViolations(page)).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await site.close();
    }
  }, 150_000);
});
