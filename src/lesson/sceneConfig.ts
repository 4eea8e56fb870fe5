/**
 * What the simulation should look like at a scene step: the preset, then every earlier step's changes, in order.
 * Computing it from the start (rather than applying one step's diff) means Back, a share link into step 5 and a
 * fresh start all give the same setup.
 */
import { DEFAULT_INPUTS, type Inputs } from '../model/inputs';
import type { Preset, Scene, SceneRegion } from './sceneSchema';

export interface StepConfig {
  readonly inputs: Inputs;
  readonly view: 'day' | 'years';
  /** Condition B's inputs, or null when compare is off. */
  readonly compare: Inputs | null;
  /** Regions this step highlights (only this step's; highlights do not carry over). */
  readonly highlight: readonly SceneRegion[];
}

/** The preset's inputs over the defaults (a preset does not inherit whatever the student had set). */
export function presetInputs(preset: Preset): Inputs {
  return Object.freeze({ ...DEFAULT_INPUTS, ...preset.inputs });
}

export function configAt(scene: Scene, index: number): StepConfig {
  let inputs = presetInputs(scene.preset);
  let view = scene.preset.view ?? 'day';
  let comparePatch: Partial<Inputs> | null = scene.preset.compare ?? null;
  const last = Math.min(index, scene.steps.length - 1);
  for (let i = 0; i <= last; i++) {
    const step = scene.steps[i];
    if (!step) break;
    if (step.set) inputs = Object.freeze({ ...inputs, ...step.set });
    if (step.view) view = step.view;
    if (step.compare === false) comparePatch = null;
    else if (step.compare) comparePatch = step.compare;
  }
  const compare = comparePatch ? Object.freeze({ ...inputs, ...comparePatch }) : null;
  return { inputs, view, compare, highlight: scene.steps[last]?.highlight ?? [] };
}

export function sameInputs(a: Inputs | null, b: Inputs | null): boolean {
  if (a === null || b === null) return a === b;
  return (Object.keys(a) as (keyof Inputs)[]).every((key) => a[key] === b[key]);
}
