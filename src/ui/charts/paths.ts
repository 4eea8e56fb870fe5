/** SVG path data for lines and markers. Non-finite points are skipped, so a path never contains "NaN". */
import type { MarkerShape } from './styles';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One decimal place is far below a pixel at any sensible size, and keeps path strings short. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

function finite(points: readonly Point[]): Point[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

export function linePath(points: readonly Point[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const p of finite(points)) {
    const xy = `${n(p.x)} ${n(p.y)}`;
    // Minute-by-minute data put many points on the same rounded spot; they add nothing to the drawing.
    if (xy === previous) continue;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${xy}`);
    previous = xy;
  }
  return parts.join('');
}

/** A line that holds each value until the next point, then jumps: right for events such as meals. */
export function stepPath(points: readonly Point[]): string {
  const pts = finite(points);
  const first = pts[0];
  if (!first) return '';
  let d = `M${n(first.x)} ${n(first.y)}`;
  let lastY = n(first.y);
  let lastX = n(first.x);
  for (const p of pts.slice(1)) {
    const x = n(p.x);
    const y = n(p.y);
    if (y !== lastY) {
      if (x !== lastX) d += `H${x}`;
      d += `V${y}`;
      lastY = y;
      lastX = x;
    }
  }
  const end = pts[pts.length - 1] as Point;
  if (n(end.x) !== lastX) d += `H${n(end.x)}`;
  return d;
}

/** A filled marker of the given shape centred on (x, y); `r` is its half-size. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  if (shape === 'none' || !Number.isFinite(x) || !Number.isFinite(y)) return '';
  const poly = (pts: readonly (readonly [number, number])[]): string =>
    `${pts.map(([dx, dy], i) => `${i === 0 ? 'M' : 'L'}${n(x + dx * r)} ${n(y + dy * r)}`).join('')}Z`;
  switch (shape) {
    case 'circle':
      return `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
    case 'square':
      return poly([
        [-0.85, -0.85],
        [0.85, -0.85],
        [0.85, 0.85],
        [-0.85, 0.85],
      ]);
    case 'triangle':
      return poly([
        [0, -1.15],
        [1.1, 0.8],
        [-1.1, 0.8],
      ]);
    case 'triangleDown':
      return poly([
        [0, 1.15],
        [1.1, -0.8],
        [-1.1, -0.8],
      ]);
    case 'diamond':
      return poly([
        [0, -1.2],
        [1.2, 0],
        [0, 1.2],
        [-1.2, 0],
      ]);
    case 'plus': {
      const a = 0.38;
      const b = 1.1;
      return poly([
        [-a, -b],
        [a, -b],
        [a, -a],
        [b, -a],
        [b, a],
        [a, a],
        [a, b],
        [-a, b],
        [-a, a],
        [-b, a],
        [-b, -a],
        [-a, -a],
      ]);
    }
  }
}
