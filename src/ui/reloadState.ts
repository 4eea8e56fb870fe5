/**
 * Settings carried across a reload after a lost graphics context, in sessionStorage (this tab only, gone when it
 * closes). Read once at start and then removed; anything malformed is ignored and the defaults are used.
 */
import type { Speed, View } from '../machines/clock';
import { isSeed, SPEEDS } from '../machines/simulation.machine';
import { DEFAULT_INPUTS, type Inputs, validateInputPatch } from '../model/inputs';

const KEY = 'calcium-routes:reload';

export interface ReloadState {
  readonly inputs: Inputs;
  readonly seed: number;
  readonly speed: Speed;
  readonly view: View;
}

export function saveReloadState(state: ReloadState): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage can be full or disabled (private browsing); the reload then starts from defaults.
  }
}

export function readReloadState(): ReloadState | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Partial<Record<keyof ReloadState, unknown>>;
    const inputs = typeof data.inputs === 'object' && data.inputs !== null ? data.inputs : {};
    return {
      inputs: { ...DEFAULT_INPUTS, ...validateInputPatch(inputs as Record<string, unknown>).patch },
      seed: isSeed(data.seed) ? data.seed : 1,
      speed: SPEEDS.includes(data.speed as Speed) ? (data.speed as Speed) : 'normal',
      view: data.view === 'years' ? 'years' : 'day',
    };
  } catch {
    return null;
  }
}
