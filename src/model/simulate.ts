/**
 * The headless runner: one function from an intake scenario and a span to the numbers a teacher or a test wants.
 * The CLI (src/cli/simulate.ts) is a thin wrapper around it. Days run in either mode; years run on the integrator
 * (a particle year is half a billion packet-steps and would say nothing the integrator does not).
 */
import { calciumTable } from '../machines/calcium.table';
import { FLUX_EVENTS } from './compartments';
import { DEFAULT_INPUTS, type Inputs } from './inputs';
import { stepIntegrator, TICKS_PER_DAY, type Totals, typicalStart } from './integrator';
import { P } from './params';
import { deriveHabit, emptyHazards, type SerumStatus, serumCalcium, serumStatus } from './physiology';
import { vitaminDStatus } from './vitaminD';
import { type ModelWarning, modelWarnings } from './warnings';
import { DEFAULT_PACKET_MG, World } from './world';
import { runYears, type YearPoint } from './years';

export type Mode = 'particles' | 'ode';
export const MAX_PARTICLE_DAYS = 365;
export const MAX_ODE_DAYS = 3650;
export const MAX_YEARS = 80;

export interface SimulateOptions {
  readonly inputs?: Inputs;
  readonly days?: number;
  readonly years?: number;
  readonly seed?: number;
  readonly mode?: Mode;
  readonly packetMg?: number;
}

export interface SimulationResult {
  readonly inputs: Inputs;
  readonly mode: Mode;
  readonly seed: number;
  readonly days: number | null;
  readonly years: number | null;
  /** Calcium per packet, mg (particle mode only). */
  readonly packetMg: number | null;
  readonly totalsMg: {
    readonly eaten: number;
    readonly absorbed: number;
    readonly secretedIntoGut: number;
    readonly faeces: number;
    readonly urine: number;
    readonly boneIn: number;
    readonly boneOut: number;
    readonly artery: number;
  };
  /** Share of calcium in the gut (diet plus secretions) that is absorbed. */
  readonly fractionalAbsorption: number;
  readonly serumCalciumMmolL: { readonly mean: number; readonly min: number; readonly max: number };
  /** Against the normal range 2.2-2.6 mmol/L; 'high' is hypercalcaemia (vitamin D toxicity). */
  readonly serumStatus: SerumStatus;
  readonly pthRelative: number;
  readonly calcitriolRelative: number;
  readonly vitaminD: { readonly d25NmolL: number; readonly status: string };
  readonly carboxylatedFraction: { readonly osteocalcin: number; readonly mgp: number };
  readonly yearsSeries: readonly YearPoint[] | null;
  /** What the reader must know about this run (empty when there is nothing to say). */
  readonly warnings: readonly ModelWarning[];
}

export class SimulationOptionError extends Error {}

export function simulate(options: SimulateOptions = {}): SimulationResult {
  const inputs = options.inputs ?? DEFAULT_INPUTS;
  const seed = options.seed ?? 1;
  if (options.days !== undefined && options.years !== undefined) {
    throw new SimulationOptionError('give either days or years, not both');
  }
  const mode: Mode = options.mode ?? (options.years !== undefined ? 'ode' : 'particles');
  if (options.years !== undefined) {
    if (mode === 'particles') throw new SimulationOptionError('years run on the integrator: use mode ode for years');
    return simulateYears(inputs, options.years, seed);
  }
  const days = options.days ?? 1;
  const maxDays = mode === 'particles' ? MAX_PARTICLE_DAYS : MAX_ODE_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    throw new SimulationOptionError(`days must be a whole number from 1 to ${maxDays} in ${mode} mode`);
  }
  return mode === 'particles'
    ? simulateParticles(inputs, days, seed, options.packetMg)
    : simulateOde(inputs, days, seed);
}

interface Tracker {
  sum: number;
  min: number;
  max: number;
  n: number;
  pth: number;
  calcitriol: number;
}

const newTracker = (): Tracker => ({ sum: 0, min: Infinity, max: -Infinity, n: 0, pth: 0, calcitriol: 0 });

function track(t: Tracker, ecf: number, pth: number, calcitriol: number): void {
  const serum = serumCalcium(ecf);
  t.sum += serum;
  t.n++;
  t.min = Math.min(t.min, serum);
  t.max = Math.max(t.max, serum);
  t.pth += pth;
  t.calcitriol += calcitriol;
}

