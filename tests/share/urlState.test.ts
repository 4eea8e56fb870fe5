/**
 * Shared state in the URL hash: exact round trips over many random valid states (seeded, reproducible), and a
 * hostile hash never throws, never pollutes prototypes and yields one plain sentence per ignored value.
 */
import { describe, expect, it } from 'vitest';
import type { Speed, View } from '../../src/machines/clock';
import {
  DEFAULT_INPUTS,
  INPUT_RANGES,
  type Inputs,
  type NumericInput,
  validateInputPatch,
} from '../../src/model/inputs';
import { createPrng, type Prng } from '../../src/model/prng';
import {
  completeState,
  DEFAULT_SHARED_STATE,
  type DecodedState,
  decodeState,
  encodeState,
  MAX_HASH_LENGTH,
  MAX_PROBLEMS,
  type SharedState,
  shareUrl,
} from '../../src/share/urlState';

const SCENE_IDS = ['no-vitamin-d', 'warfarin-and-arteries', 'k2', 'a1-b2-c3'] as const;
const NUMERIC: readonly NumericInput[] = ['calciumMgPerDay', 'd3IuPerDay', 'k2UgPerDay', 'k1UgPerDay', 'ageYears'];

const pick = <T>(prng: Prng, list: readonly T[]): T => list[Math.floor(prng.next() * list.length)] as T;

/** Any finite value in range, in the shapes that matter: bounds, defaults, slider steps, arbitrary and tiny. */
function randomNumber(prng: Prng, key: NumericInput): number {
  const { min, max } = INPUT_RANGES[key];
  const u = prng.next();
  const kind = Math.floor(prng.next() * 7);
  switch (kind) {
    case 0:
      return min;
    case 1:
      return max;
    case 2:
      return DEFAULT_INPUTS[key];
    case 3:
      return Math.round(min + u * (max - min));
    case 4:
      return min + u ** 12 * (max - min); // very small fractions, written with an exponent (1.2e-9)
    case 5:
      return Math.round((min + u * (max - min)) * 10) / 10;
    default:
      return min + u * (max - min); // 17 significant digits
  }
}

function randomInputs(prng: Prng): Inputs {
  const inputs: Record<string, unknown> = {};
  for (const key of NUMERIC) inputs[key] = randomNumber(prng, key);
  inputs.k2Form = pick(prng, ['mk7', 'mk4'] as const);
  inputs.sex = pick(prng, ['female', 'male'] as const);
  inputs.warfarin = prng.next() < 0.5;
  inputs.mgpAbsent = prng.next() < 0.3;
  return inputs as unknown as Inputs;
}

function randomState(prng: Prng): SharedState {
  const seedKind = prng.next();
  const seed =
    seedKind < 0.1 ? 0 : seedKind < 0.2 ? 0xffffffff : seedKind < 0.3 ? 1 : Math.floor(prng.next() * 2 ** 32);
  return {
    inputs: prng.next() < 0.1 ? DEFAULT_INPUTS : randomInputs(prng),
    view: pick(prng, ['day', 'years'] as const satisfies readonly View[]),
    seed,
    speed: pick(prng, ['slow', 'normal', 'fast'] as const satisfies readonly Speed[]),
    scene: prng.next() < 0.5 ? null : { id: pick(prng, SCENE_IDS), step: Math.floor(prng.next() * 40) },
    compare: prng.next() < 0.5 ? null : randomInputs(prng),
    presenter: prng.next() < 0.5,
  };
}

const decode = (hash: string): ReturnType<typeof decodeState> => decodeState(hash, { sceneIds: SCENE_IDS });

