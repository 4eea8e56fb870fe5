/**
 * How long an observe step runs. Kept apart from the scene schema so the running app, which only reads checked
 * scenes, does not load the schema library (the build checks scene files; see scenesPlugin.ts).
 */
import type { ObserveStep } from './sceneSchema';

/** Simulated ticks an observe step runs for, in its view's tick (minutes or years). */
export function observeTicks(run: ObserveStep['run']): number {
  return run.years ?? run.minutes ?? (run.days ?? 1) * 1440;
}
