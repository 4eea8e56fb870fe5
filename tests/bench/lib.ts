/**
 * Shared pieces of `npm run bench`: statistics, tables, the two production builds (the app and the bare Pixi
 * baseline page), a tiny static server that logs what it serves, and headless Chromium with the frame-rate cap
 * lifted. Nothing here asserts anything about time: the bench prints figures and ratios, people read them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { leanPixi } from '../../src/build/leanPixi';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = resolve(BENCH_DIR, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL (SwiftShader) and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * No 60 Hz cap on frames: for the frame-time figure only. A page then renders flat out, which is what the render
 * bench measures, but it also makes everything else slow (an idle page keeps the GPU process busy), so the other
 * figures use a browser with the usual cap.
 */
export const UNCAPPED_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** The window every page gets (the browser tests use the same). */
export const VIEWPORT = { width: 1366, height: 768 } as const;

// ---------------------------------------------------------------------------------------------------------------
// Statistics and printing

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** Ratio with its spread over the paired rounds: "1.08 (1.02–1.15)". */
export function ratioText(ratios: readonly number[]): string {
  if (ratios.length === 0) return '–';
  return `${fixed(median(ratios))} (${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))})`;
}

/** A plain-text table: the first row is the header; numbers read better right-aligned, so every cell is. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function verdict(value: number, target: number): string {
  if (!Number.isFinite(value)) return 'not measured';
  return value <= target ? 'met' : 'NOT met';
}

export function heading(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 100 - title.length))}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------------
// Builds

export interface Builds {
  /** The app's production build (`vite build` with the project's own config). */
  readonly app: string;
  /** The bare Pixi baseline page (tests/bench/pages/bare), built the same way. */
  readonly bare: string;
  /** The single-file build's folder, when package.json has a script that makes one (else null). */
  readonly single: string | null;
  /** The script and config it came from, or why there is none. */
  readonly singleSource: string;
}

/**
 * The single-file build's Vite config: from a package.json script whose name or command says "single" and that
 * runs `vite build --config <file>`.
 */
export function singleFileConfig(root: string): { script: string; config: string } | null {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  for (const [script, command] of Object.entries(pkg.scripts ?? {})) {
    const config = /vite build\b[^&|;]*--config[ =](\S+)/.exec(command)?.[1];
    if (config && (/single/i.test(script) || /single/i.test(config)) && existsSync(join(root, config))) {
      return { script, config };
    }
  }
  return null;
}

/**
 * Builds the app (from `root`, normally the repository), the baseline page and, if the project has one, the
 * single-file build, all into `outDir` (never into the project's own dist/).
 */
