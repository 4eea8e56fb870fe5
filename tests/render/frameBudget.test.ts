/**
 * The adaptive budget: slow frames step detail down a level per measured window, fast frames step it back up only
 * after several windows in a row, and in between nothing changes. And the budget cannot change results: it only
 * hides drawn packets (packetLayer.ts) and lowers the canvas resolution, and the model never reads what is drawn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_LEVELS, DEFAULT_BUDGET, FrameBudget } from '../../src/render/frameBudget';

const ROOT = join(import.meta.dirname, '../..');

/** Frames of `ms` each for one decision window: the window's time and at least its fewest frames. */
const framesPerWindow = (ms: number) => Math.max(DEFAULT_BUDGET.minFrames, Math.ceil(DEFAULT_BUDGET.windowMs / ms));
const windowOf = (budget: FrameBudget, ms: number) => {
  let changed = null;
  for (let i = 0; i < framesPerWindow(ms); i++) changed = budget.record(ms) ?? changed;
  return changed;
};

describe('FrameBudget', () => {
  it('steps down one level per slow window, to the last level and no further', () => {
    const budget = new FrameBudget();
    for (let level = 1; level < BUDGET_LEVELS.length; level++) {
      expect(windowOf(budget, 40)).toEqual(BUDGET_LEVELS[level]);
      expect(budget.levelNumber).toBe(level);
    }
    expect(windowOf(budget, 40)).toBeNull();
    expect(budget.level).toEqual(BUDGET_LEVELS[BUDGET_LEVELS.length - 1]);
    expect(budget.medianMs).toBe(40);
  });

  it('steps up only after several fast windows in a row, and stays put at a comfortable speed', () => {
    const budget = new FrameBudget();
    windowOf(budget, 40);
    windowOf(budget, 40);
    expect(budget.levelNumber).toBe(2);
    expect(windowOf(budget, 8)).toBeNull();
    expect(windowOf(budget, 17)).toBeNull(); // comfortable: resets the count of fast windows
    expect(windowOf(budget, 8)).toBeNull();
    expect(windowOf(budget, 8)).toBeNull();
    expect(windowOf(budget, 8)).toEqual(BUDGET_LEVELS[1]);
    for (let i = 0; i < 10; i++) expect(windowOf(budget, 17)).toBeNull();
    expect(budget.levelNumber).toBe(1);
  });

  it('judges the median, so a few long frames (a garbage collection, a tab switch) change nothing', () => {
    const budget = new FrameBudget();
    for (let i = 0; i < 200; i++) budget.record(i % 10 === 0 ? 500 : 16);
    expect(budget.medianMs).toBe(16);
    expect(budget.levelNumber).toBe(0);
    expect(budget.record(Number.NaN)).toBeNull();
    expect(budget.record(-3)).toBeNull();
  });
});

describe('results do not depend on drawing', () => {
  it('the model and the session never import the renderer, so what is drawn cannot change what is computed', () => {
    const offenders: string[] = [];
    for (const dir of ['src/model', 'src/session', 'src/machines']) {
      for (const file of readdirSync(join(ROOT, dir))) {
        const text = readFileSync(join(ROOT, dir, file), 'utf8');
        if (/from '\.\.\/render\/|from 'pixi\.js'/.test(text)) offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
