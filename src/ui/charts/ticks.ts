/** Round-number axis ticks (1, 2 or 5 times a power of ten). */

export interface NiceAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/** The 1-2-5 step nearest to `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** Multiples of `step` inside [min, max], free of floating-point dust such as 0.30000000000000004. */
export function ticksWithin(min: number, max: number, step: number): number[] {
  if (!(step > 0) || !Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(clean(k * step));
  return out;
}

/** An axis from `min` to `max`, both widened outwards to whole steps, with about `target` intervals. */
export function niceAxis(min: number, max: number, target = 5): NiceAxis {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const step = niceStep((hi - lo || Math.abs(hi) || 1) / target);
  const niceMin = clean(Math.floor(lo / step + 1e-9) * step);
  let niceMax = clean(Math.ceil(hi / step - 1e-9) * step);
  if (niceMax <= niceMin) niceMax = clean(niceMin + step);
  return { min: niceMin, max: niceMax, step, ticks: ticksWithin(niceMin, niceMax, step) };
}

/** Decimal places that show every tick of this step exactly. */
export function decimalsForStep(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

function clean(value: number): number {
  return Number(value.toPrecision(12));
}
