/**
 * Size: what a first visit to the production build actually transfers, gzip-compressed as a web server would send
 * it (zlib, default level 6; brotli for information), split into JS, CSS and the rest. The list comes from the
 * bench's own server log (every file it sent during the load, including any a service worker fetched), checked
 * against what the page itself requested: the target applies to the JS the page requests; what the hosted build's
 * service worker then precaches in the background (after the load event) is listed apart. Also: the JS the page
 * did not request (lazy chunks), and the single-file build, built by the bench from the project's own script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { appReady, type Builds, fixed, freshContext, type StaticServer, sleep, table, verdict } from '../lib';

export const JS_TARGET_KB = 200;
export const SINGLE_FILE_TARGET_KB = 1000;
const KB = 1000;

type Kind = 'js' | 'css' | 'other';

export interface LoadedFile {
  readonly path: string;
  readonly kind: Kind;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
  /** Requested by the page (false: fetched by something else, e.g. a service worker precaching). */
  readonly byPage: boolean;
}

export interface SingleFile {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  /** Bytes of fonts inlined as data: URLs (for information: the build leaves the CJK subsets out). */
  readonly inlinedFonts: number;
}

export interface SizeResult {
  readonly files: LoadedFile[];
  readonly lazyJs: { path: string; raw: number; gzip: number }[];
  readonly single: SingleFile | null;
  /** Where the single file came from (script and config), or why there is none. */
  readonly singleNote: string;
}

const kindOf = (path: string): Kind => {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  return 'other';
};

const gz = (buf: Buffer): number => gzipSync(buf).length;

export async function benchSize(browser: Browser, server: StaticServer, builds: Builds): Promise<SizeResult> {
  const appDir = builds.app;
  const context = await freshContext(browser, 'allow');
  const requested = new Set<string>();
  try {
    const page = await context.newPage();
    page.on('request', (r) => requested.add(new URL(r.url()).pathname));
    server.clearLog();
    await page.goto(`${server.origin}/app/`);
    await appReady(page);
    // Whatever the start fetches late (a language file, a font, a service worker's precache) arrives in this time.
    await page.waitForLoadState('networkidle');
    await sleep(2000);
  } finally {
    await context.close();
  }
  const seen = new Map<string, LoadedFile>();
  for (const served of server.log) {
    if (seen.has(served.path)) continue;
    const body = readFileSync(served.file);
    seen.set(served.path, {
      path: served.path.replace(/^\/app\//, '') || 'index.html (as /)',
      kind: kindOf(served.file),
      raw: body.length,
      gzip: gz(body),
      brotli: brotliCompressSync(body).length,
      byPage: requested.has(served.path),
    });
  }
  const files = [...seen.values()];
  const loaded = new Set(files.filter((f) => f.byPage).map((f) => f.path));
  const lazyJs = listFiles(appDir)
    .map((file) => relative(appDir, file))
    .filter((path) => kindOf(path) === 'js' && !loaded.has(path))
    .map((path) => {
      const body = readFileSync(join(appDir, path));
      return { path, raw: body.length, gzip: gz(body) };
    });
  return {
    files,
    lazyJs,
    single: builds.single ? measureSingle(builds.single) : null,
    singleNote: builds.singleSource,
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** The largest HTML file the single-file build wrote. */
function measureSingle(dir: string): SingleFile | null {
  const file = listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, body: readFileSync(f) }))
    .sort((a, b) => b.body.length - a.body.length)[0];
  if (!file) return null;
  let inlinedFonts = 0;
  for (const match of file.body
    .toString('latin1')
    .matchAll(/data:(?:font\/[\w-]+|application\/(?:x-)?font-[\w-]+);base64,[A-Za-z0-9+/=]+/g)) {
    inlinedFonts += match[0].length;
  }
  return { file: relative(dir, file.f), raw: file.body.length, gzip: gz(file.body), inlinedFonts };
}

const kb = (bytes: number): string => fixed(bytes / KB, 1);

export function sizeTables(result: SizeResult): string[] {
  const out: string[] = [];
  const order = (f: LoadedFile) => (f.byPage ? 0 : 1);
  const sorted = [...result.files].sort(
    (a, b) => order(a) - order(b) || a.kind.localeCompare(b.kind) || b.gzip - a.gzip,
  );
  out.push(
    table([
      ['file served on a first visit', 'kind', 'raw kB', 'gzip kB', 'brotli kB', 'requested by'],
      ...sorted.map((f) => [
        f.path,
        f.kind,
        kb(f.raw),
        kb(f.gzip),
        kb(f.brotli),
        f.byPage ? 'page' : 'service worker / other',
      ]),
    ]),
  );
  const sum = (kind: Kind, byPage: boolean, key: 'raw' | 'gzip' | 'brotli') =>
    result.files.filter((f) => f.kind === kind && f.byPage === byPage).reduce((s, f) => s + f[key], 0);
  const row = (label: string, kind: Kind, byPage: boolean) => [
    label,
    kb(sum(kind, byPage, 'raw')),
    kb(sum(kind, byPage, 'gzip')),
    kb(sum(kind, byPage, 'brotli')),
  ];
  const jsGz = sum('js', true, 'gzip');
  const lazyRaw = result.lazyJs.reduce((s, f) => s + f.raw, 0);
  const lazyGz = result.lazyJs.reduce((s, f) => s + f.gzip, 0);
  const single = result.single;
  out.push(
    table([
      ['figure', 'raw kB', 'gzip kB', 'brotli kB', 'target', 'ratio', 'verdict'],
      [
        ...row('JS the page requests on load', 'js', true),
        `≤ ${JS_TARGET_KB} kB gzip`,
        fixed(jsGz / KB / JS_TARGET_KB),
        verdict(jsGz / KB, JS_TARGET_KB),
      ],
      [...row('CSS the page requests on load', 'css', true), '', '', ''],
      [...row('other files the page requests (fonts, icon, HTML)', 'other', true), '', '', ''],
      [...row('JS precached after load (service worker)', 'js', false), '', '', ''],
      [...row('other files precached after load', 'other', false), '', '', ''],
      [`JS chunks the page did not request (${result.lazyJs.length})`, kb(lazyRaw), kb(lazyGz), '', '', '', ''],
      single
        ? [
            `single file (${single.file})`,
            kb(single.raw),
            kb(single.gzip),
            '',
            `≤ ${SINGLE_FILE_TARGET_KB} kB`,
            fixed(single.raw / KB / SINGLE_FILE_TARGET_KB),
            verdict(single.raw / KB, SINGLE_FILE_TARGET_KB),
          ]
        : ['single file', '–', '–', '', `≤ ${SINGLE_FILE_TARGET_KB} kB`, '–', 'not built'],
    ]),
  );
  out.push(
    single
      ? `single file from ${result.singleNote}; fonts inlined in it: ${kb(single.inlinedFonts)} kB (base64)`
      : `single file: ${result.singleNote}`,
  );
  return out;
}
