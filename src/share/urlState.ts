/**
 * Shareable state in the URL hash: the part of a link after '#', which browsers keep on the device and never send
 * to a server. Pure functions, no DOM.
 *
 * Format (version 1), URLSearchParams style, keys in a fixed order:
 *
 *   v=1                         format version; always written first (a link without it is read as version 1)
 *   ca d3 k2 k1 age             condition A's numbers: calcium mg/day, D3 IU/day, K2 µg/day, K1 µg/day, age years
 *   form=mk7|mk4  sex=female|male  wf=1|0 (warfarin)  mgp=absent|present (matrix Gla protein)
 *   view=day|years  seed=<0…4294967295>  speed=slow|normal|fast
 *   scene=<slug>  step=<0-based step index>
 *   cmp=1                       compare on; condition B's inputs follow with a "b." prefix (b.ca, b.d3, …)
 *   presenter=1
 *
 * Only values that differ from the defaults are written, so the default state is just "v=1". Condition B is stored
 * as full inputs (each b.* value that differs from the defaults, not from A), so B never depends on A. Numbers are
 * written in JavaScript's shortest round-trip form (String(n)), so decodeState(encodeState(s)) gives back exactly
 * the same numbers. A decoded state lists only what the link sets; completeState() fills the rest with defaults,
 * which is what the omitted values were.
 *
 * Example: v=1&d3=4000&wf=1&view=years&scene=warfarin-and-arteries&step=2&cmp=1&b.d3=4000
 */
import { t } from '../i18n';
import type { Speed, View } from '../machines/clock';
import { DEFAULT_SEED, isSeed, SPEEDS } from '../machines/simulation.machine';
import { DEFAULT_INPUTS, INPUT_RANGES, type Inputs, type NumericInput, validateInputPatch } from '../model/inputs';

export interface SharedState {
  /** Condition A. */
  readonly inputs: Inputs;
  readonly view: View;
  readonly seed: number;
  readonly speed: Speed;
  /** The lesson scene and its step (a 0-based index), or null outside a scene. */
  readonly scene: { readonly id: string; readonly step: number } | null;
  /** Condition B's full inputs, or null when compare is off. */
  readonly compare: Inputs | null;
  readonly presenter: boolean;
}

/** What a link sets: only the values it carries (and that were valid). */
export interface DecodedState {
  inputs?: Partial<Inputs>;
  view?: View;
  seed?: number;
  speed?: Speed;
  scene?: { id: string; step: number } | null;
  compare?: Partial<Inputs> | null;
  presenter?: boolean;
}

export interface DecodeResult {
  readonly state: DecodedState;
  /** One plain-language sentence per value that was ignored. */
  readonly problems: string[];
  /** True when the hash is a shared state (it has v=1 or at least one valid setting); false for an empty hash. */
  readonly shared: boolean;
}

export const FORMAT_VERSION = 1;
/** Longer hashes are not read at all (a full state is a few hundred characters). */
export const MAX_HASH_LENGTH = 2000;
/** At most this many problems are listed; the rest are counted in one last sentence. */
export const MAX_PROBLEMS = 12;
/** Scene steps above this are not a real scene's. */
export const MAX_STEP = 999;

export const DEFAULT_SHARED_STATE: SharedState = Object.freeze({
  inputs: DEFAULT_INPUTS,
  view: 'day',
  seed: DEFAULT_SEED,
  speed: 'normal',
  scene: null,
  compare: null,
  presenter: false,
});

type InputKey = keyof Inputs;

/** Short link names for the inputs, in the order they are written. */
const INPUT_PARAMS: readonly (readonly [string, InputKey])[] = [
  ['ca', 'calciumMgPerDay'],
  ['d3', 'd3IuPerDay'],
  ['k2', 'k2UgPerDay'],
  ['form', 'k2Form'],
  ['k1', 'k1UgPerDay'],
  ['wf', 'warfarin'],
  ['age', 'ageYears'],
  ['sex', 'sex'],
  ['mgp', 'mgpAbsent'],
];
const INPUT_BY_PARAM: ReadonlyMap<string, InputKey> = new Map(INPUT_PARAMS);
const B_PREFIX = 'b.';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SCENE_ID_LENGTH = 80;
/** Unsigned decimals as String(n) writes them for numbers in the input ranges: 1000, 12.5, 5e-7, 1.25e-7. */
const DECIMAL = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const MAX_NUMBER_LENGTH = 32;
/** Values shown in problem sentences are cut to this length. */
const SHOWN_VALUE_LENGTH = 24;

// --- Encoding -------------------------------------------------------------------------------------------------

function inputValue(key: InputKey, inputs: Inputs): string {
  const value = inputs[key];
  if (key === 'warfarin') return value ? '1' : '0';
  if (key === 'mgpAbsent') return value ? 'absent' : 'present';
  // String(-0) is "0" already; String(n) is the shortest text that reads back as exactly n.
  return String(value);
}

function appendInputs(parts: string[], inputs: Inputs, prefix: string): void {
  for (const [param, key] of INPUT_PARAMS) {
    if (inputs[key] === DEFAULT_INPUTS[key]) continue;
    parts.push(`${prefix}${param}=${encodeURIComponent(inputValue(key, inputs))}`);
  }
}

