/**
 * Frame measurement: a requestAnimationFrame counter in the page (every frame the page shows, whatever draws it),
 * the main-thread time the Pixi ticker spends per frame (update callbacks + render submission, from two listeners
 * placed before and after everything else on the ticker), and the CPU time of the whole browser from /proc.
 *
 * All three are read at the same two moments (the start and end of a window timed in Node) and differenced, so
 * frames, wall time and CPU time cover the same interval even when the page stalls for seconds (SwiftShader with
 * the frame cap lifted can queue a long backlog of GPU work: the page then runs a burst of 2 ms frames and blocks).
 */
import type { Page } from 'playwright-core';
import { type CpuTime, cpuTime, sleep } from '../lib';

export interface FrameSample {
  readonly frames: number;
  /** Wall time ÷ frames over the window (ms). */
  readonly meanMs: number;
  /** Median gap between frames (ms). */
  readonly medianMs: number;
  /** Main-thread ms per frame inside the Pixi ticker (all update listeners and the render). */
  readonly tickerMs: number;
  /** CPU ms per frame of the whole browser (one page open), and of its renderer and GPU processes. */
  readonly cpuMs: number;
  readonly rendererCpuMs: number;
  readonly gpuCpuMs: number;
}

/** Which Pixi Application a page has: the app's map A or the bare page's. */
export type PixiHandle = 'app' | 'bare';

interface Probe {
  frames: number;
  gaps: number[];
  tickerMs: number;
  ticks: number;
}

interface Snapshot {
  readonly now: number;
  readonly frames: number;
  readonly gapCount: number;
  readonly tickerMs: number;
  readonly ticks: number;
}

/** Puts the frame counter and the two ticker listeners on the page (once per page). */
export async function installFrameProbe(page: Page, handle: PixiHandle): Promise<void> {
  await page.evaluate((which) => {
    type Ticker = { add(fn: () => void, context: unknown, priority: number): void };
    const w = window as unknown as {
      calciumRoutes?: { pixi: { app: { ticker: Ticker } } };
      bare?: { app: { ticker: Ticker } };
      __benchProbe?: Probe;
    };
    const ticker = which === 'app' ? w.calciumRoutes?.pixi.app.ticker : w.bare?.app.ticker;
    if (!ticker) throw new Error('no Pixi ticker on this page');
    const probe: Probe = { frames: 0, gaps: [], tickerMs: 0, ticks: 0 };
    w.__benchProbe = probe;
    let last = 0;
    const frame = (t: number): void => {
      if (last > 0) probe.gaps.push(t - last);
      last = t;
      probe.frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    let start = 0;
    ticker.add(() => (start = performance.now()), null, 1_000_000);
    ticker.add(
      () => {
        probe.tickerMs += performance.now() - start;
        probe.ticks++;
      },
      null,
      -1_000_000,
    );
  }, handle);
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const p = (window as unknown as { __benchProbe: Probe }).__benchProbe;
    return { now: performance.now(), frames: p.frames, gapCount: p.gaps.length, tickerMs: p.tickerMs, ticks: p.ticks };
  });
}

/**
 * A window of at least `durationMs` and at least `minFrames` frames (a slow page gets up to 4× longer), with the
 * CPU time the browser (process tree `browserPid`) used meanwhile.
 */
export async function measureFrames(
  page: Page,
  browserPid: number,
  durationMs: number,
  minFrames = 10,
): Promise<FrameSample> {
  const s0 = await snapshot(page);
  const c0 = cpuTime(browserPid);
  const started = performance.now();
  await sleep(durationMs);
  let s1 = await snapshot(page);
  while (s1.frames - s0.frames < minFrames && performance.now() - started < 4 * durationMs) {
    await sleep(250);
    s1 = await snapshot(page);
  }
  const c1 = cpuTime(browserPid);
  const frames = Math.max(1, s1.frames - s0.frames);
  const gaps = await page.evaluate(
    ([from, to]) => (window as unknown as { __benchProbe: Probe }).__benchProbe.gaps.slice(from, to),
    [s0.gapCount, s1.gapCount] as const,
  );
  gaps.sort((a, b) => a - b);
  const per = (key: keyof CpuTime) => (c1[key] - c0[key]) / frames;
  return {
    frames,
    meanMs: (s1.now - s0.now) / frames,
    medianMs: gaps[Math.floor(gaps.length / 2)] ?? Number.NaN,
    tickerMs: s1.ticks > s0.ticks ? (s1.tickerMs - s0.tickerMs) / (s1.ticks - s0.ticks) : Number.NaN,
    cpuMs: per('total'),
    rendererCpuMs: per('renderer'),
    gpuCpuMs: per('gpu'),
  };
}
