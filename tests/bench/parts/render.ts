/**
 * Rendering: frame time of the real app (production build, day view, playing at Fast) with N packets, against the
 * bare Pixi page drawing the same N particles with the same dot texture at the same canvas size and resolution.
 * `?packetMg=` sets N (smaller packets, more of them; it also switches the adaptive budget off).
 *
 * One page at a time, each in a fresh context and closed after its window: with the frame-rate cap lifted a page
 * renders flat out, so two open pages would measure each other (and a second WebGL page may not even start while
 * the first spins, seen on SwiftShader). Rounds alternate app/bare and the order flips each round.
 */
import {
  appReady,
  bareReady,
  fixed,
  freshContext,
  type Launched,
  median,
  ratioText,
  type StaticServer,
  sleep,
  table,
  verdict,
  watchErrors,
} from '../lib';
import { type AppInfo, appInfo, playFast, setDrawMode, setPagePainted } from './appPage';
import { type FrameSample, installFrameProbe, measureFrames } from './frames';

export const RENDER_TARGET = 1.1;
/** Fast pools at the default diet (ECF + bone surface + gut), mg: packetMg = this ÷ N gives about N live packets. */
const FAST_POOLS_MG = 5_450;
/** The app accepts 0.25–100 mg per packet (src/main.ts). */
const PACKET_MG_MIN = 0.25;

export interface RenderOptions {
  readonly targets: readonly number[];
  readonly rounds: number;
  readonly warmupMs: number;
  readonly windowMs: number;
}

export interface RenderRow {
  readonly target: number;
  readonly packetMg: number | null;
  readonly honoured: boolean;
  readonly info: AppInfo;
  readonly liveMedian: number;
  readonly app: FrameSample[];
  readonly bare: FrameSample[];
  /** At the first size only: the app drawing only its packet layer, and drawing nothing. */
  readonly packetsOnly: FrameSample[];
  readonly nothing: FrameSample[];
  /** At the first size only: the app drawing everything with the page around the map unpainted. */
  readonly canvasOnly: FrameSample[];
  readonly ratios: number[];
  readonly ratio: number;
}

export async function benchRender(
  launched: Launched,
  server: StaticServer,
  options: RenderOptions,
): Promise<RenderRow[]> {
  const rows: RenderRow[] = [];
  for (const target of options.targets) {
    const packetMg = Math.max(PACKET_MG_MIN, Math.round((FAST_POOLS_MG / target) * 1000) / 1000);
    const row = await measureAt(launched, server, options, target, packetMg, rows.length === 0);
    rows.push(row);
    console.log(
      `  N≈${target}: app ${fixed(median(row.app.map((x) => x.meanMs)))} ms/frame, ` +
        `bare ${fixed(median(row.bare.map((x) => x.meanMs)))} ms/frame (${row.app.length} rounds)`,
    );
    if (!row.honoured) {
      console.log(
        `  the app ignored ?packetMg=${packetMg} (world made with ${row.info.packetMg} mg): measured at its default ` +
          'count only; the other sizes need the ?packetMg= parameter in src/main.ts',
      );
      break;
    }
  }
  return rows;
}

async function measureAt(
  { browser, pid: browserPid }: Launched,
  server: StaticServer,
  options: RenderOptions,
  target: number,
  packetMg: number,
  breakdown: boolean,
): Promise<RenderRow> {
  const appUrl = `${server.origin}/app/?packetMg=${packetMg}`;
  const app: FrameSample[] = [];
  const bare: FrameSample[] = [];
  const packetsOnly: FrameSample[] = [];
  const nothing: FrameSample[] = [];
  const canvasOnly: FrameSample[] = [];
  const lives: number[] = [];
  let first: AppInfo | null = null;

  const runApp = async (): Promise<void> => {
    const context = await freshContext(browser);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(appUrl);
      await appReady(page);
      await playFast(page);
      await installFrameProbe(page, 'app');
      await sleep(options.warmupMs);
      const before = await appInfo(page);
      first ??= before;
      app.push(await measureFrames(page, browserPid, options.windowMs));
      const after = await appInfo(page);
      if (breakdown) {
        await setDrawMode(page, 'packets');
        packetsOnly.push(await measureFrames(page, browserPid, options.windowMs));
        await setDrawMode(page, 'none');
        nothing.push(await measureFrames(page, browserPid, options.windowMs));
        await setDrawMode(page, 'all');
        await setPagePainted(page, false);
        canvasOnly.push(await measureFrames(page, browserPid, options.windowMs));
      }
      lives.push((before.live + after.live) / 2);
      if (errors.length > 0) throw new Error(`the app reported errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  };
  const runBare = async (info: AppInfo): Promise<void> => {
    const context = await freshContext(browser);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const query = `n=${Math.round(info.live)}&w=${info.cssWidth}&h=${info.cssHeight}&res=${info.resolution}`;
      await page.goto(`${server.origin}/bare/?${query}`);
      await bareReady(page);
      await installFrameProbe(page, 'bare');
      await sleep(options.warmupMs);
      bare.push(await measureFrames(page, browserPid, options.windowMs));
      if (errors.length > 0) throw new Error(`the bare page reported errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  };

  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0 || first === null) {
      await runApp();
      await runBare(first as unknown as AppInfo);
    } else {
      await runBare(first);
      await runApp();
    }
    if (round === 0 && (first as AppInfo | null)?.packetMg !== packetMg) break;
  }
  const info = first as unknown as AppInfo;
  const ratios = app.map((a, i) => a.meanMs / (bare[i]?.meanMs ?? Number.NaN));
  return {
    target,
    packetMg,
    honoured: info.packetMg === packetMg,
    info,
    liveMedian: median(lives),
    app,
    bare,
    packetsOnly,
    nothing,
    canvasOnly,
    ratios,
    ratio: median(app.map((a) => a.meanMs)) / median(bare.map((b) => b.meanMs)),
  };
}