/** The hash for a state, without the leading '#'. Values equal to the defaults are left out. */
export function encodeState(state: SharedState): string {
  const parts = [`v=${FORMAT_VERSION}`];
  appendInputs(parts, state.inputs, '');
  if (state.view !== DEFAULT_SHARED_STATE.view) parts.push(`view=${encodeURIComponent(state.view)}`);
  if (state.seed !== DEFAULT_SHARED_STATE.seed) parts.push(`seed=${encodeURIComponent(String(state.seed))}`);
  if (state.speed !== DEFAULT_SHARED_STATE.speed) parts.push(`speed=${encodeURIComponent(state.speed)}`);
  if (state.scene) {
    parts.push(`scene=${encodeURIComponent(state.scene.id)}`);
    if (state.scene.step !== 0) parts.push(`step=${encodeURIComponent(String(state.scene.step))}`);
  }
  if (state.compare) {
    parts.push('cmp=1');
    appendInputs(parts, state.compare, B_PREFIX);
  }
  if (state.presenter) parts.push('presenter=1');
  return parts.join('&');
}

/** `baseHref` with its hash (if any) replaced by the state's. */
export function shareUrl(baseHref: string, state: SharedState): string {
  const cut = baseHref.indexOf('#');
  return `${cut === -1 ? baseHref : baseHref.slice(0, cut)}#${encodeState(state)}`;
}

/** A decoded state made whole: anything the link leaves out takes its default (which is why it was left out). */
export function completeState(decoded: DecodedState): SharedState {
  return {
    inputs: { ...DEFAULT_INPUTS, ...decoded.inputs },
    view: decoded.view ?? DEFAULT_SHARED_STATE.view,
    seed: decoded.seed ?? DEFAULT_SHARED_STATE.seed,
    speed: decoded.speed ?? DEFAULT_SHARED_STATE.speed,
    scene: decoded.scene ? { id: decoded.scene.id, step: decoded.scene.step } : null,
    compare: decoded.compare ? { ...DEFAULT_INPUTS, ...decoded.compare } : null,
    presenter: decoded.presenter ?? DEFAULT_SHARED_STATE.presenter,
  };
}

// --- Decoding -------------------------------------------------------------------------------------------------

/** A value as it may be shown in a sentence: short, and with control characters replaced. */
function shown(text: string): string {
  let out = '';
  for (const char of text) {
    if (out.length >= SHOWN_VALUE_LENGTH) return `${out}…`;
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? '\uFFFD' : char;
  }
  return out;
}

/** Turns link text into the typed value an input takes, or leaves it as text (which validation then rejects). */
function typedInput(key: InputKey, text: string): unknown {
  switch (key) {
    case 'warfarin':
      return text === '1' ? true : text === '0' ? false : text;
    case 'mgpAbsent':
      return text === 'absent' ? true : text === 'present' ? false : text;
    case 'k2Form':
    case 'sex':
      return text;
    default:
      return text.length <= MAX_NUMBER_LENGTH && DECIMAL.test(text) ? Number(text) : text;
  }
}

/** Why an input's value was refused, in words. */
function inputRule(key: InputKey): string {
  switch (key) {
    case 'warfarin':
      return t('share.rule.warfarin');
    case 'mgpAbsent':
      return t('share.rule.mgp');
    case 'k2Form':
      return t('share.rule.k2Form');
    case 'sex':
      return t('share.rule.sex');
    default: {
      const range = INPUT_RANGES[key as NumericInput];
      return t('share.rule.number', {
        name: t(`share.name.${key}`),
        min: range.min,
        max: range.max,
        // The unit in the reader's language: the unit template with its number left out ("mg/día", "岁").
        unit: t(UNIT_KEY[key as NumericInput], { value: '' }).trim(),
      });
    }
  }
}

const UNIT_KEY: Readonly<Record<NumericInput, string>> = {
  calciumMgPerDay: 'unit.mgPerDay',
  d3IuPerDay: 'unit.iuPerDay',
  k2UgPerDay: 'unit.ugPerDay',
  k1UgPerDay: 'unit.ugPerDay',
  ageYears: 'unit.years',
};

interface Part {
  readonly key: string;
  readonly value: string;
}

/**
 * Reads a hash (with or without its leading '#') as an untrusted source: every value is checked, anything wrong
 * is dropped with one sentence in `problems`, and valid values are kept. Never throws. An empty hash gives an empty
 * state. `known.sceneIds`, when given, is the list of scenes that exist.
 */
