/**
 * `npm run bench`: every figure issue 6 asks for, each against a baseline measured in the same run (rounds
 * alternate, medians), printed as tables with the target and a verdict. Nothing asserts on time; people read it.
 *
 *   model   cost per packet-step, world vs the plain-array floor (model.bench.ts, in its own Node process)
 *   size    JS/CSS transferred on a first visit (gzip), lazy chunks, the single-file build if made
 *   start   navigation start → first Pixi frame, app vs the bare Pixi page
 *   render  frame time at ≈1k/5k/20k packets, app vs the bare Pixi page (same N, texture, canvas)
 *   memory  JS heap after two simulated years vs after one day (day view, Fast)
 *
 * Options (after `npm run bench --`):
 *   --only a,b     run only these parts (repeatable), e.g. --only render
 *   --rounds n     rounds for start and render (default 5 and 7 for start)
 *   --root dir     build the app from another checkout (default: this repository)
 *   --sizes a,b    render sizes (default 1000,5000,20000)
 *   --keep         keep the temporary builds (their folder is printed)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  buildAll,
  fixed,
  heading,
  type Launched,
  launch,
  median,
  REPO_ROOT,
  type StaticServer,
  serveStatic,
  table,
  verdict,
} from './lib';
import { benchMemory, MEMORY_TARGET_PERCENT, type MemoryResult, memoryTable, memoryVerdict } from './parts/memory';
import { benchRender, breakdownTable, RENDER_TARGET, type RenderRow, renderNotes, renderTable } from './parts/render';
import { benchSize, JS_TARGET_KB, type SizeResult, sizeTables } from './parts/size';
import { benchStart, START_TARGET, type StartResult, startTable } from './parts/start';

const PARTS = ['model', 'size', 'start', 'render', 'memory'] as const;
type Part = (typeof PARTS)[number];

// Vite 8 warns about config features its future native loader will not support; not the bench's business.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    rounds: { type: 'string' },
    root: { type: 'string' },
    sizes: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const only = (values.only ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
for (const part of only) {
  if (!(PARTS as readonly string[]).includes(part)) {
    console.error(`unknown part "${part}"; the parts are: ${PARTS.join(', ')}`);
    process.exit(2);
  }
}
const wanted = (part: Part): boolean => only.length === 0 || only.includes(part);
const rounds = values.rounds ? Math.max(1, Number.parseInt(values.rounds, 10)) : null;
const root = resolve(values.root ?? REPO_ROOT);
const sizes = (values.sizes ?? '1000,5000,20000').split(',').map((v) => Number(v));

const startedAt = performance.now();
let chromiumPrinted = false;
printMachine();

const summary: string[][] = [['figure', 'measured', 'baseline', 'ratio', 'target', 'verdict']];

if (wanted('model')) {
  heading('Model: cost per packet-step, world ÷ plain-array floor (target ≤ 2.00)');
  const out = await runModelBench();
  for (const line of out.split('\n')) {
    const m = line.match(/^\s*(\d+)\s+(\d+)\s+[\d.]+\s+([\d.]+)\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*$/);
    if (!m) continue;
    const ratio = Number(m[5]);
    summary.push([
      `model, N≈${m[1]} (live ${m[2]})`,
      `${m[3]} ns/packet-step`,
      `floor ${m[4]} ns`,
      fixed(ratio),
      '≤ 2.00',
      verdict(ratio, 2),
    ]);
  }
}

const browserParts = PARTS.filter((p) => p !== 'model' && wanted(p));
if (browserParts.length > 0) {
  const outDir = mkdtempSync(join(tmpdir(), 'calcium-bench-'));
  let server: StaticServer | null = null;
  try {
    heading(`Production builds (${root === REPO_ROOT ? 'this repository' : root})`);
    const builds = await buildAll(root, outDir);
    const served = await serveStatic({ '/app/': builds.app, '/bare/': builds.bare });
    server = served;
    console.log(`served from ${served.origin} (uncompressed; sizes gzip-ed below)`);

    if (wanted('size')) {
      heading(`Size: files transferred on a first visit (target ≤ ${JS_TARGET_KB} kB gzip JS; ≤ 1 MB single file)`);
      const size = await withBrowser(false, ({ browser }) => benchSize(browser, served, builds));
      for (const t of sizeTables(size)) console.log(`${t}\n`);
      summariseSize(size);
    }
    if (wanted('start')) {
      heading(`Start: navigation → first Pixi frame, app ÷ bare Pixi page (target ≤ ${fixed(START_TARGET)})`);
      const start = await withBrowser(false, (launched) => benchStart(launched, served, rounds ?? 7));
      console.log(startTable(start));
      console.log(
        `\n${start.app.length} rounds, alternating, each a fresh context (cold cache, service worker allowed); the bare ` +
          `page has the app's start count (${start.info.live} packets) and canvas (${start.info.cssWidth}×` +
          `${start.info.cssHeight} CSS px). ratio = medians of first frame, app ÷ bare (range of the paired rounds).`,
      );
      summariseStart(start);
    }
    if (wanted('render')) {
      heading(`Rendering: frame time, app ÷ bare Pixi page with the same N (target ≤ ${fixed(RENDER_TARGET)})`);
      const options = { targets: sizes, rounds: rounds ?? 5, warmupMs: 1500, windowMs: 2500 };
      const rows = await withBrowser(true, (launched) => benchRender(launched, served, options));
      console.log(`\n${renderTable(rows)}\n`);
      if (rows[0] && rows[0].packetsOnly.length > 0) console.log(`${breakdownTable(rows[0])}\n`);
      for (const note of renderNotes(options)) console.log(note);
      summariseRender(rows);
    }
    if (wanted('memory')) {
      heading(`Memory: JS heap after two simulated years ÷ after one day (target ≤ +${MEMORY_TARGET_PERCENT} %)`);
      const memory = await withBrowser(false, ({ browser }) => benchMemory(browser, served));
      console.log(`\n${memoryTable(memory)}\n`);
      console.log(
        `day view, Fast, ?packetMg=${memory.packetMg} (${memory.live} live packets, adaptive budget off); stepped an ` +
          'hour at a time, a simulated week per burst, two frames drawn between bursts; each reading the median of ' +
          'three, each after two forced GCs.',
      );
      console.log(memoryVerdict(memory));
      summariseMemory(memory);
    }
  } finally {
    await server?.close();
    if (values.keep) console.log(`\nbuilds kept in ${outDir}`);
    else rmSync(outDir, { recursive: true, force: true });
  }
}

heading('Summary');
console.log(table(summary));
console.log(
  `\n${fixed((performance.now() - startedAt) / 1000, 0)} s in all; load average now ${loadavg()
    .map((l) => fixed(l, 2))
    .join(' ')}`,
);

// ---------------------------------------------------------------------------------------------------------------

/** One browser per part, closed after it: frame-rate cap lifted only for the render part (see lib.ts). */
async function withBrowser<T>(uncapped: boolean, run: (launched: Launched) => Promise<T>): Promise<T> {
  const launched = await launch(uncapped);
  try {
    if (!chromiumPrinted) {
      console.log(`Chromium ${launched.browser.version()}`);
      chromiumPrinted = true;
    }
    return await run(launched);
  } finally {
    await launched.close();
  }
}

