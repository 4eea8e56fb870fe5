/**
 * The adaptive drawing budget. The app times its own frames and, on a device that cannot keep up, draws fewer
 * packets (one in two, then one in four) and then fewer pixels; with headroom again it steps back up. Only the
 * drawing changes: the model moves every packet and all amounts come from the integrator, so results are the
 * same at every level (tests/render/frameBudget.test.ts checks both). Pure: frame times are passed in.
 */

export interface BudgetLevel {
  /** Draw one packet in this many (1 = every packet). */
  readonly packetStride: number;
  /** Multiplies the canvas resolution (1 = full). */
  readonly resolutionScale: number;
}

/** From full detail down; the first steps cost the least to look at (dots are a sample anyway). */
export const BUDGET_LEVELS: readonly BudgetLevel[] = [
  { packetStride: 1, resolutionScale: 1 },
  { packetStride: 2, resolutionScale: 1 },
  { packetStride: 2, resolutionScale: 0.75 },
  { packetStride: 4, resolutionScale: 0.75 },
  { packetStride: 4, resolutionScale: 0.5 },
];

export interface BudgetOptions {
  /** Frames slower than this (ms) on the median mean the device is struggling: about 45 frames a second. */
  readonly slowMs: number;
  /** Frames faster than this on the median leave room for more detail: about 70 frames a second. */
  readonly fastMs: number;
  /**
   * Real time looked at before a decision, ms (and again after each change, so a change is judged on its own).
   * Time, not a frame count: a slow device is exactly the one that would wait longest for a count of frames.
   */
  readonly windowMs: number;
  /** Fewest frames a decision rests on. */
  readonly minFrames: number;
  /** Successive fast windows needed before stepping up: stepping up is the riskier move, so it waits longer. */
  readonly fastWindowsToRaise: number;
}

export const DEFAULT_BUDGET: BudgetOptions = {
  slowMs: 22,
  fastMs: 14,
  windowMs: 2000,
  minFrames: 12,
  fastWindowsToRaise: 3,
};

export class FrameBudget {
  private levelIndex = 0;
  private readonly times: number[] = [];
  private windowTotal = 0;
  private fastWindows = 0;
  private lastMedian = Number.NaN;

  constructor(private readonly options: BudgetOptions = DEFAULT_BUDGET) {}

  get level(): BudgetLevel {
    return BUDGET_LEVELS[this.levelIndex] as BudgetLevel;
  }

  get levelNumber(): number {
    return this.levelIndex;
  }

  /** Median frame time of the last full window, ms (NaN before the first). */
  get medianMs(): number {
    return this.lastMedian;
  }

  /**
   * Records one frame's time (ms). Returns the new level when this frame completed a window that changed it,
   * else null. Frames while paused or hidden should not be passed: they say nothing about drawing cost.
   */
  record(frameMs: number): BudgetLevel | null {
    if (!Number.isFinite(frameMs) || frameMs <= 0) return null;
    this.times.push(frameMs);
    this.windowTotal += frameMs;
    if (this.windowTotal < this.options.windowMs || this.times.length < this.options.minFrames) return null;
    const sorted = [...this.times].sort((a, b) => a - b);
    this.times.length = 0;
    this.windowTotal = 0;
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    this.lastMedian = median;
    if (median > this.options.slowMs && this.levelIndex < BUDGET_LEVELS.length - 1) {
      this.levelIndex++;
      this.fastWindows = 0;
      return this.level;
    }
    if (median < this.options.fastMs && this.levelIndex > 0) {
      this.fastWindows++;
      if (this.fastWindows >= this.options.fastWindowsToRaise) {
        this.levelIndex--;
        this.fastWindows = 0;
        return this.level;
      }
      return null;
    }
    this.fastWindows = 0;
    return null;
  }
}
