/** Synthetic but plausible chart data: a day sampled every 10 minutes, and a life course losing bone. */
import type { YearPoint } from '../../src/model/years';
import type { DayPoint } from '../../src/ui/outcomeTypes';

const MEALS = [
  { minute: 8 * 60, mg: 300 },
  { minute: 13 * 60, mg: 350 },
  { minute: 19 * 60, mg: 350 },
];

/** A day up to `untilMinute`, with serum wobbling by `serumSwing` around `serumMid`. */
export function dayPoints(untilMinute = 1440, serumMid = 2.35, serumSwing = 0.01): DayPoint[] {
  const out: DayPoint[] = [];
  for (let minute = 0; minute <= untilMinute; minute += 10) {
    const eaten = MEALS.filter((m) => m.minute <= minute).reduce((sum, m) => sum + m.mg, 0);
    const share = minute / 1440;
    out.push({
      minute,
      eaten,
      absorbed: 0.24 * eaten,
      faeces: 0.85 * eaten * share,
      urine: 150 * share,
      boneIn: 420 * share,
      boneOut: 385 * share,
      artery: 0.0033 * share,
      serum: serumMid + serumSwing * Math.sin((2 * Math.PI * minute) / 1440),
    });
  }
  return out;
}

export function yearPoints(startAge: number, years: number, bonePerYear: number, arteryPerYear = 6): YearPoint[] {
  return Array.from({ length: years }, (_, i) => {
    const year = i + 1;
    const bonePercentOfStart = 100 + bonePerYear * year;
    return {
      year,
      ageYears: startAge + year,
      boneMineralMg: 10_000 * bonePercentOfStart,
      bonePercentOfStart,
      arteryMg: arteryPerYear * year,
      fractionalAbsorption: 0.25,
      pthRelative: 1,
      calcitriolRelative: 1,
      ecfMg: 1320,
      serumCalciumMmolL: 2.35,
    };
  });
}