describe('round trip', () => {
  it('reproduces 2,500 random valid states exactly, with no problems', () => {
    const prng = createPrng(20260917);
    let longest = 0;
    for (let i = 0; i < 2500; i++) {
      const state = randomState(prng);
      const hash = encodeState(state);
      longest = Math.max(longest, hash.length);
      const { state: decoded, problems, shared } = decode(hash);
      expect(problems, hash).toEqual([]);
      expect(shared).toBe(true);
      // toEqual compares numbers with Object.is: every digit must survive.
      expect(completeState(decoded), hash).toEqual(state);
      for (const key of NUMERIC) {
        expect(Object.is(completeState(decoded).inputs[key], state.inputs[key])).toBe(true);
      }
    }
    expect(longest).toBeLessThan(MAX_HASH_LENGTH / 2);
  });

  it('writes the default state as just the version', () => {
    expect(encodeState(DEFAULT_SHARED_STATE)).toBe('v=1');
    expect(decode('v=1')).toEqual({ state: {}, problems: [], shared: true });
    expect(completeState(decode('v=1').state)).toEqual(DEFAULT_SHARED_STATE);
  });

  it('writes short, readable names and only what differs from the defaults', () => {
    const state: SharedState = {
      ...DEFAULT_SHARED_STATE,
      inputs: { ...DEFAULT_INPUTS, d3IuPerDay: 4000, warfarin: true, k2Form: 'mk4', mgpAbsent: true },
      view: 'years',
      scene: { id: 'warfarin-and-arteries', step: 2 },
      compare: { ...DEFAULT_INPUTS, d3IuPerDay: 0.5, sex: 'male' },
      presenter: true,
    };
    expect(encodeState(state)).toBe(
      'v=1&d3=4000&form=mk4&wf=1&mgp=absent&view=years&scene=warfarin-and-arteries&step=2&cmp=1&b.d3=0.5&b.sex=male&presenter=1',
    );
    // Compare on with B equal to the defaults is still compare on.
    const sameB: SharedState = { ...DEFAULT_SHARED_STATE, compare: DEFAULT_INPUTS };
    expect(encodeState(sameB)).toBe('v=1&cmp=1');
    expect(completeState(decode('v=1&cmp=1').state)).toEqual(sameB);
    // Step 0 is the scene's first step and is not written.
    const first: SharedState = { ...DEFAULT_SHARED_STATE, scene: { id: 'k2', step: 0 } };
    expect(encodeState(first)).toBe('v=1&scene=k2');
    expect(completeState(decode('v=1&scene=k2').state)).toEqual(first);
  });

  it('writes numbers without losing precision', () => {
    const values: readonly (readonly [NumericInput, number])[] = [
      ['k1UgPerDay', 0.1 + 0.2],
      ['k2UgPerDay', 1e-7],
      ['d3IuPerDay', 5e-324],
      ['calciumMgPerDay', 2999.9999999999995],
      ['k1UgPerDay', 1 / 3],
      ['ageYears', 18.000000000000004],
      ['ageYears', 90],
    ];
    for (const [key, value] of values) {
      const state = { ...DEFAULT_SHARED_STATE, inputs: { ...DEFAULT_INPUTS, [key]: value } };
      expect(completeState(decode(encodeState(state)).state).inputs[key]).toBe(value);
    }
  });

  it('builds a full link, replacing any hash the page already has', () => {
    const state = { ...DEFAULT_SHARED_STATE, seed: 7 };
    expect(shareUrl('https://example.org/app/index.html', state)).toBe('https://example.org/app/index.html#v=1&seed=7');
    expect(shareUrl('https://example.org/app/?lang=es#v=1&ca=5', state)).toBe(
      'https://example.org/app/?lang=es#v=1&seed=7',
    );
    expect(shareUrl('file:///C:/lessons/calcium/index.html#', state)).toBe(
      'file:///C:/lessons/calcium/index.html#v=1&seed=7',
    );
  });
});

