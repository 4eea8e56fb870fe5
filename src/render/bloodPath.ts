/**
 * The blood loop as a path a packet can flow along: arc length `s` ↔ point. A rounded rectangle traced clockwise
 * on screen, so flow always runs the same way round (bulk flow, not a packet's choice).
 */
import { BLOOD_LOOP, type Point } from './layout';

interface Segment {
  readonly length: number;
  /** Writes the point at distance `d` along this segment, and the unit normal pointing out of the loop. */
  readonly at: (d: number, out: PathPoint) => void;
}

export interface PathPoint {
  x: number;
  y: number;
  /** Outward unit normal, for spreading packets across the vessel. */
  nx: number;
  ny: number;
}

const { left, right, top, bottom, corner: r } = BLOOD_LOOP;

function line(x0: number, y0: number, x1: number, y1: number, nx: number, ny: number): Segment {
  const length = Math.hypot(x1 - x0, y1 - y0);
  return {
    length,
    at: (d, out) => {
      const f = d / length;
      out.x = x0 + (x1 - x0) * f;
      out.y = y0 + (y1 - y0) * f;
      out.nx = nx;
      out.ny = ny;
    },
  };
}

/** A quarter circle around (cx, cy) from angle a0, turning clockwise on screen (angles grow with y down). */
function arc(cx: number, cy: number, a0: number): Segment {
  return {
    length: (Math.PI / 2) * r,
    at: (d, out) => {
      const a = a0 + d / r;
      out.nx = Math.cos(a);
      out.ny = Math.sin(a);
      out.x = cx + r * out.nx;
      out.y = cy + r * out.ny;
    },
  };
}

const SEGMENTS: readonly Segment[] = [
  line(left + r, top, right - r, top, 0, -1),
  arc(right - r, top + r, -Math.PI / 2),
  line(right, top + r, right, bottom - r, 1, 0),
  arc(right - r, bottom - r, 0),
  line(right - r, bottom, left + r, bottom, 0, 1),
  arc(left + r, bottom - r, Math.PI / 2),
  line(left, bottom - r, left, top + r, -1, 0),
  arc(left + r, top + r, Math.PI),
];

export const LOOP_LENGTH = SEGMENTS.reduce((sum, seg) => sum + seg.length, 0);

/** The point at arc length `s` (any real number; wraps round the loop). */
export function loopPoint(s: number, out: PathPoint): PathPoint {
  let d = ((s % LOOP_LENGTH) + LOOP_LENGTH) % LOOP_LENGTH;
  for (const seg of SEGMENTS) {
    if (d <= seg.length) {
      seg.at(d, out);
      return out;
    }
    d -= seg.length;
  }
  (SEGMENTS[0] as Segment).at(0, out);
  return out;
}

/** Arc length of the loop point nearest to `p` (sampled finely enough for placing packets). */
export function nearestLoopS(p: Point): number {
  const probe: PathPoint = { x: 0, y: 0, nx: 0, ny: 0 };
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let s = 0; s < LOOP_LENGTH; s += 4) {
    loopPoint(s, probe);
    const d = (probe.x - p.x) ** 2 + (probe.y - p.y) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = s;
    }
  }
  return best;
}
