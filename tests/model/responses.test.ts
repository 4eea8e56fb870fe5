/** Direction of every response the science is sure about, and the one that is not monotonic (vitamin D). */
import { describe, expect, it } from 'vitest';
import { INPUT_RANGES } from '../../src/model/inputs';
import { P } from '../../src/model/params';
import { deriveHabit, pthTarget, serumStatus, urineFraction } from '../../src/model/physiology';
import { d25FromIntake } from '../../src/model/vitaminD';
import { scenario, typicalDay } from '../helpers';

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));
const decreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x < (xs[i - 1] as number));

describe('monotonic responses', () => {
  const intakes = [100, 300, 600, 1000, 1500, 2000, 3000];
  const days = intakes.map((calciumMgPerDay) => typicalDay({ calciumMgPerDay }));
  it('absorbs a smaller share but a larger amount as calcium intake rises', () => {
    expect(decreasing(days.map((d) => d.fraction))).toBe(true);
    expect(increasing(days.map((d) => d.totals.absorbedActive + d.totals.absorbedPassive))).toBe(true);
  });
  it('lowers PTH and raises urine calcium as calcium intake rises', () => {
    expect(decreasing(days.map((d) => d.pth))).toBe(true);
    expect(increasing(days.map((d) => d.totals.urine))).toBe(true);
  });
  it('raises 25(OH)D with every increase in vitamin D3', () => {
    expect(increasing([0, 400, 1000, 4000, 10000, 50000].map(d25FromIntake))).toBe(true);
  });
  it('raises absorption with vitamin D3 across the whole range', () => {
    expect(increasing([0, 200, 600, 1000, 4000, 20000].map((d3IuPerDay) => typicalDay({ d3IuPerDay }).fraction))).toBe(
      true,
    );
  });
  it('raises carboxylation with each form of vitamin K', () => {
    for (const form of ['mk7', 'mk4'] as const) {
      const series = [0, 30, 100, 300, 1000].map(
        (k2UgPerDay) => deriveHabit(scenario({ k2UgPerDay, k2Form: form })).carboxylatedMgp,
      );
      expect(increasing(series)).toBe(true);
    }
    expect(
      increasing(
        [0, 100, 500, 1500].map((k1UgPerDay) => deriveHabit(scenario({ k1UgPerDay })).carboxylatedOsteocalcin),
      ),
    ).toBe(true);
  });
  it('lowers carboxylation with warfarin at every vitamin K intake, and more vitamin K partly overrides it', () => {
    for (const k2UgPerDay of [0, 100, 1000]) {
      expect(deriveHabit(scenario({ k2UgPerDay, warfarin: true })).carboxylatedMgp).toBeLessThan(
        deriveHabit(scenario({ k2UgPerDay })).carboxylatedMgp,
      );
    }
    expect(deriveHabit(scenario({ k2UgPerDay: 1000, warfarin: true })).carboxylatedMgp).toBeGreaterThan(
      deriveHabit(scenario({ warfarin: true })).carboxylatedMgp,
    );
  });
  it('raises artery-wall deposition with age and with missing active MGP', () => {
    expect(
      increasing([20, 40, 60, 80].map((ageYears) => deriveHabit(scenario({ ageYears })).arteryMgPerDayAtReference)),
    ).toBe(true);
    const typical = deriveHabit(scenario()).arteryMgPerDayAtReference;
    expect(deriveHabit(scenario({ warfarin: true })).arteryMgPerDayAtReference).toBeGreaterThan(1.5 * typical);
    expect(deriveHabit(scenario({ mgpAbsent: true })).arteryMgPerDayAtReference).toBeGreaterThan(5 * typical);
  });
  it('secretes less PTH at higher calcium, and PTH makes the kidney keep more', () => {
    expect(decreasing([2.1, 2.2, 2.3, 2.4, 2.5].map(pthTarget))).toBe(true);
    expect(decreasing([0.5, 1, 1.5, 2].map(urineFraction))).toBe(true);
  });
});

describe('vitamin D is not "more is better"', () => {
  const bone = (d3IuPerDay: number) => typicalDay({ d3IuPerDay }).boneNet;
  it('keeps bone best at adequate status: worse when deficient, worse again when toxic', () => {
    expect(bone(1000)).toBeGreaterThan(bone(0) + 30);
    expect(bone(1000)).toBeGreaterThan(bone(40000) + 100);
  });
  it('raises serum calcium above the normal range and speeds artery mineral only in the toxic range', () => {
    const toxic = typicalDay({ d3IuPerDay: 40000 });
    expect(toxic.serumMax).toBeGreaterThan(P.serumNormalHigh.value);
    expect(serumStatus(toxic.serumMax)).toBe('high');
    expect(toxic.totals.artery).toBeGreaterThan(5 * typicalDay().totals.artery);
    expect(typicalDay({ d3IuPerDay: 10000 }).serumMax).toBeLessThan(P.serumNormalHigh.value);
  });
});

describe('serum calcium is held in 2.2-2.6 mmol/L across the normal input range', () => {
  const grid: Parameters<typeof typicalDay>[0][] = [];
  for (const calciumMgPerDay of [INPUT_RANGES.calciumMgPerDay.min, 400, 1000, INPUT_RANGES.calciumMgPerDay.max]) {
    for (const d3IuPerDay of [0, 1000, 4000, 10000]) {
      for (const ageYears of [18, 50, 90]) grid.push({ calciumMgPerDay, d3IuPerDay, ageYears });
    }
  }
  grid.push(
    { warfarin: true },
    { k2UgPerDay: 1000 },
    { k1UgPerDay: 1500 },
    { mgpAbsent: true },
    { sex: 'male', ageYears: 70 },
  );
  it.each(grid)('holds for %o', (over) => {
    const day = typicalDay(over);
    expect(day.serumMin).toBeGreaterThanOrEqual(P.serumNormalLow.value);
    expect(day.serumMax).toBeLessThanOrEqual(P.serumNormalHigh.value);
    expect(serumStatus(day.serumMin)).toBe('normal');
    expect(serumStatus(day.serumMax)).toBe('normal');
  });
});