function printMachine(): void {
  const cpu = cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += ` + uncommitted changes in ${dirty.split('\n').length} app files`;
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  console.log('Calcium Routes benchmarks (issue 6): figures are ratios against a baseline measured in the same run');
  console.log(
    `${new Date().toISOString()}; ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}; ` +
      `${fixed(totalmem() / 2 ** 30, 0)} GiB RAM (${fixed(freemem() / 2 ** 30, 0)} free); ` +
      `load average ${loadavg()
        .map((l) => fixed(l, 2))
        .join(' ')}; node ${process.version}; app at ${commit}`,
  );
  console.log(`parts: ${PARTS.filter(wanted).join(', ')}`);
}

function runModelBench(): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'model.bench.ts')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolveRun(out) : reject(new Error(`model bench exited with ${code}`))));
  });
}

function summariseSize(size: SizeResult): void {
  const js = size.files.filter((f) => f.kind === 'js' && f.byPage).reduce((s, f) => s + f.gzip, 0) / 1000;
  summary.push([
    'JS requested on load (gzip)',
    `${fixed(js, 1)} kB`,
    `target ${JS_TARGET_KB} kB`,
    fixed(js / JS_TARGET_KB),
    `≤ ${JS_TARGET_KB} kB`,
    verdict(js, JS_TARGET_KB),
  ]);
  const single = size.single;
  summary.push(
    single
      ? [
          'single-file build',
          `${fixed(single.raw / 1000, 1)} kB`,
          'target 1000 kB',
          fixed(single.raw / 1000 / 1000),
          '≤ 1000 kB',
          verdict(single.raw / 1000, 1000),
        ]
      : ['single-file build', 'not built', '', '', '≤ 1000 kB', 'not built'],
  );
}

function summariseStart(start: StartResult): void {
  summary.push([
    'start → first Pixi frame',
    `${fixed(median(start.app.map((x) => x.firstFrame)), 0)} ms`,
    `bare ${fixed(median(start.bare.map((x) => x.firstFrame)), 0)} ms`,
    fixed(start.ratio),
    `≤ ${fixed(START_TARGET)}`,
    verdict(start.ratio, START_TARGET),
  ]);
}

function summariseRender(rows: readonly RenderRow[]): void {
  for (const row of rows) {
    summary.push([
      `frame time, N≈${Math.round(row.liveMedian)}`,
      `${fixed(median(row.app.map((x) => x.meanMs)))} ms`,
      `bare ${fixed(median(row.bare.map((x) => x.meanMs)))} ms`,
      fixed(row.ratio),
      `≤ ${fixed(RENDER_TARGET)}`,
      verdict(row.ratio, RENDER_TARGET),
    ]);
  }
}

function summariseMemory(memory: MemoryResult): void {
  const first = memory.readings[0];
  const last = memory.readings[memory.readings.length - 1];
  if (!first || !last) return;
  summary.push([
    'JS heap, 2 years vs 1 day',
    `${fixed(last.heapUsed / 1e6, 2)} MB`,
    `day 1 ${fixed(first.heapUsed / 1e6, 2)} MB`,
    fixed(last.heapUsed / first.heapUsed, 3),
    `≤ 1.050 (+${MEMORY_TARGET_PERCENT} %)`,
    verdict(memory.growthPercent, MEMORY_TARGET_PERCENT),
  ]);
}