function common(inputs: Inputs, tracker: Tracker, skeletonShareMin = 1) {
  const habit = deriveHabit(inputs);
  return {
    warnings: modelWarnings({ serumMin: tracker.min, serumMax: tracker.max, skeletonShareMin }),
    serumCalciumMmolL: { mean: tracker.sum / tracker.n, min: tracker.min, max: tracker.max },
    serumStatus: tracker.max > P.serumNormalHigh.value ? ('high' as const) : serumStatus(tracker.min),
    pthRelative: tracker.pth / tracker.n,
    calcitriolRelative: tracker.calcitriol / tracker.n,
    vitaminD: { d25NmolL: habit.d25, status: vitaminDStatus(habit.d25) },
    carboxylatedFraction: { osteocalcin: habit.carboxylatedOsteocalcin, mgp: habit.activeMgp },
  };
}

function fromTotals(t: Totals) {
  const absorbed = t.absorbedActive + t.absorbedPassive;
  return {
    totalsMg: {
      eaten: t.eaten,
      absorbed,
      secretedIntoGut: t.secreted,
      faeces: t.faeces,
      urine: t.urine,
      boneIn: t.mineralised,
      boneOut: t.resorbed,
      artery: t.artery,
    },
    fractionalAbsorption: absorbed / (t.eaten + t.secreted),
  };
}

function simulateOde(inputs: Inputs, days: number, seed: number): SimulationResult {
  const habit = deriveHabit(inputs);
  const state = typicalStart(habit);
  const tracker = newTracker();
  const hazards = emptyHazards();
  for (let i = 0; i < days * TICKS_PER_DAY; i++) {
    stepIntegrator(state, habit, hazards);
    track(tracker, state.ecf, state.pth, state.calcitriol);
  }
  return {
    inputs,
    mode: 'ode',
    seed,
    days,
    years: null,
    packetMg: null,
    ...fromTotals(state.totals),
    ...common(inputs, tracker),
    yearsSeries: null,
  };
}

function simulateParticles(inputs: Inputs, days: number, seed: number, packetMg = DEFAULT_PACKET_MG): SimulationResult {
  const world = new World({ inputs, seed, table: calciumTable(), packetMg });
  const tracker = newTracker();
  for (let i = 0; i < days * TICKS_PER_DAY; i++) {
    world.step();
    track(tracker, world.model.ecf, world.model.pth, world.model.calcitriol);
  }
  const m = world.packetMg;
  const events = (name: (typeof FLUX_EVENTS)[number]) => (world.eventTotals[FLUX_EVENTS.indexOf(name)] ?? 0) * m;
  const absorbed = events('ABSORB_ACTIVE') + events('ABSORB_PASSIVE');
  const eaten = world.eatenUnits * m;
  const secreted = events('SECRETE_TO_GUT');
  return {
    inputs,
    mode: 'particles',
    seed,
    days,
    years: null,
    packetMg: m,
    totalsMg: {
      eaten,
      absorbed,
      secretedIntoGut: secreted,
      faeces: world.faecesUnits * m,
      urine: world.urineUnits * m,
      boneIn: events('MINERALISE'),
      boneOut: events('RESORB'),
      artery: world.arteryUnits * m,
    },
    fractionalAbsorption: absorbed / (eaten + secreted),
    ...common(inputs, tracker),
    yearsSeries: null,
  };
}

function simulateYears(inputs: Inputs, years: number, seed: number): SimulationResult {
  if (!Number.isInteger(years) || years < 1 || years > MAX_YEARS) {
    throw new SimulationOptionError(`years must be a whole number from 1 to ${MAX_YEARS}`);
  }
  const run = runYears(inputs, years);
  const tracker = newTracker();
  for (const point of run.series) track(tracker, point.ecfMg, point.pthRelative, point.calcitriolRelative);
  return {
    inputs,
    mode: 'ode',
    seed,
    days: null,
    years,
    packetMg: null,
    ...fromTotals(run.state.totals),
    ...common(inputs, tracker, Math.min(1, ...run.series.map((p) => p.bonePercentOfStart / 100))),
    yearsSeries: run.series,
  };
}