describe('decoding a hostile hash', () => {
  it('gives an empty state and no problems for an empty hash', () => {
    for (const hash of ['', '#', '&', '#&&']) expect(decode(hash)).toEqual({ state: {}, problems: [], shared: false });
  });

  it('accepts a leading #', () => {
    expect(decode('#v=1&ca=500').state).toEqual({ inputs: { calciumMgPerDay: 500 } });
    expect(decode('#v=1&ca=500').problems).toEqual([]);
  });

  it('names the parameter, the value and the rule in one sentence', () => {
    expect(decode('v=1&d3=abc').problems).toEqual([
      'Ignored d3=abc: vitamin D3 must be a number between 0 and 50,000 IU/day',
    ]);
    expect(decode('v=1&age=10').problems).toEqual(['Ignored age=10: age must be a number between 18 and 90 years']);
    expect(decode('v=1&wf=yes').problems).toEqual(['Ignored wf=yes: warfarin must be 1 (taken) or 0 (not taken)']);
  });

  it('keeps the valid values next to bad ones', () => {
    const { state, problems } = decode('v=1&ca=500&d3=abc&k2=100&view=week&speed=fast');
    expect(state).toEqual({ inputs: { calciumMgPerDay: 500, k2UgPerDay: 100 }, speed: 'fast' });
    expect(problems).toHaveLength(2);
  });

  const cases: readonly (readonly [string, string, string])[] = [
    // [what, hash, a word the problem must contain]
    ['unknown key', 'v=1&colour=red', 'colour'],
    ['key with no value', 'v=1&main', 'main'],
    ['empty value', 'v=1&ca=', 'ca'],
    ['not a number', 'v=1&ca=lots', 'ca=lots'],
    ['hex number', 'v=1&ca=0x10', 'ca=0x10'],
    ['spaces around a number', 'v=1&ca=%20500', 'ca'],
    ['digit separators', 'v=1&ca=1_000', 'ca'],
    ['plus sign', 'v=1&ca=+500', 'ca'],
    ['above range', 'v=1&ca=5000', 'ca=5000'],
    ['below range', 'v=1&k1=-1', 'k1=-1'],
    ['NaN', 'v=1&ca=NaN', 'ca=NaN'],
    ['Infinity', 'v=1&d3=Infinity', 'd3=Infinity'],
    ['overflow to Infinity', 'v=1&d3=1e999', 'd3=1e999'],
    ['negative zero', 'v=1&ca=-0', 'ca=-0'],
    ['negative zero with decimals', 'v=1&k2=-0.0', 'k2=-0.0'],
    ['negative zero for B', 'v=1&cmp=1&b.ca=-0', 'b.ca=-0'],
    ['bad K2 form', 'v=1&form=mk9', 'form'],
    ['bad sex', 'v=1&sex=x', 'sex'],
    ['bad MGP', 'v=1&mgp=1', 'mgp'],
    ['bad view', 'v=1&view=week', 'view'],
    ['bad speed', 'v=1&speed=warp', 'speed'],
    ['negative seed', 'v=1&seed=-1', 'seed'],
    ['fractional seed', 'v=1&seed=1.5', 'seed'],
    ['seed too big', 'v=1&seed=4294967296', 'seed'],
    ['seed in exponent form', 'v=1&seed=1e3', 'seed'],
    ['bad presenter', 'v=1&presenter=yes', 'presenter'],
    ['bad compare flag', 'v=1&cmp=on', 'cmp'],
    ['B without compare', 'v=1&b.d3=0', 'b.d3'],
    ['B with compare off', 'v=1&cmp=0&b.d3=0', 'b.d3'],
    ['unknown B key', 'v=1&cmp=1&b.colour=red', 'b.colour'],
    ['unknown scene', 'v=1&scene=no-such-scene', 'no-such-scene'],
    ['scene not a slug', 'v=1&scene=..%2F..%2Fetc', 'scene'],
    ['scene with capitals', 'v=1&scene=K2', 'scene'],
    ['negative step', 'v=1&scene=k2&step=-1', 'step'],
    ['fractional step', 'v=1&scene=k2&step=1.5', 'step'],
    ['step in words', 'v=1&scene=k2&step=two', 'step'],
    ['step too large', 'v=1&scene=k2&step=100000', 'step'],
    ['step without scene', 'v=1&step=2', 'step'],
    ['repeated key', 'v=1&ca=500&ca=600', 'ca'],
    ['__proto__ key', 'v=1&__proto__=1', '__proto__'],
    ['__proto__ object key', 'v=1&__proto__[polluted]=1', '__proto__'],
    ['constructor key', 'v=1&constructor=1', 'constructor'],
    ['prototype path', 'v=1&constructor.prototype.polluted=1', 'constructor'],
    ['inherited name', 'v=1&toString=1&hasOwnProperty=1', 'toString'],
    ['B __proto__', 'v=1&cmp=1&b.__proto__=1', 'b.__proto__'],
    ['broken escape', 'v=1&ca=%E0%A4%A', 'valid link text'],
    ['bare percent', 'v=1&%=1', 'valid link text'],
    ['bad escape in key', 'v=1&c%zz=1', 'valid link text'],
    ['unknown version', 'v=2&ca=500', 'v=2'],
    ['garbage version', 'v=one', 'v=one'],
    ['too long', `v=1&ca=${'1'.repeat(MAX_HASH_LENGTH)}`, 'characters long'],
    ['control characters', 'v=1&view=%00%1B%5B31m', 'view'],
  ];

  it.each(cases)('%s yields a problem and never throws', (_what, hash, mentions) => {
    let result: ReturnType<typeof decodeState> | undefined;
    expect(() => {
      result = decode(hash);
    }).not.toThrow();
    expect(result?.problems.length).toBeGreaterThanOrEqual(1);
    expect(result?.problems.join(' ')).toContain(mentions);
    for (const sentence of result?.problems ?? []) {
      expect(sentence).not.toMatch(/⟦|undefined|\[object/);
      expect(sentence.length).toBeLessThan(240);
      // Control characters from the link never reach the sentence.
      expect([...sentence].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f')).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('drops a repeated key but keeps its first value', () => {
    const { state, problems } = decode('v=1&ca=500&ca=600');
    expect(state.inputs).toEqual({ calciumMgPerDay: 500 });
    expect(problems).toEqual(['Ignored ca=600: ca appears more than once, and the first one is used']);
  });

  it('reads nothing from a hash of an unknown version or one that is too long', () => {
    expect(decode('v=2&ca=500').state).toEqual({});
    expect(decode(`v=1&ca=500&x=${'y'.repeat(MAX_HASH_LENGTH)}`).state).toEqual({});
  });

  it('turns compare off explicitly with cmp=0', () => {
    expect(decode('v=1&cmp=0')).toEqual({ state: { compare: null }, problems: [], shared: true });
  });

  it('accepts any scene id in slug form when no list of scenes is given', () => {
    expect(decodeState('v=1&scene=made-up&step=3').state).toEqual({ scene: { id: 'made-up', step: 3 } });
  });

  it('drops the step with an unknown scene, and keeps the scene with a bad step at step 0', () => {
    expect(decode('v=1&scene=nope&step=2').state).toEqual({});
    expect(decode('v=1&scene=k2&step=x').state).toEqual({ scene: { id: 'k2', step: 0 } });
  });

  it('caps the number of problems and counts the rest', () => {
    const hash = Array.from({ length: 40 }, (_, i) => `junk${i}=1`).join('&');
    const { problems } = decode(hash);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)).toContain(String(40 - MAX_PROBLEMS));
  });

  it('never throws on random garbage and never lets an invalid value through', () => {
    const prng = createPrng(7);
    const alphabet = [
      'v',
      '=',
      '&',
      '#',
      '%',
      '1',
      '0',
      '.',
      'e',
      '-',
      'b.',
      'ca',
      'd3',
      'age',
      'scene',
      'step',
      'cmp',
      'seed',
      '%E0',
      '%41',
      '__proto__',
      'é',
      '😀',
      '\u0000',
      ' ',
      '+',
      'NaN',
      'k2',
    ];
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(prng.next() * 30);
      let hash = '';
      for (let j = 0; j < length; j++) hash += pick(prng, alphabet);
      const { state } = decode(hash);
      checkValid(state);
    }
  });

  it('does not fail on a value that is not a string at all', () => {
    expect(() => decodeState(undefined as unknown as string)).not.toThrow();
    expect(() => decodeState(42 as unknown as string)).not.toThrow();
  });
});

/** Everything a decoded state holds would be accepted by the app. */
function checkValid(state: DecodedState): void {
  for (const inputs of [state.inputs, state.compare]) {
    if (!inputs) continue;
    expect(validateInputPatch(inputs).problems).toEqual([]);
    for (const value of Object.values(inputs)) expect(Object.is(value, -0)).toBe(false);
  }
  if (state.view !== undefined) expect(['day', 'years']).toContain(state.view);
  if (state.speed !== undefined) expect(['slow', 'normal', 'fast']).toContain(state.speed);
  if (state.seed !== undefined) expect(Number.isInteger(state.seed) && state.seed >= 0).toBe(true);
  if (state.scene) {
    expect(SCENE_IDS).toContain(state.scene.id);
    expect(Number.isInteger(state.scene.step) && state.scene.step >= 0).toBe(true);
  }
  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
}
