/**
 * The years integrator: the same rate model over decades. Within a year the habit is fixed (inputs at that
 * year's mid-point age); real days are integrated minute by minute until the daily cycle repeats, and the last,
 * typical day then stands for the rest of the year. Bone and artery therefore change on the scale of years,
 * never meal by meal.
 */
import type { Inputs } from './inputs';
import {
  cloneState,
  dailyChange,
  fastPoolsMg,
  type ModelState,
  runTicks,
  settle,
  TICKS_PER_DAY,
  type Totals,
  typicalStart,
  zeroTotals,
} from './integrator';
import { deriveHabit, serumCalcium } from './physiology';

export const DAYS_PER_YEAR = 365.25;
/** The model's physiology is stated for adults up to about this age. */
export const MAX_MODEL_AGE = 110;
/** Largest share by which an extrapolated jump may change any fast pool. */
const MAX_JUMP_CHANGE = 0.02;
/** Day-to-day relative change of every fast pool below which the daily cycle counts as settled. */
const SETTLED_CHANGE = 2e-5;
const MAX_SETTLING_DAYS = 30;
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
    // Real days until the daily cycle repeats (a new age or habit leaves a transient of a few days), then jumps:
    // the last day's change repeated for as many days as keep every fast pool's extrapolated change under 2 %. A
    // settled cycle jumps the rest of the year at once; a drifting one (toxicity, a skeleton running out) keeps
    // taking real days. Every pool, fast ones included, moves by the same multiple of the day's change, so
    // calcium is conserved exactly.
    let daysLeft = DAYS_PER_YEAR;
    let realDays = 0;
    let day = zeroTotals();
    while (daysLeft > 0) {
      const before = cloneState(state);
      runTicks(state, habit, TICKS_PER_DAY);
      daysLeft -= 1;
      realDays += 1;
      day = dayDelta(before.totals, state.totals);
      const change = dailyChange(before, state);
      if (change >= SETTLED_CHANGE && realDays < MAX_SETTLING_DAYS) continue;
      // Less than a day left is always safe to extrapolate, so a year is exactly DAYS_PER_YEAR long.
      const jump = daysLeft < 1 ? Math.max(0, daysLeft) : Math.min(daysLeft, safeJumpDays(change, before, state));
      if (jump <= 0) continue;
      for (const key of Object.keys(day) as (keyof Totals)[]) state.totals[key] += day[key] * jump;
      for (const pool of POOLS) state[pool] += (state[pool] - before[pool]) * jump;
      daysLeft -= jump;
    }
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

/**
 * How many times one day's change may be repeated before a fast pool changes by 2 % or the skeleton halves.
 * `worst` is that day's dailyChange.
 */
function safeJumpDays(worst: number, before: ModelState, after: ModelState): number {
  const poolLimit = worst === 0 ? Infinity : Math.floor(MAX_JUMP_CHANGE / worst);
  const boneLoss = before.boneMineral - after.boneMineral;
  const boneLimit = boneLoss > 0 ? Math.floor((0.5 * after.boneMineral) / boneLoss) : Infinity;
  return Math.min(boneLimit, poolLimit);
}
