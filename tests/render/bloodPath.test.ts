/** The blood loop as an arc-length path (src/render/bloodPath.ts), checked against BLOOD_LOOP's own numbers. */
import { describe, expect, it } from 'vitest';
import { LOOP_LENGTH, loopPoint, nearestLoopS, type PathPoint } from '../../src/render/bloodPath';
import { BLOOD_LOOP } from '../../src/render/layout';

const { left, right, top, bottom, corner: r } = BLOOD_LOOP;
const centre = { x: (left + right) / 2, y: (top + bottom) / 2 };
const at = (s: number): PathPoint => loopPoint(s, { x: 0, y: 0, nx: 0, ny: 0 });

/** Signed distance to the rounded rectangle (negative inside), from BLOOD_LOOP alone. */
function signedDistance(x: number, y: number): number {
  const qx = Math.abs(x - centre.x) - ((right - left) / 2 - r);
  const qy = Math.abs(y - centre.y) - ((bottom - top) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance between two arc lengths round the loop. */
const loopGap = (a: number, b: number): number => {
  const d = Math.abs(a - b) % LOOP_LENGTH;
  return Math.min(d, LOOP_LENGTH - d);
};

/** Where each straight side and corner ends, by arc length (top side first, clockwise). */
const JOINS = (() => {
  const sides = [right - left - 2 * r, bottom - top - 2 * r];
  const quarter = (Math.PI / 2) * r;
  const lengths = [sides[0], quarter, sides[1], quarter, sides[0], quarter, sides[1], quarter] as number[];
  let sum = 0;
  return lengths.map((length) => {
    sum += length;
    return sum;
  });
})();

/** Arc lengths to test: every px, plus each join between a side and a corner and a hair either side of it. */
const SAMPLES = [
  ...Array.from({ length: Math.ceil(LOOP_LENGTH) }, (_, i) => i),
  ...JOINS.flatMap((s) => [s - 1e-7, s, s + 1e-7]).filter((s) => s < LOOP_LENGTH),
];

describe('blood loop path', () => {
  it('is as long as the rounded rectangle it traces', () => {
    const straights = 2 * (right - left - 2 * r) + 2 * (bottom - top - 2 * r);
    expect(LOOP_LENGTH).toBeCloseTo(straights + 2 * Math.PI * r, 9);
  });

  it('starts at the top edge, just after the top-left corner', () => {
    const p = at(0);
    expect(p.x).toBeCloseTo(left + r, 9);
    expect(p.y).toBeCloseTo(top, 9);
  });

  it('lies on the rounded rectangle everywhere', () => {
    for (const s of SAMPLES) {
      const p = at(s);
      expect(Math.abs(signedDistance(p.x, p.y)), `s = ${s}`).toBeLessThan(1e-9);
    }
  });

  it('is continuous and parametrised by arc length (1 px of s is 1 px of path)', () => {
    let worstLong = 0;
    let worstShort = Number.POSITIVE_INFINITY;
    for (let s = 0; s <= LOOP_LENGTH + 1; s += 1) {
      const a = at(s);
      const b = at(s + 1);
      const step = Math.hypot(b.x - a.x, b.y - a.y);
      worstLong = Math.max(worstLong, step);
      worstShort = Math.min(worstShort, step);
    }
    expect(worstLong).toBeLessThanOrEqual(1.01);
    // A chord of a 1 px arc on the corner radius is barely shorter than 1 px.
    expect(worstShort).toBeGreaterThan(0.999);
  });

  it('wraps: s, s + LOOP_LENGTH and s − LOOP_LENGTH are the same point', () => {
    for (const s of [0, 1, 123.4, 700, 1500.5, LOOP_LENGTH - 0.25]) {
      const p = at(s);
      for (const other of [at(s + LOOP_LENGTH), at(s - LOOP_LENGTH), at(s + 3 * LOOP_LENGTH)]) {
        expect(other.x).toBeCloseTo(p.x, 6);
        expect(other.y).toBeCloseTo(p.y, 6);
      }
    }
    const end = at(LOOP_LENGTH);
    expect(end.x).toBeCloseTo(left + r, 6);
    expect(end.y).toBeCloseTo(top, 6);
  });

  it('has unit normals that point out of the loop and across the path', () => {
    for (const s of SAMPLES) {
      const p = at(s);
      expect(Math.hypot(p.nx, p.ny), `s = ${s}`).toBeCloseTo(1, 9);
      // Away from the loop's centre, and a step along the normal leaves the rectangle.
      expect((p.x - centre.x) * p.nx + (p.y - centre.y) * p.ny, `s = ${s}`).toBeGreaterThan(0);
      expect(signedDistance(p.x + 5 * p.nx, p.y + 5 * p.ny)).toBeCloseTo(5, 6);
      expect(signedDistance(p.x - 5 * p.nx, p.y - 5 * p.ny)).toBeCloseTo(-5, 6);
      // Perpendicular to the direction of flow.
      const q = at(s + 0.01);
      const tangent = { x: (q.x - p.x) / 0.01, y: (q.y - p.y) / 0.01 };
      expect(Math.abs(tangent.x * p.nx + tangent.y * p.ny), `s = ${s}`).toBeLessThan(0.01);
    }
  });

  it('finds the arc length of a point on the loop, or across the vessel from it, to within half a sampling step', () => {
    let worst = 0;
    for (const s of [...SAMPLES, LOOP_LENGTH - 0.3, LOOP_LENGTH - 1e-6]) {
      const p = at(s);
      for (const lane of [0, -13, 13]) {
        const found = nearestLoopS({ x: p.x + p.nx * lane, y: p.y + p.ny * lane });
        expect(found).toBeGreaterThanOrEqual(0);
        expect(found).toBeLessThan(LOOP_LENGTH);
        worst = Math.max(worst, loopGap(found, s));
      }
    }
    expect(worst).toBeLessThanOrEqual(2 + 1e-6);
  });

  it('finds the nearest loop point for points off the loop (ports and tissues)', () => {
    // The right edge at the bone's height, the bottom edge below the kidney, the left edge by the gut.
    const cases = [
      { p: { x: right + 60, y: 270 }, x: right, y: 270 },
      { p: { x: 600, y: bottom + 80 }, x: 600, y: bottom },
      { p: { x: left - 100, y: 360 }, x: left, y: 360 },
      { p: { x: 600, y: top - 30 }, x: 600, y: top },
    ];
    for (const { p, x, y } of cases) {
      const q = at(nearestLoopS(p));
      expect(Math.hypot(q.x - x, q.y - y)).toBeLessThanOrEqual(2);
    }
  });

  it('flows clockwise on screen: along the top to the right, down the right side, back along the bottom, up the left', () => {
    const direction = (x: number, y: number) => {
      const s = nearestLoopS({ x, y });
      const a = at(s);
      const b = at(s + 1);
      return { dx: Math.round(b.x - a.x), dy: Math.round(b.y - a.y) };
    };
    expect(direction(centre.x, top)).toEqual({ dx: 1, dy: 0 });
    expect(direction(right, centre.y)).toEqual({ dx: 0, dy: 1 });
    expect(direction(centre.x, bottom)).toEqual({ dx: -1, dy: 0 });
    expect(direction(left, centre.y)).toEqual({ dx: 0, dy: -1 });
    // Shoelace over the whole path (y down): positive for clockwise on screen, and it is the rounded area.
    let twiceArea = 0;
    for (let s = 0; s < LOOP_LENGTH; s += 0.5) {
      const a = at(s);
      const b = at(Math.min(s + 0.5, LOOP_LENGTH));
      twiceArea += a.x * b.y - b.x * a.y;
    }
    const area = (right - left) * (bottom - top) - (4 - Math.PI) * r * r;
    expect(twiceArea / 2 / area).toBeCloseTo(1, 4);
  });
});