export async function buildAll(root: string, outDir: string): Promise<Builds> {
  const { build } = await import('vite');
  const app = join(outDir, 'app');
  const bare = join(outDir, 'bare');
  const started = performance.now();
  await build({ root, logLevel: 'warn', build: { outDir: app, emptyOutDir: true } });
  await build({
    configFile: false,
    root: join(BENCH_DIR, 'pages/bare'),
    base: './',
    // The same trimmed Pixi as the app's build (WebGL only), so the baseline fetches no more than it needs either.
    plugins: [leanPixi()],
    logLevel: 'warn',
    build: { outDir: bare, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  const found = singleFileConfig(root);
  let single: string | null = null;
  if (found) {
    single = join(outDir, 'single');
    await build({
      root,
      configFile: join(root, found.config),
      logLevel: 'warn',
      build: { outDir: single, emptyOutDir: true },
    });
  }
  console.log(
    `built the app, the baseline page${found ? ' and the single file' : ''} in ` +
      `${fixed((performance.now() - started) / 1000, 1)} s`,
  );
  return {
    app,
    bare,
    single,
    singleSource: found
      ? `npm run ${found.script} (${found.config})`
      : 'not built (no package.json script runs vite build --config <single-file config>)',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Static server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface Served {
  /** A file the server sent: the URL path and the file on disk. */
  readonly path: string;
  readonly file: string;
  readonly bytes: number;
}

export interface StaticServer {
  /** Origin, e.g. http://127.0.0.1:41234; `/app/` and `/bare/` are the two builds. */
  readonly origin: string;
  /** Every file sent since the last `clearLog()`. */
  readonly log: Served[];
  clearLog(): void;
  close(): Promise<void>;
}

/** Serves each mount (URL prefix → folder) uncompressed and uncached, as files; logs every file it sends. */
export async function serveStatic(mounts: Readonly<Record<string, string>>): Promise<StaticServer> {
  const log: Served[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const prefix = Object.keys(mounts).find((p) => path === p.slice(0, -1) || path.startsWith(p));
      if (!prefix) {
        res.writeHead(404).end();
        return;
      }
      if (path === prefix.slice(0, -1)) {
        res.writeHead(301, { location: prefix }).end();
        return;
      }
      const base = mounts[prefix] as string;
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        log.push({ path, file, bytes: body.length });
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          'content-length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    clearLog: () => {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

export interface Launched {
  readonly browser: Browser;
  /** The browser's process id: the root of the process tree whose CPU time `cpuTime` reads. */
  readonly pid: number;
  close(): Promise<void>;
}

/**
 * Chromium through a launch server, so the bench knows its process id (Browser alone does not expose it);
 * `uncapped` lifts the frame-rate cap.
 */
export async function launch(uncapped = false): Promise<Launched> {
  const args = uncapped ? [...CHROMIUM_ARGS, ...UNCAPPED_ARGS] : CHROMIUM_ARGS;
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args });
  const pid = server.process().pid;
  if (pid === undefined) throw new Error('Chromium started without a process id');
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    pid,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface CpuTime {
  /** CPU ms (user + system) of the whole tree, and of its renderer and GPU processes. */
  readonly total: number;
  readonly renderer: number;
  readonly gpu: number;
}

const TICK_MS = 10; // Linux reports process times in clock ticks of 1/100 s (getconf CLK_TCK).

/**
 * CPU time used so far by a process and all its descendants, from /proc: unlike wall time, it hardly changes
 * when other programs load the machine. Linux only; zero elsewhere.
 */
export function cpuTime(rootPid: number): CpuTime {
  const stats = new Map<number, { ppid: number; ms: number; type: string }>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return { total: 0, renderer: 0, gpu: 0 };
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
      stats.set(Number(name), { ppid, ms, type });
    } catch {
      // The process ended while being read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === rootPid) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let total = 0;
  let renderer = 0;
  let gpu = 0;
  for (const [pid, s] of stats) {
    if (!inTree(pid)) continue;
    total += s.ms;
    if (s.type === 'renderer') renderer += s.ms;
    if (s.type === 'gpu-process') gpu += s.ms;
  }
  return { total, renderer, gpu };
}

/** A fresh context (empty cache and storage) in English, at the bench's window size. */
export async function freshContext(
  browser: Browser,
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'no-preference',
    // The hosted build's service worker precaches the whole app after load; only the size and start figures,
    // which describe a first visit, let it run (it would otherwise compete with the frames being measured).
    serviceWorkers,
  });
  // tsx compiles with esbuild's keepNames, which wraps named functions in page.evaluate callbacks in __name().
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

/** Page errors and console errors, so a broken page is reported rather than measured. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Waits until the app's map runs in WebGL (or says why not, which is an error for the bench). */
export async function appReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = (window as unknown as { calciumRoutes?: { rendererName: string | null } }).calciumRoutes;
      return app?.rendererName != null || document.querySelector('.stage-message') !== null;
    },
    undefined,
    { timeout: 60_000 },
  );
  const renderer = await page.evaluate(
    () => (window as unknown as { calciumRoutes: { rendererName: string | null } }).calciumRoutes.rendererName,
  );
  if (renderer !== 'webgl') throw new Error(`the app's map did not start in WebGL (renderer: ${String(renderer)})`);
}

export async function bareReady(page: Page): Promise<void> {
  await page.waitForFunction(() => 'bare' in window, undefined, { timeout: 60_000 });
}
