/**
 * The deterministic integrator: the ground truth for amounts. It advances the pools in fixed one-minute ticks
 * with the hazards of the rate model, using the exact per-tick probability 1 - exp(-H dt) that a packet in the
 * particle world faces, so the world's expected counts follow this integrator tick by tick.
 */
import { SKELETON_MG } from './bone';
import { MINUTES_PER_DAY, mealAt } from './meals';
import {
  BONE_SURFACE_REFERENCE_MG,
  CALCITRIOL_RATE_PER_HOUR,
  calcitriolTarget,
  computeHazards,
  ECF_REFERENCE_MG,
  emptyHazards,
  type FastState,
  type Habit,
  type Hazards,
  PTH_RATE_PER_HOUR,
  pthTarget,
  serumCalcium,
} from './physiology';

/** One tick is one simulated minute. */
export const TICK_HOURS = 1 / 60;
export const TICKS_PER_DAY = MINUTES_PER_DAY;

/** Cumulative flows since the last reset, mg. */
export interface Totals {
  eaten: number;
  absorbedActive: number;
  absorbedPassive: number;
  pumpedToBlood: number;
  faeces: number;
  secreted: number;
  filtered: number;
  reabsorbed: number;
  urine: number;
  toBoneSurface: number;
  fromBoneSurface: number;
  mineralised: number;
  resorbed: number;
  artery: number;
}

export function zeroTotals(): Totals {
  return {
    eaten: 0,
    absorbedActive: 0,
    absorbedPassive: 0,
    pumpedToBlood: 0,
    faeces: 0,
    secreted: 0,
    filtered: 0,
    reabsorbed: 0,
    urine: 0,
    toBoneSurface: 0,
    fromBoneSurface: 0,
    mineralised: 0,
    resorbed: 0,
    artery: 0,
  };
}

export interface ModelState extends FastState {
  /** Ticks since the start of the run; tick 0 is midnight. */
  tick: number;
  boneMineral: number;
  arteryWall: number;
  totals: Totals;
}

export function referenceState(): ModelState {
  return {
    tick: 0,
    gut: 0,
    enterocyte: 0,
    ecf: ECF_REFERENCE_MG,
    filtrate: 0,
    boneSurface: BONE_SURFACE_REFERENCE_MG,
    pth: 1,
    calcitriol: 1,
    boneMineral: SKELETON_MG,
    arteryWall: 0,
    totals: zeroTotals(),
  };
}

export function cloneState(s: ModelState): ModelState {
  return { ...s, totals: { ...s.totals } };
}

/** Probability that something leaves within a tick, given the summed hazard of leaving (1/h). */
export const leaveProbability = (hazardPerHour: number): number => 1 - Math.exp(-hazardPerHour * TICK_HOURS);

/** Calcium eaten at this tick (mg), from the habit's daily intake and the meal schedule. */
export function mealAtTick(tick: number, habit: Habit): number {
  const meal = mealAt(tick % TICKS_PER_DAY);
  return meal ? habit.inputs.calciumMgPerDay * meal.share : 0;
}

/**
 * Advances the state by one tick in place. `hazards` receives the hazards used for this tick (the world reads
 * them to step its packets with the same numbers).
 */
export function stepIntegrator(s: ModelState, habit: Habit, hazards: Hazards = emptyHazards()): Hazards {
  const t = s.totals;
  const meal = mealAtTick(s.tick, habit);
  s.gut += meal;
  t.eaten += meal;

  const h = computeHazards(s, habit, hazards);

  // Split each pool's outflow among its fluxes in proportion to their hazards.
  const gutOut = h.absorbActive + h.absorbPassive + h.passToFaeces;
  const gutLeaving = s.gut * leaveProbability(gutOut);
  const toEnterocyte = (gutLeaving * h.absorbActive) / gutOut;
  const passive = (gutLeaving * h.absorbPassive) / gutOut;
  const toFaeces = gutLeaving - toEnterocyte - passive;

  const pumped = s.enterocyte * leaveProbability(h.pumpToBlood);

  const bloodOut = h.filter + h.exchangeToBone + h.secreteToGut + h.nucleateArtery;
  const bloodLeaving = s.ecf * leaveProbability(bloodOut);
  const filtered = (bloodLeaving * h.filter) / bloodOut;
  const toSurface = (bloodLeaving * h.exchangeToBone) / bloodOut;
  const secreted = (bloodLeaving * h.secreteToGut) / bloodOut;
  const toArtery = bloodLeaving - filtered - toSurface - secreted;

  const tubuleOut = h.reabsorb + h.excreteUrine;
  const tubuleLeaving = s.filtrate * leaveProbability(tubuleOut);
  const reabsorbed = (tubuleLeaving * h.reabsorb) / tubuleOut;
  const toUrine = tubuleLeaving - reabsorbed;

  const surfaceOut = h.exchangeFromBone + h.mineralise;
  const surfaceLeaving = s.boneSurface * leaveProbability(surfaceOut);
  const fromSurface = (surfaceLeaving * h.exchangeFromBone) / surfaceOut;
  const mineralised = surfaceLeaving - fromSurface;

  const resorbed = Math.min(s.boneMineral, h.resorbMgPerHour * TICK_HOURS);

  s.gut += secreted - gutLeaving;
  s.enterocyte += toEnterocyte - pumped;
  s.ecf += passive + pumped + reabsorbed + fromSurface + resorbed - bloodLeaving;
  s.filtrate += filtered - tubuleLeaving;
  s.boneSurface += toSurface - surfaceLeaving;
  s.boneMineral += mineralised - resorbed;
  s.arteryWall += toArtery;

  t.absorbedActive += toEnterocyte;
  t.absorbedPassive += passive;
  t.pumpedToBlood += pumped;
  t.faeces += toFaeces;
  t.secreted += secreted;
  t.filtered += filtered;
  t.reabsorbed += reabsorbed;
  t.urine += toUrine;
  t.toBoneSurface += toSurface;
  t.fromBoneSurface += fromSurface;
  t.mineralised += mineralised;
  t.resorbed += resorbed;
  t.artery += toArtery;

  // Hormones relax toward their targets with exact exponential steps (stable for any tick length).
  const pthGoal = pthTarget(serumCalcium(s.ecf));
  s.pth += (pthGoal - s.pth) * (1 - Math.exp(-PTH_RATE_PER_HOUR * TICK_HOURS));
  const calcitriolGoal = calcitriolTarget(s.pth, habit);
  s.calcitriol += (calcitriolGoal - s.calcitriol) * (1 - Math.exp(-CALCITRIOL_RATE_PER_HOUR * TICK_HOURS));

  s.tick += 1;
  return h;
}