export function decodeState(hash: string, known?: { readonly sceneIds?: readonly string[] }): DecodeResult {
  const problems: string[] = [];
  let dropped = 0;
  const problem = (sentence: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(sentence);
    else dropped += 1;
  };
  const ignored = (key: string, value: string, reason: string): void =>
    problem(
      value === ''
        ? t('share.problem.ignoredName', { param: shown(key), reason })
        : t('share.problem.ignored', { param: shown(key), value: shown(value), reason }),
    );
  const finish = (state: DecodedState, shared: boolean): DecodeResult => {
    if (dropped > 0) problems.push(t('share.problem.more', { count: dropped }));
    return { state, problems, shared };
  };

  const text = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  if (text.length === 0) return finish({}, false);
  if (text.length > MAX_HASH_LENGTH) {
    problem(t('share.problem.tooLong', { length: text.length, max: MAX_HASH_LENGTH }));
    return finish({}, false);
  }

  // Split by hand rather than with URLSearchParams: '+' stays '+', and a broken %-escape is reported, not mangled.
  const parts: Part[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawKey = eq === -1 ? piece : piece.slice(0, eq);
    const rawValue = eq === -1 ? '' : piece.slice(eq + 1);
    try {
      parts.push({ key: decodeURIComponent(rawKey), value: decodeURIComponent(rawValue) });
    } catch {
      problem(t('share.problem.badEscape', { part: shown(piece) }));
    }
  }

  // The first of a repeated name counts; the others are reported.
  const first = new Map<string, string>();
  for (const { key, value } of parts) {
    if (first.has(key)) ignored(key, value, t('share.rule.repeated', { param: shown(key) }));
    else first.set(key, value);
  }

  const version = first.get('v');
  if (version !== undefined && version !== String(FORMAT_VERSION)) {
    problem(t('share.problem.version', { value: shown(version) }));
    return finish({}, false);
  }

  const state: DecodedState = {};
  const inputsA: Record<string, unknown> = {};
  const inputsB: Record<string, unknown> = {};
  const bParts: Part[] = [];
  let sceneText: string | undefined;
  let stepText: string | undefined;
  let compare: boolean | undefined;

  const takeInput = (target: Record<string, unknown>, name: string, key: InputKey, value: string): void => {
    const { patch, problems: refused } = validateInputPatch({ [key]: typedInput(key, value) });
    if (refused.length === 0 && !Object.is(patch[key], -0)) target[key] = patch[key];
    else ignored(name, value, inputRule(key));
  };
  const flag = (name: string, value: string, rule: string): boolean | undefined => {
    if (value === '1') return true;
    if (value === '0') return false;
    ignored(name, value, rule);
    return undefined;
  };

  for (const [key, value] of first) {
    if (key === 'v') continue;
    const inputKey = INPUT_BY_PARAM.get(key);
    if (inputKey) {
      takeInput(inputsA, key, inputKey, value);
      continue;
    }
    if (key.startsWith(B_PREFIX) && INPUT_BY_PARAM.has(key.slice(B_PREFIX.length))) {
      bParts.push({ key, value });
      continue;
    }
    switch (key) {
      case 'view':
        if (value === 'day' || value === 'years') state.view = value;
        else ignored(key, value, t('share.rule.view'));
        break;
      case 'speed':
        if ((SPEEDS as readonly string[]).includes(value)) state.speed = value as Speed;
        else ignored(key, value, t('share.rule.speed'));
        break;
      case 'seed': {
        const seed = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
        if (isSeed(seed)) state.seed = seed;
        else ignored(key, value, t('share.rule.seed'));
        break;
      }
      case 'scene':
        sceneText = value;
        break;
      case 'step':
        stepText = value;
        break;
      case 'cmp':
        compare = flag(key, value, t('share.rule.cmp'));
        break;
      case 'presenter': {
        const presenter = flag(key, value, t('share.rule.presenter'));
        if (presenter !== undefined) state.presenter = presenter;
        break;
      }
      default:
        ignored(key, value, t('share.rule.unknown'));
    }
  }

  if (Object.keys(inputsA).length > 0) state.inputs = inputsA as Partial<Inputs>;

  if (sceneText !== undefined) {
    let sceneOk = false;
    if (sceneText.length > MAX_SCENE_ID_LENGTH || !SLUG.test(sceneText)) {
      ignored('scene', sceneText, t('share.rule.sceneName'));
    } else if (known?.sceneIds && !known.sceneIds.includes(sceneText)) {
      ignored('scene', sceneText, t('share.rule.sceneUnknown'));
    } else {
      sceneOk = true;
    }
    let step = 0;
    if (stepText !== undefined) {
      const parsed = /^\d{1,3}$/.test(stepText) ? Number(stepText) : Number.NaN;
      if (Number.isInteger(parsed) && parsed >= 0 && parsed <= MAX_STEP) step = parsed;
      else ignored('step', stepText, t('share.rule.step', { max: MAX_STEP }));
    }
    if (sceneOk) state.scene = { id: sceneText, step };
  } else if (stepText !== undefined) {
    ignored('step', stepText, t('share.rule.stepWithoutScene'));
  }

  if (compare === true) {
    for (const { key, value } of bParts) {
      const inputKey = INPUT_BY_PARAM.get(key.slice(B_PREFIX.length));
      if (inputKey) takeInput(inputsB, key, inputKey, value);
    }
    state.compare = inputsB as Partial<Inputs>;
  } else {
    if (compare === false) state.compare = null;
    for (const { key, value } of bParts) ignored(key, value, t('share.rule.compareOff'));
  }

  return finish(state, version !== undefined || Object.keys(state).length > 0);
}
