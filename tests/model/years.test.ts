/** The years integrator: a life course under one habit, advanced a year at a time. */
import { describe, expect, it } from 'vitest';
import { P } from '../../src/model/params';
import { simulate } from '../../src/model/simulate';
import { runYears } from '../../src/model/years';
import { scenario } from '../helpers';

describe('life course', () => {
  it('holds blood calcium in the normal range every year of an ordinary life, and bone declines after 40', () => {
    const course = runYears(scenario({ ageYears: 40 }), 45);
    for (const point of course.series) {
      expect(point.serumCalciumMmolL).toBeGreaterThanOrEqual(P.serumNormalLow.value);
      expect(point.serumCalciumMmolL).toBeLessThanOrEqual(P.serumNormalHigh.value);
    }
    const bone = course.series.map((p) => p.boneMineralMg);
    expect(bone.every((b, i) => i === 0 || b < (bone[i - 1] as number))).toBe(true);
    const at85 = course.series.at(-1)?.bonePercentOfStart ?? 0;
    expect(at85).toBeGreaterThan(55); // a typical woman keeps most of her skeleton into old age
    expect(at85).toBeLessThan(85);
  });

  it('loses bone faster just after menopause than before it', () => {
    const series = runYears(scenario({ ageYears: 45 }), 15).series;
    const lossPerYear = (i: number) => (series[i - 1]?.boneMineralMg ?? 0) - (series[i]?.boneMineralMg ?? 0);
    expect(lossPerYear(7)).toBeGreaterThan(2 * lossPerYear(3)); // age 52 against age 48
  });

  it('keeps men’s bone better than women’s over the same years', () => {
    const end = (sex: 'female' | 'male') =>
      runYears(scenario({ ageYears: 45, sex }), 30).series.at(-1)?.bonePercentOfStart ?? 0;
    expect(end('male')).toBeGreaterThan(end('female') + 5);
  });

  it('never takes the skeleton below zero or returns impossible numbers, even at absurd intakes', () => {
    // Drifting, collapsing states take many real days a year, so these runs are slow by design.
    for (const over of [{ calciumMgPerDay: 0 }, { calciumMgPerDay: 0, d3IuPerDay: 50000, ageYears: 51 }]) {
      const course = runYears(scenario(over), 35);
      for (const point of course.series) {
        expect(point.boneMineralMg).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(point.serumCalciumMmolL)).toBe(true);
        expect(point.serumCalciumMmolL).toBeGreaterThanOrEqual(0);
        expect(point.serumCalciumMmolL).toBeLessThan(6);
      }
    }
  }, 60_000);

  it('spends exactly DAYS_PER_YEAR of intake per year', () => {
    const course = runYears(scenario({ calciumMgPerDay: 800 }), 3);
    expect(course.state.totals.eaten).toBeCloseTo(800 * 365.25 * 3, 3);
  });
});

describe('warnings', () => {
  it('says nothing for an ordinary day or life', () => {
    expect(simulate({ days: 1, mode: 'ode' }).warnings).toEqual([]);
    expect(simulate({ years: 20 }).warnings).toEqual([]);
  });

  it('flags hypercalcaemia in vitamin D toxicity', () => {
    const codes = simulate({ days: 1, mode: 'ode', inputs: scenario({ d3IuPerDay: 40000 }) }).warnings.map(
      (w) => w.code,
    );
    expect(codes).toContain('serum-high');
  });

  it('says when a run leaves what the model describes', () => {
    const codes = simulate({ years: 40, inputs: scenario({ calciumMgPerDay: 0 }) }).warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['skeleton-depleted', 'serum-low', 'serum-outside-model']));
  }, 60_000);
});