export function runTicks(s: ModelState, habit: Habit, ticks: number): ModelState {
  const h = emptyHazards();
  for (let i = 0; i < ticks; i++) stepIntegrator(s, habit, h);
  return s;
}

/** Calcium in the fast pools (everything except the skeleton and the artery wall), mg. */
export function fastPoolsMg(s: ModelState): number {
  return s.gut + s.enterocyte + s.ecf + s.filtrate + s.boneSurface;
}

const FAST_POOLS = ['gut', 'enterocyte', 'ecf', 'filtrate', 'boneSurface', 'pth', 'calcitriol'] as const;

/**
 * Largest relative change among the fast pools and hormones between two states, typically two midnights: the
 * measure of whether the daily cycle has settled. Pools that empty between meals are judged against a floor of 1
 * (mg, or × normal for hormones), so a nearly empty gut at midnight does not count as a large change.
 */
export function dailyChange(before: ModelState, after: ModelState): number {
  let worst = 0;
  for (const key of FAST_POOLS) {
    worst = Math.max(worst, Math.abs(after[key] - before[key]) / Math.max(1, Math.abs(before[key])));
  }
  return worst;
}

/**
 * Runs whole days until the daily cycle repeats from one midnight to the next within `tolerance` (relative; see
 * dailyChange) or maxDays have passed.
 * Everything that happens is kept: these are real simulated days. Returns the state at the start of the last day.
 */
export function runUntilPeriodic(
  s: ModelState,
  habit: Habit,
  tolerance: number,
  maxDays: number,
): { lastDayStart: ModelState; days: number } {
  let lastDayStart = cloneState(s);
  let days = 0;
  do {
    lastDayStart = cloneState(s);
    runTicks(s, habit, TICKS_PER_DAY);
    days++;
  } while (dailyChange(lastDayStart, s) > tolerance && days < maxDays);
  return { lastDayStart, days };
}

/**
 * Brings the fast pools and hormones to their periodic daily steady state for this habit, so a run starts on a
 * typical day rather than with a start-up transient. Only the fast pools and hormones are taken from the settling
 * run; the skeleton, artery wall, totals and clock are left as they were.
 */
export function settle(start: ModelState, habit: Habit, tolerance = 1e-7, maxDays = 200): ModelState {
  const s = cloneState(start);
  s.tick -= s.tick % TICKS_PER_DAY;
  runUntilPeriodic(s, habit, tolerance, maxDays);
  return {
    ...s,
    tick: start.tick - (start.tick % TICKS_PER_DAY),
    boneMineral: start.boneMineral,
    arteryWall: start.arteryWall,
    totals: { ...start.totals },
  };
}

const typicalStarts = new Map<string, ModelState>();
const TYPICAL_START_CACHE = 32;

/**
 * The settled midnight state for a habit, from the reference state. Pure in the inputs, so it is cached (a
 * handful of entries): resets, new seeds and tests then start instantly instead of settling for tens of ms.
 */
export function typicalStart(habit: Habit): ModelState {
  const key = JSON.stringify(habit.inputs);
  let start = typicalStarts.get(key);
  if (!start) {
    start = settle(referenceState(), habit);
    if (typicalStarts.size >= TYPICAL_START_CACHE) typicalStarts.delete(typicalStarts.keys().next().value as string);
    typicalStarts.set(key, start);
  }
  return cloneState(start);
}
