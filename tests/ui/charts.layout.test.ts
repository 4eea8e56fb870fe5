/** The generic pieces: scales, ticks, paths, markers and label spreading. */
import { describe, expect, it } from 'vitest';
import { markerPoints } from '../../src/ui/charts/chartModel';
import { estimateTextWidth, spreadLabels } from '../../src/ui/charts/labels';
import { linePath, markerPath, stepPath } from '../../src/ui/charts/paths';
import { linearScale } from '../../src/ui/charts/scale';
import { decimalsForStep, niceAxis, niceStep, ticksWithin } from '../../src/ui/charts/ticks';

describe('linear scale', () => {
  it('maps the domain ends onto the range ends, including an inverted y range', () => {
    const y = linearScale([0, 1000], [200, 30]);
    expect(y(0)).toBe(200);
    expect(y(1000)).toBe(30);
    expect(y(500)).toBe(115);
  });

  it('puts everything mid-range when the domain has no width, instead of dividing by zero', () => {
    const x = linearScale([5, 5], [0, 100]);
    expect(x(5)).toBe(50);
    expect(Number.isFinite(x(7))).toBe(true);
  });
});

describe('nice ticks', () => {
  it('chooses 1-2-5 steps', () => {
    expect(niceStep(0.22)).toBeCloseTo(0.2);
    expect(niceStep(250)).toBe(200);
    expect(niceStep(4)).toBe(5);
    expect(niceStep(8)).toBe(10);
    expect(niceStep(0)).toBe(1);
  });

  it('widens an axis outwards to whole steps and lists its ticks', () => {
    const axis = niceAxis(0, 1030, 5);
    expect(axis.min).toBe(0);
    expect(axis.max).toBeGreaterThanOrEqual(1030);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBe(axis.max);
    for (const tick of axis.ticks) expect(tick % axis.step).toBe(0);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(4);
    expect(axis.ticks.length).toBeLessThanOrEqual(8);
  });

  it('gives an empty range a real axis', () => {
    const axis = niceAxis(0, 0);
    expect(axis.max).toBeGreaterThan(axis.min);
  });

  it('produces ticks without floating-point dust', () => {
    expect(ticksWithin(1.9, 3.0, 0.2)).toEqual([2, 2.2, 2.4, 2.6, 2.8, 3]);
    expect(ticksWithin(0.1, 0.35, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(ticksWithin(5, 1, 1)).toEqual([]);
  });

  it('knows how many decimals a step needs', () => {
    expect(decimalsForStep(0.2)).toBe(1);
    expect(decimalsForStep(0.05)).toBe(2);
    expect(decimalsForStep(200)).toBe(0);
  });
});

describe('paths', () => {
  it('draws a polyline and skips non-finite points', () => {
    const d = linePath([
      { x: 0, y: 10 },
      { x: Number.NaN, y: 5 },
      { x: 10, y: Number.POSITIVE_INFINITY },
      { x: 20, y: 30 },
    ]);
    expect(d).toBe('M0 10L20 30');
  });

  it('is empty, not "MNaN", for no points', () => {
    expect(linePath([])).toBe('');
    expect(stepPath([])).toBe('');
  });

  it('holds a value until the next one for stepped lines', () => {
    const d = stepPath([
      { x: 0, y: 100 },
      { x: 5, y: 100 },
      { x: 10, y: 50 },
      { x: 20, y: 50 },
    ]);
    expect(d).toBe('M0 100H10V50H20');
  });

  it('draws every marker shape as a closed path and nothing for "none"', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'triangleDown', 'plus'] as const) {
      const d = markerPath(shape, 50, 60, 4);
      expect(d.endsWith('Z')).toBe(true);
      expect(d).not.toContain('NaN');
    }
    expect(markerPath('none', 1, 1, 4)).toBe('');
  });
});

describe('markers along a line', () => {
  it('marks each multiple of the interval once, plus the last point', () => {
    const points = Array.from({ length: 25 }, (_, h) => ({ x: h, y: h }));
    expect(markerPoints(points, 6, 0).map((p) => p.x)).toEqual([6, 12, 18, 24]);
    expect(markerPoints(points.slice(0, 8), 6, 0).map((p) => p.x)).toEqual([6, 7]);
    expect(markerPoints([], 6, 0)).toEqual([]);
  });
});

describe('label spreading', () => {
  const GAP = 18;

  it('leaves labels that do not collide where they are', () => {
    expect(spreadLabels([{ y: 40 }, { y: 100 }, { y: 160 }], GAP, 0, 200)).toEqual([40, 100, 160]);
  });

  it('pushes colliding labels at least the gap apart, keeping their order and the bounds', () => {
    const wanted = [{ y: 100 }, { y: 95 }, { y: 102 }, { y: 190 }, { y: 198 }, { y: 199 }, { y: 5 }];
    const placed = spreadLabels(wanted, GAP, 10, 200);
    const byWanted = wanted.map((w, i) => ({ want: w.y, at: placed[i] as number })).sort((a, b) => a.want - b.want);
    for (let i = 1; i < byWanted.length; i++) {
      const gap = (byWanted[i]?.at as number) - (byWanted[i - 1]?.at as number);
      expect(gap).toBeGreaterThanOrEqual(GAP - 1e-9);
    }
    for (const y of placed) {
      expect(y).toBeGreaterThanOrEqual(10);
      expect(y).toBeLessThanOrEqual(200);
    }
  });

  it('spreads a cluster around where its labels want to be, not all to one side', () => {
    const [a, b] = spreadLabels([{ y: 100 }, { y: 100 }], GAP, 0, 200) as [number, number];
    expect((a + b) / 2).toBeCloseTo(100);
    expect(b - a).toBeCloseTo(GAP);
  });

  it('shares the room evenly when there is not enough for the full gap', () => {
    const placed = spreadLabels(
      Array.from({ length: 6 }, () => ({ y: 50 })),
      GAP,
      0,
      50,
    );
    expect(placed[0]).toBeCloseTo(0);
    expect(placed[5]).toBeCloseTo(50);
    expect((placed[1] as number) - (placed[0] as number)).toBeCloseTo(10);
  });

  it('estimates wider text for longer labels', () => {
    expect(estimateTextWidth('Urine 150 mg', 16)).toBeGreaterThan(estimateTextWidth('Urine', 16));
  });
});
