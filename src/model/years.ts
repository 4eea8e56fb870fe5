/**
 * The years integrator: the same rate model over decades. Within a year the habit is fixed (inputs at that
 * year's mid-point age); the fast pools are brought to their periodic daily steady state, one full day is
 * integrated minute by minute, and that day's flows are applied for the rest of the year. Bone and artery
 * therefore change on the scale of years, never meal by meal.
 */
import type { Inputs } from './inputs';
import { fastPoolsMg, type ModelState, referenceState, runUntilPeriodic, settle, type Totals } from './integrator';
import { deriveHabit, serumCalcium } from './physiology';

export const DAYS_PER_YEAR = 365.25;
/** Day-to-day change (mg) below which the daily cycle counts as settled within a year. */
const SETTLE_TOLERANCE_MG = 0.01;
const POOLS = ['gut', 'enterocyte', 'ecf', 'filtrate', 'boneSurface', 'boneMineral', 'arteryWall'] as const;
/** The model's physiology is stated for adults up to about this age. */
export const MAX_MODEL_AGE = 110;

export interface YearPoint {
  /** Years since the start of the run (end of that year). */
  readonly year: number;
  readonly ageYears: number;
  readonly boneMineralMg: number;
  readonly bonePercentOfStart: number;
  /** Artery-wall mineral, mg: an illustrative index, not a calibrated prediction. */
  readonly arteryMg: number;
  readonly fractionalAbsorption: number;
  readonly pthRelative: number;
  readonly calcitriolRelative: number;
  /** Extracellular calcium at the end of the year, mg. */
  readonly ecfMg: number;
  readonly serumCalciumMmolL: number;
}

export interface YearsRun {
  readonly series: readonly YearPoint[];
  readonly final: ModelState;
  readonly startFastPoolsMg: number;
  readonly startBoneMineralMg: number;
}

export function runYears(inputs: Inputs, years: number, start?: ModelState): YearsRun {
  const state = settle(start ?? referenceState(), deriveHabit(inputs));
  const startBone = state.boneMineral;
  const startFast = fastPoolsMg(state);
  const series: YearPoint[] = [];
  for (let y = 0; y < years; y++) {
    const age = Math.min(MAX_MODEL_AGE, inputs.ageYears + y + 0.5);
    const habit = deriveHabit({ ...inputs, ageYears: age });
    // Real days until the daily cycle nearly repeats; the last (typical) day then stands for the rest of the
    // year. Every pool, fast ones included, moves on by the same multiple of that day's change, so calcium is
    // conserved exactly whatever the settling tolerance.
    const { lastDayStart: before, days } = runUntilPeriodic(state, habit, SETTLE_TOLERANCE_MG, 60);
    const rest = DAYS_PER_YEAR - days;
    const day = dayDelta(before.totals, state.totals);
    for (const key of Object.keys(day) as (keyof Totals)[]) state.totals[key] += day[key] * rest;
    for (const pool of POOLS) state[pool] += (state[pool] - before[pool]) * rest;
    const absorbed = day.absorbedActive + day.absorbedPassive;
    series.push({
      year: y + 1,
      ageYears: inputs.ageYears + y + 1,
      boneMineralMg: state.boneMineral,
      bonePercentOfStart: (100 * state.boneMineral) / startBone,
      arteryMg: state.arteryWall,
      fractionalAbsorption: absorbed / (day.eaten + day.secreted),
      pthRelative: state.pth,
      calcitriolRelative: state.calcitriol,
      ecfMg: state.ecf,
      serumCalciumMmolL: serumCalcium(state.ecf),
    });
  }
  return { series, final: state, startFastPoolsMg: startFast, startBoneMineralMg: startBone };
}

function dayDelta(before: Totals, after: Totals): Totals {
  const delta = { ...after };
  for (const key of Object.keys(delta) as (keyof Totals)[]) delta[key] = after[key] - before[key];
  return delta;
}
