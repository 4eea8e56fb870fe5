/**
 * The device's preferences, read once at start and kept in step with local storage; parts of the app that depend
 * on one (the map's motion, the starting speed) listen for changes instead of reading storage themselves.
 */
import { type Preferences, readPreferences, writePreferences } from './preferences';

export interface PreferenceStore {
  get(): Preferences;
  set(prefs: Preferences): void;
  listen(listener: (prefs: Preferences) => void): void;
  /** Problems found in what was stored (each bad field fell back to its default). */
  readonly problems: readonly string[];
}

export function createPreferenceStore(storage?: Storage | null): PreferenceStore {
  const read = readPreferences(storage);
  let prefs = read.prefs;
  const listeners: ((prefs: Preferences) => void)[] = [];
  const tell = (): void => {
    for (const listener of listeners) listener(prefs);
  };
  return {
    problems: read.problems,
    get: () => prefs,
    set(next) {
      prefs = next;
      writePreferences(next, storage);
      tell();
    },
    listen(listener) {
      listeners.push(listener);
    },
  };
}

/** Whether packets should move without jitter: the device setting unless the preference overrides it. */
export function wantsReducedMotion(prefs: Preferences, deviceSetting: boolean): boolean {
  return prefs.reducedMotion === 'auto' ? deviceSetting : prefs.reducedMotion === 'on';
}
