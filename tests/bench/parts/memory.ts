/**
 * Memory: the app's JS heap after two simulated years in the day view against after one simulated day, same page,
 * same run, with readings at 2, 30 and 365 days too (to tell steady growth from a one-off). Two years of day view
 * at Fast would take three hours of wall clock (a day takes 15 s), so the bench drives the controller as the Step
 * button does: `{ type: 'step', ticks: 60 }` (an hour; one tick is a simulated minute) while paused at Fast speed,
 * a simulated week per burst, with two animation frames drawn between bursts so the map, the panels and the step
 * animation all run. Each reading is the median of three, each after two forced garbage collections (CDP).
 *
 * `?packetMg=10` (the default size) keeps the packet count fixed: the adaptive budget would otherwise change how
 * much is drawn, and with it the heap, for reasons that are not leaks.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { appReady, fixed, freshContext, type StaticServer, table, verdict, watchErrors } from '../lib';
import { send } from './appPage';

export const MEMORY_TARGET_PERCENT = 5;
const MINUTES_PER_DAY = 1440;
/** Days at which the heap is read; the first is the baseline, the last is two simulated years. */
export const CHECKPOINT_DAYS = [1, 2, 30, 365, 730] as const;

export interface MemoryReading {
  readonly day: number;
  readonly tick: number;
  /** V8 heap in use after GC (bytes). */
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Off-heap ArrayBuffer backing stores (typed arrays), when the browser reports them (bytes). */
  readonly backingStore: number;
  readonly nodes: number;
  readonly listeners: number;
  /** Wall seconds since the first step. */
  readonly seconds: number;
  /** Wall seconds spent stepping since the previous reading. */
  readonly stepSeconds?: number;
}

export interface MemoryResult {
  readonly readings: MemoryReading[];
  readonly growthPercent: number;
  readonly packetMg: number;
  readonly live: number;
}

async function read(cdp: CDPSession, page: Page, day: number, started: number): Promise<MemoryReading> {
  // Let the step animation finish and the panels redraw; then three readings a moment apart, each after two
  // collections (the second catches what the first's finalisers freed); the median is kept.
  await page.waitForTimeout(1500);
  const samples: { usedSize: number; totalSize: number; backingStorageSize?: number }[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    samples.push((await cdp.send('Runtime.getHeapUsage')) as (typeof samples)[number]);
  }
  samples.sort((a, b) => a.usedSize - b.usedSize);
  const heap = samples[1] as (typeof samples)[number];
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const tick = await page.evaluate(
    () =>
      (window as unknown as { calciumRoutes: { session: { world: { model: { tick: number } } } } }).calciumRoutes
        .session.world.model.tick,
  );
  return {
    day,
    tick,
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    backingStore: heap.backingStorageSize ?? Number.NaN,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Simulated days per burst of steps; two animation frames are drawn after each burst. */
const DAYS_PER_BURST = 7;

/**
 * Steps the day view forward to the end of simulated day `day` (tick = day × 1440), an hour per step, in bursts
 * of a simulated week (or to the next checkpoint) with two frames drawn after each.
 */
async function stepToDay(page: Page, day: number): Promise<void> {
  await page.evaluate(
    async ([untilTick, perBurst]) => {
      const handle = (
        window as unknown as {
          calciumRoutes: { session: { actor: { send(e: unknown): void }; world: { model: { tick: number } } } };
        }
      ).calciumRoutes;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const tick = () => handle.session.world.model.tick;
      while (tick() < untilTick) {
        const burstEnd = Math.min(untilTick, (Math.floor(tick() / perBurst) + 1) * perBurst);
        while (tick() < burstEnd) {
          const before = tick();
          handle.session.actor.send({ type: 'step', ticks: Math.min(60, burstEnd - before) });
          if (tick() === before) throw new Error(`a step did not advance tick ${before}`);
        }
        await frame();
        await frame();
      }
    },
    [day * MINUTES_PER_DAY, DAYS_PER_BURST * MINUTES_PER_DAY] as const,
  );
}

export async function benchMemory(browser: Browser, server: StaticServer): Promise<MemoryResult> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/app/?packetMg=10`);
    await appReady(page);
    await send(page, { type: 'view.set', view: 'day' }, { type: 'speed.set', speed: 'fast' }, { type: 'pause' });
    const info = await page.evaluate(() => {
      const world = (
        window as unknown as { calciumRoutes: { session: { world: { packetMg: number; liveCount: number } } } }
      ).calciumRoutes.session.world;
      return { packetMg: world.packetMg, live: world.liveCount };
    });
    const cdp = await context.newCDPSession(page);
    const started = performance.now();
    const readings: MemoryReading[] = [];
    for (const day of CHECKPOINT_DAYS) {
      const stepping = performance.now();
      await stepToDay(page, day);
      const stepSeconds = (performance.now() - stepping) / 1000;
      const reading = { ...(await read(cdp, page, day, started)), stepSeconds };
      readings.push(reading);
      console.log(
        `  day ${day}: heap ${mb(reading.heapUsed)} MB, ${reading.nodes} DOM nodes ` +
          `(stepped in ${fixed(stepSeconds, 0)} s; ${fixed(reading.seconds, 0)} s in all)`,
      );
    }
    if (errors.length > 0) throw new Error(`the app reported errors: ${errors.join(' | ')}`);
    const first = readings[0] as MemoryReading;
    const last = readings[readings.length - 1] as MemoryReading;
    return {
      readings,
      growthPercent: (last.heapUsed / first.heapUsed - 1) * 100,
      packetMg: info.packetMg,
      live: info.live,
    };
  } finally {
    await context.close();
  }
}

const mb = (bytes: number): string => fixed(bytes / 1e6, 2);

export function memoryTable(result: MemoryResult): string {
  const first = result.readings[0] as MemoryReading;
  return table([
    ['simulated day', 'tick', 'JS heap MB', 'vs day 1', 'heap total MB', 'ArrayBuffers MB', 'DOM nodes', 'listeners'],
    ...result.readings.map((r) => [
      String(r.day),
      String(r.tick),
      mb(r.heapUsed),
      `${r.heapUsed >= first.heapUsed ? '+' : ''}${fixed((r.heapUsed / first.heapUsed - 1) * 100, 1)} %`,
      mb(r.heapTotal),
      mb(r.backingStore),
      String(r.nodes),
      String(r.listeners),
    ]),
  ]);
}

export function memoryVerdict(result: MemoryResult): string {
  const sign = result.growthPercent >= 0 ? '+' : '';
  return (
    `two years ÷ one day: ${sign}${fixed(result.growthPercent, 1)} % (target ≤ +${MEMORY_TARGET_PERCENT} %): ` +
    verdict(result.growthPercent, MEMORY_TARGET_PERCENT)
  );
}
