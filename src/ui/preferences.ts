/**
 * Per-device preferences, kept in localStorage under one key (this browser on this device only; no cookies, never
 * sent anywhere). Storage is untrusted: another version of the app, an extension or a person with dev tools may
 * have written anything there, and in some browsers (private modes, disabled storage) touching it throws. Reading
 * therefore checks every field on its own and falls back to its default; writing never throws.
 */
import { t } from '../i18n';
import type { Speed } from '../machines/clock';
import { SPEEDS } from '../machines/simulation.machine';

export const PREFERENCES_KEY = 'calcium-routes.preferences.v1';

export const THEMES = ['auto', 'light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];
export const REDUCED_MOTION = ['auto', 'on', 'off'] as const;
export type ReducedMotion = (typeof REDUCED_MOTION)[number];

export interface Preferences {
  readonly theme: Theme;
  /** The speed the simulation starts at. */
  readonly speed: Speed;
  /** BCP 47 language tag, e.g. "en", "es", "zh-Hans", or "auto" for the device's language. */
  readonly language: string;
  readonly sound: boolean;
  readonly reducedMotion: ReducedMotion;
  /** Single-key shortcuts (Space, D, Y, P, …); off for speech input, where a spoken word can press them. */
  readonly shortcuts: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = Object.freeze({
  theme: 'auto',
  speed: 'normal',
  language: 'auto',
  sound: false,
  reducedMotion: 'auto',
  shortcuts: true,
});

export interface ReadPreferences {
  readonly prefs: Preferences;
  /** One sentence per thing that could not be used (for the console or a notice); empty on a clean read. */
  readonly problems: string[];
}

/** Anything longer is not something this app wrote. */
const MAX_STORED_LENGTH = 4096;
const MAX_TAG_LENGTH = 35;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_TAG_LENGTH || !LANGUAGE_TAG.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const CHECKS: { readonly [K in keyof Preferences]: (value: unknown) => boolean } = {
  theme: (value) => (THEMES as readonly unknown[]).includes(value),
  speed: (value) => (SPEEDS as readonly unknown[]).includes(value),
  language: (value) => value === 'auto' || isLanguageTag(value),
  sound: (value) => typeof value === 'boolean',
  reducedMotion: (value) => (REDUCED_MOTION as readonly unknown[]).includes(value),
  shortcuts: (value) => typeof value === 'boolean',
};
const FIELDS = Object.keys(CHECKS) as (keyof Preferences)[];

/**
 * Checks any value field by field: valid fields are kept, the rest take their defaults. Missing fields are not
 * problems (a newer field, or a first visit); wrong ones are.
 */
export function sanitizePreferences(raw: unknown): ReadPreferences {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { prefs: DEFAULT_PREFERENCES, problems: [t('prefs.problem.corrupt')] };
  }
  const prefs: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  for (const field of FIELDS) {
    if (!Object.hasOwn(raw, field)) continue;
    const value: unknown = (raw as Record<string, unknown>)[field];
    if (CHECKS[field](value)) prefs[field] = value;
    else problems.push(t('prefs.problem.field', { field }));
  }
  return { prefs: Object.freeze(prefs) as unknown as Preferences, problems };
}

/** localStorage if this page may use it; null where even looking at it throws (sandboxed frames, some settings). */
function defaultStorage(): Storage | null {
  try {
    return typeof globalThis.localStorage === 'object' ? globalThis.localStorage : null;
  } catch {
    return null;
  }
}

/**
 * The saved preferences, checked. `storage` defaults to localStorage; pass null for none (defaults, no problems).
 * Never throws.
 */
export function readPreferences(storage: Storage | null = defaultStorage()): ReadPreferences {
  if (!storage) return { prefs: DEFAULT_PREFERENCES, problems: [] };
  let raw: string | null;
  try {
    raw = storage.getItem(PREFERENCES_KEY);
  } catch {
    return { prefs: DEFAULT_PREFERENCES, problems: [t('prefs.problem.unavailable')] };
  }
  if (raw === null) return { prefs: DEFAULT_PREFERENCES, problems: [] };
  if (typeof raw !== 'string' || raw.length > MAX_STORED_LENGTH) {
    return { prefs: DEFAULT_PREFERENCES, problems: [t('prefs.problem.corrupt')] };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { prefs: DEFAULT_PREFERENCES, problems: [t('prefs.problem.corrupt')] };
  }
  return sanitizePreferences(data);
}

/**
 * Saves preferences (checked first, so nothing invalid is stored). Returns false when they could not be saved
 * (no storage, storage full or disabled); never throws.
 */
export function writePreferences(prefs: Preferences, storage: Storage | null = defaultStorage()): boolean {
  if (!storage) return false;
  try {
    const { prefs: clean } = sanitizePreferences(prefs);
    const data: Record<string, unknown> = {};
    for (const field of FIELDS) data[field] = clean[field];
    storage.setItem(PREFERENCES_KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the saved preferences (the app then uses the defaults). Returns false if storage refused; never throws. */
export function resetPreferences(storage: Storage | null = defaultStorage()): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(PREFERENCES_KEY);
    return true;
  } catch {
    return false;
  }
}
