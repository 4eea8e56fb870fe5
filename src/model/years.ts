/**
 * The years integrator: the same rate model over decades. Within a year the habit is fixed (inputs at that
 * year's mid-point age); real days are integrated minute by minute until the daily cycle repeats, and the last,
 * typical day then stands for the rest of the year. Bone and artery therefore change on the scale of years,
 * never meal by meal.
 */
import type { Inputs } from './inputs';
import { fastPoolsMg, type ModelState, runUntilPeriodic, settle, type Totals, typicalStart } from './integrator';
import { deriveHabit, serumCalcium } from './physiology';

export const DAYS_PER_YEAR = 365.25;
/** The model's physiology is stated for adults up to about this age. */
export const MAX_MODEL_AGE = 110;
/** Day-to-day change (mg) below which the daily cycle counts as settled within a year. */
const SETTLE_TOLERANCE_MG = 0.01;
const POOLS = ['gut', 'enterocyte', 'ecf', 'filtrate', 'boneSurface', 'boneMineral', 'arteryWall'] as const;

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

/** A life course under one sustained intake habit, advanced a year at a time. */
export class LifeCourse {
  readonly inputs: Inputs;
  readonly state: ModelState;
  readonly startBoneMineralMg: number;
  readonly startFastPoolsMg: number;
  readonly series: YearPoint[] = [];

  constructor(inputs: Inputs, start?: ModelState) {
    this.inputs = inputs;
    this.state = start ? settle(start, deriveHabit(inputs)) : typicalStart(deriveHabit(inputs));
    this.startBoneMineralMg = this.state.boneMineral;
    this.startFastPoolsMg = fastPoolsMg(this.state);
  }

  get years(): number {
    return this.series.length;
  }

  stepYear(): YearPoint {
    const y = this.series.length;
    const state = this.state;
    const age = Math.min(MAX_MODEL_AGE, this.inputs.ageYears + y + 0.5);
    const habit = deriveHabit({ ...this.inputs, ageYears: age });
    // Every pool, fast ones included, moves on by the same multiple of the typical day's change, so calcium is
    // conserved exactly whatever the settling tolerance.
    const { lastDayStart: before, days } = runUntilPeriodic(state, habit, SETTLE_TOLERANCE_MG, 60);
    const rest = DAYS_PER_YEAR - days;
    const day = dayDelta(before.totals, state.totals);
    for (const key of Object.keys(day) as (keyof Totals)[]) state.totals[key] += day[key] * rest;
    for (const pool of POOLS) state[pool] += (state[pool] - before[pool]) * rest;
    const point: YearPoint = {
      year: y + 1,
      ageYears: this.inputs.ageYears + y + 1,
      boneMineralMg: state.boneMineral,
      bonePercentOfStart: (100 * state.boneMineral) / this.startBoneMineralMg,
      arteryMg: state.arteryWall,
      fractionalAbsorption: (day.absorbedActive + day.absorbedPassive) / (day.eaten + day.secreted),
      pthRelative: state.pth,
      calcitriolRelative: state.calcitriol,
      ecfMg: state.ecf,
      serumCalciumMmolL: serumCalcium(state.ecf),
    };
    this.series.push(point);
    return point;
  }
}

export function runYears(inputs: Inputs, years: number, start?: ModelState): LifeCourse {
  const course = new LifeCourse(inputs, start);
  for (let y = 0; y < years; y++) course.stepYear();
  return course;
}

function dayDelta(before: Totals, after: Totals): Totals {
  const delta = { ...after };
  for (const key of Object.keys(delta) as (keyof Totals)[]) delta[key] = after[key] - before[key];
  return delta;
}