const med = (xs: readonly FrameSample[], key: keyof FrameSample): number => median(xs.map((x) => x[key]));

export function renderTable(rows: readonly RenderRow[]): string {
  return table([
    [
      'target N',
      'packet mg',
      'live N',
      'particles',
      'app ms/frame',
      'bare ms/frame',
      'ratio (range)',
      'target',
      'verdict',
      'app CPU ms/frame',
      'bare CPU ms/frame',
      'CPU ratio',
    ],
    ...rows.map((row) => [
      String(row.target),
      row.honoured ? String(row.packetMg) : `${row.info.packetMg} (default)`,
      String(Math.round(row.liveMedian)),
      `${row.info.shown}/${row.info.pool}`,
      fixed(med(row.app, 'meanMs')),
      fixed(med(row.bare, 'meanMs')),
      ratioText(row.ratios),
      `≤ ${fixed(RENDER_TARGET)}`,
      verdict(row.ratio, RENDER_TARGET),
      fixed(med(row.app, 'cpuMs')),
      fixed(med(row.bare, 'cpuMs')),
      fixed(med(row.app, 'cpuMs') / med(row.bare, 'cpuMs')),
    ]),
  ]);
}

/** Where the app's frame time goes, at the first size: same page, same run, three windows one after another. */
export function breakdownTable(row: RenderRow): string {
  const bareMs = med(row.bare, 'meanMs');
  const line = (label: string, xs: readonly FrameSample[]) => [
    label,
    fixed(med(xs, 'meanMs')),
    fixed(med(xs, 'meanMs') / bareMs),
    fixed(med(xs, 'tickerMs')),
    fixed(med(xs, 'cpuMs')),
    fixed(med(xs, 'rendererCpuMs')),
    fixed(med(xs, 'gpuCpuMs')),
  ];
  return table([
    [
      `N≈${Math.round(row.liveMedian)}: what the page draws`,
      'ms/frame',
      '÷ bare',
      'ticker ms',
      'CPU ms',
      'renderer CPU',
      'GPU-process CPU',
    ],
    line('app: everything (the figure above)', row.app),
    line('app: only the packet layer', row.packetsOnly),
    line('app: nothing (stage hidden; model, motion, panels run)', row.nothing),
    line('app: everything, only the canvas painted (page hidden)', row.canvasOnly),
    line('bare Pixi page, same N', row.bare),
  ]);
}

export function renderNotes(options: RenderOptions): string[] {
  return [
    `${options.rounds} rounds per size, app and bare page alternating (order flipped each round), each a fresh page:`,
    `${options.warmupMs} ms warm-up after start, then ≥ ${options.windowMs} ms of requestAnimationFrame frames.`,
    'ms/frame = wall time ÷ frames (median over rounds); ratio = app ÷ bare, median of the rounds’ pairs (range).',
    "particles = visible/pool in the app's particle containers (hidden pool slots are drawn transparent).",
    'ticker ms = main-thread time per frame inside the Pixi ticker (update callbacks + render submission).',
    'CPU ms/frame = CPU time of the whole browser (only the measured page open) ÷ frames, from /proc: it hardly',
    'moves with other load on the machine, so the CPU ratio is the steadier figure when the wall-time range is wide.',
  ];
}
