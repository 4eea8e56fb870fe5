/**
 * The intake scenario a student sets. Intakes describe a sustained habit (months), not a single dose: the model
 * puts slow states (25(OH)D, vitamin K exposure, carboxylation) at their steady state for the habit.
 * Ranges are food and study ranges; the upper parts are flagged "beyond studied intakes" in the app, not hidden.
 */
import type { SourceKey } from './sources';

export type K2Form = 'mk7' | 'mk4';
export type Sex = 'female' | 'male';

export interface Inputs {
  /** Dietary calcium, mg/day. */
  readonly calciumMgPerDay: number;
  /** Vitamin D3 from food, supplements and skin together, IU/day. */
  readonly d3IuPerDay: number;
  /** Vitamin K2, µg/day. */
  readonly k2UgPerDay: number;
  readonly k2Form: K2Form;
  /** Vitamin K1 (phylloquinone) from food, µg/day. */
  readonly k1UgPerDay: number;
  /** A warfarin-type anticoagulant is being taken. */
  readonly warfarin: boolean;
  readonly ageYears: number;
  readonly sex: Sex;
  /** Teaching case: matrix Gla protein missing (knockout mice, Keutel syndrome). Not a slider. */
  readonly mgpAbsent: boolean;
}

export const DEFAULT_INPUTS: Inputs = Object.freeze({
  calciumMgPerDay: 1000,
  d3IuPerDay: 1000,
  k2UgPerDay: 30,
  k2Form: 'mk7',
  k1UgPerDay: 120,
  warfarin: false,
  ageYears: 40,
  sex: 'female',
  mgpAbsent: false,
});

export type NumericInput = 'calciumMgPerDay' | 'd3IuPerDay' | 'k2UgPerDay' | 'k1UgPerDay' | 'ageYears';

export interface Range {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /**
   * Values above `from` are beyond what studies or ordinary diets cover (marked, not hidden, in the app), with the
   * sources of that limit. Absent where the whole range is covered.
   */
  readonly beyondStudied?: { readonly from: number; readonly sources: readonly SourceKey[] };
}

export const INPUT_RANGES: Readonly<Record<NumericInput, Range>> = Object.freeze({
  // Upper levels (calcium 2,500 mg/day for ages 19-50; vitamin D 4,000 IU/day) from IOM_2011 ("recalled - verify"
  // in SCIENCE.md); 720 µg/day MK-7 is the largest trial dose (AVADEC_2022); 1,000 µg/day K1 is Binkley's top dose.
  calciumMgPerDay: { min: 0, max: 3000, unit: 'mg/day', beyondStudied: { from: 2500, sources: ['IOM_2011'] } },
  d3IuPerDay: { min: 0, max: 50000, unit: 'IU/day', beyondStudied: { from: 4000, sources: ['IOM_2011'] } },
  k2UgPerDay: { min: 0, max: 1000, unit: 'µg/day', beyondStudied: { from: 720, sources: ['AVADEC_2022'] } },
  k1UgPerDay: { min: 0, max: 1500, unit: 'µg/day', beyondStudied: { from: 1000, sources: ['BINKLEY_2002'] } },
  ageYears: { min: 18, max: 90, unit: 'years' },
});

export interface InputProblem {
  readonly field: string;
  readonly message: string;
}

export interface ValidatedPatch {
  readonly patch: Partial<Inputs>;
  readonly problems: readonly InputProblem[];
}

const NUMERIC_FIELDS = Object.keys(INPUT_RANGES) as NumericInput[];

/**
 * Checks a partial set of inputs from an untrusted source (URL, scene file, CLI, postMessage). Valid fields are
 * kept; each invalid one is dropped with a message, so callers can fall back to what they had.
 */
export function validateInputPatch(raw: Readonly<Record<string, unknown>>): ValidatedPatch {
  const patch: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if ((NUMERIC_FIELDS as string[]).includes(field)) {
      const range = INPUT_RANGES[field as NumericInput];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push({ field, message: `${field} must be a number (${range.unit})` });
      } else if (value < range.min || value > range.max) {
        problems.push({ field, message: `${field} must be between ${range.min} and ${range.max} ${range.unit}` });
      } else {
        patch[field] = value;
      }
    } else if (field === 'k2Form') {
      if (value === 'mk7' || value === 'mk4') patch[field] = value;
      else problems.push({ field, message: 'k2Form must be mk7 or mk4' });
    } else if (field === 'sex') {
      if (value === 'female' || value === 'male') patch[field] = value;
      else problems.push({ field, message: 'sex must be female or male' });
    } else if (field === 'warfarin' || field === 'mgpAbsent') {
      if (typeof value === 'boolean') patch[field] = value;
      else problems.push({ field, message: `${field} must be true or false` });
    } else {
      problems.push({ field, message: `${field} is not an input` });
    }
  }
  return { patch: patch as Partial<Inputs>, problems };
}

/** Applies a patch after validation; returns the merged inputs and any problems. */
export function withInputs(
  base: Inputs,
  raw: Readonly<Record<string, unknown>>,
): { inputs: Inputs; problems: readonly InputProblem[] } {
  const { patch, problems } = validateInputPatch(raw);
  return { inputs: Object.freeze({ ...base, ...patch }), problems };
}
