/**
 * Slider positions for each intake. A native range input moves one position per arrow key, so each position is a
 * value worth stopping at: a ladder that is fine where ordinary diets are and coarse out in the extremes (vitamin D
 * spans 0 to 50,000 IU/day; a linear slider would squeeze every ordinary intake into its first tenth).
 * Ladder ends match INPUT_RANGES, so a slider can reach every value the model accepts at its limits.
 */
import { INPUT_RANGES, type NumericInput } from '../model/inputs';

const linear = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v));
  return out;
};

export const LADDERS: Readonly<Record<NumericInput, readonly number[]>> = {
  calciumMgPerDay: linear(0, 3000, 50),
  d3IuPerDay: [
    0, 100, 200, 300, 400, 600, 800, 1000, 1500, 2000, 3000, 4000, 5000, 7500, 10000, 15000, 20000, 30000, 40000, 50000,
  ],
  k2UgPerDay: [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 600, 720, 850, 1000],
  k1UgPerDay: [0, 25, 50, 75, 100, 120, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500],
  ageYears: linear(18, 90, 1),
};

/** The ladder position whose value is nearest to `value` (values between rungs snap to the nearer one). */
export function positionOf(input: NumericInput, value: number): number {
  const ladder = LADDERS[input];
  let best = 0;
  for (let i = 1; i < ladder.length; i++) {
    if (Math.abs((ladder[i] as number) - value) < Math.abs((ladder[best] as number) - value)) best = i;
  }
  return best;
}

export function valueAt(input: NumericInput, position: number): number {
  const ladder = LADDERS[input];
  const i = Math.min(ladder.length - 1, Math.max(0, Math.round(position)));
  return ladder[i] as number;
}

/** First ladder position at or above `value`, for marking where a zone starts on the track. */
export function firstPositionAtOrAbove(input: NumericInput, value: number): number {
  const ladder = LADDERS[input];
  const i = ladder.findIndex((v) => v >= value);
  return i < 0 ? ladder.length - 1 : i;
}

export function ladderMatchesRange(input: NumericInput): boolean {
  const ladder = LADDERS[input];
  return ladder[0] === INPUT_RANGES[input].min && ladder[ladder.length - 1] === INPUT_RANGES[input].max;
}
