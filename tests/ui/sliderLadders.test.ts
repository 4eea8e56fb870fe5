/** Slider ladders (src/ui/sliderLadders.ts): positions ↔ values for every numeric input. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, INPUT_RANGES, type NumericInput } from '../../src/model/inputs';
import { firstPositionAtOrAbove, LADDERS, ladderMatchesRange, positionOf, valueAt } from '../../src/ui/sliderLadders';

const INPUTS = Object.keys(INPUT_RANGES) as NumericInput[];
const ladder = (input: NumericInput): readonly number[] => LADDERS[input];
const rung = (input: NumericInput, i: number): number => ladder(input)[i] as number;

describe.each(INPUTS)('%s ladder', (input) => {
  const values = ladder(input);
  const last = values.length - 1;

  it('has a ladder for the input, strictly increasing', () => {
    expect(Object.keys(LADDERS).sort()).toEqual([...INPUTS].sort());
    expect(values.length).toBeGreaterThan(2);
    for (let i = 1; i < values.length; i++) expect(rung(input, i), `rung ${i}`).toBeGreaterThan(rung(input, i - 1));
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('starts and ends at the input range limits', () => {
    expect(ladderMatchesRange(input)).toBe(true);
    expect(values[0]).toBe(INPUT_RANGES[input].min);
    expect(values[last]).toBe(INPUT_RANGES[input].max);
  });

  it('has a rung at the default value and where "beyond studied" begins', () => {
    expect(values).toContain(DEFAULT_INPUTS[input]);
    const beyond = INPUT_RANGES[input].beyondStudied;
    if (beyond) expect(values).toContain(beyond.from);
    // The default is a value a slider can come back to exactly.
    expect(valueAt(input, positionOf(input, DEFAULT_INPUTS[input]))).toBe(DEFAULT_INPUTS[input]);
  });

  it('round-trips every position', () => {
    for (let p = 0; p <= last; p++) {
      expect(positionOf(input, valueAt(input, p)), `position ${p}`).toBe(p);
      expect(valueAt(input, p)).toBe(rung(input, p));
    }
  });

  it('snaps values between rungs to the nearer rung, and values outside the range to the ends', () => {
    for (let i = 0; i < last; i++) {
      const lo = rung(input, i);
      const hi = rung(input, i + 1);
      expect(positionOf(input, lo + 0.4 * (hi - lo)), `just above ${lo}`).toBe(i);
      expect(positionOf(input, lo + 0.6 * (hi - lo)), `just below ${hi}`).toBe(i + 1);
    }
    expect(positionOf(input, INPUT_RANGES[input].min - 1000)).toBe(0);
    expect(positionOf(input, INPUT_RANGES[input].max * 10 + 1000)).toBe(last);
  });

  it('clamps and rounds positions to the ladder', () => {
    expect(valueAt(input, -3)).toBe(rung(input, 0));
    expect(valueAt(input, last + 5)).toBe(rung(input, last));
    expect(valueAt(input, 1.4)).toBe(rung(input, 1));
    expect(valueAt(input, 1.6)).toBe(rung(input, 2));
  });

  it('finds the first position at or above a value', () => {
    for (let i = 0; i < last; i++) {
      const lo = rung(input, i);
      const hi = rung(input, i + 1);
      expect(firstPositionAtOrAbove(input, lo)).toBe(i);
      expect(firstPositionAtOrAbove(input, (lo + hi) / 2)).toBe(i + 1);
    }
    expect(firstPositionAtOrAbove(input, INPUT_RANGES[input].max + 1)).toBe(last);
    const beyond = INPUT_RANGES[input].beyondStudied;
    if (beyond) expect(valueAt(input, firstPositionAtOrAbove(input, beyond.from))).toBe(beyond.from);
  });
});

describe('ladder spacing', () => {
  it('is fine where ordinary intakes are and coarse in the extremes (vitamin D)', () => {
    const d3 = ladder('d3IuPerDay');
    // Intakes up to the 4,000 IU/day upper level get over half the track (a linear slider would give them 8 %).
    expect(positionOf('d3IuPerDay', 4000) / (d3.length - 1)).toBeGreaterThan(0.5);
    const stepAt = (value: number) => {
      const i = positionOf('d3IuPerDay', value);
      return rung('d3IuPerDay', i + 1) - rung('d3IuPerDay', i);
    };
    expect(stepAt(400)).toBeLessThan(stepAt(20000));
  });
});
