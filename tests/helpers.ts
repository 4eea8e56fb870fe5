/** Shared helpers for model tests: one settled, integrated day for a scenario. */
import { DEFAULT_INPUTS, type Inputs } from '../src/model/inputs';
import { referenceState, runTicks, settle, TICKS_PER_DAY, type Totals, zeroTotals } from '../src/model/integrator';
import { deriveHabit, serumCalcium } from '../src/model/physiology';

export interface Day {
  readonly totals: Totals;
  readonly fraction: number;
  readonly netAbsorbed: number;
  readonly boneNet: number;
  readonly serumMin: number;
  readonly serumMax: number;
  readonly pth: number;
  readonly calcitriol: number;
}

export function scenario(over: Partial<Inputs> = {}): Inputs {
  return { ...DEFAULT_INPUTS, ...over };
}

/** A typical (periodic steady-state) day for a sustained habit, on the integrator. */
export function typicalDay(over: Partial<Inputs> = {}): Day {
  const habit = deriveHabit(scenario(over));
  const s = settle(referenceState(), habit);
  s.totals = zeroTotals();
  let serumMin = Infinity;
  let serumMax = -Infinity;
  for (let i = 0; i < TICKS_PER_DAY; i++) {
    runTicks(s, habit, 1);
    const serum = serumCalcium(s.ecf);
    serumMin = Math.min(serumMin, serum);
    serumMax = Math.max(serumMax, serum);
  }
  const t = s.totals;
  const absorbed = t.absorbedActive + t.absorbedPassive;
  return {
    totals: t,
    fraction: absorbed / (t.eaten + t.secreted),
    netAbsorbed: absorbed - t.secreted,
    boneNet: t.mineralised - t.resorbed,
    serumMin,
    serumMax,
    pth: s.pth,
    calcitriol: s.calcitriol,
  };
}
