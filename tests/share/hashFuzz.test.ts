/**
 * Adds to tests/share/urlState.test.ts, whose random test throws garbage from an alphabet and checks the state:
 * here real share links (every field set) are damaged the ways links get damaged — cut short by a chat app, a
 * character changed or dropped, a parameter repeated or swapped for another's value, percent-escapes broken,
 * encoded twice — and the problems are checked too: at most MAX_PROBLEMS + 1 sentences, each one line, short,
 * free of control characters and internals; and whatever survives decodes to values the app accepts.
 */
import { describe, expect, it } from 'vitest';
import { validateInputPatch } from '../../src/model/inputs';
import { createPrng, type Prng } from '../../src/model/prng';
import {
  completeState,
  DEFAULT_SHARED_STATE,
  decodeState,
  encodeState,
  MAX_PROBLEMS,
  type SharedState,
} from '../../src/share/urlState';

const SEED = 20260305;
const CASES = 3000;
const SCENE_IDS = ['no-vitamin-d', 'warfarin', 'k2'] as const;

const pick = <T>(prng: Prng, list: readonly T[]): T => list[Math.floor(prng.next() * list.length)] as T;
const int = (prng: Prng, n: number): number => Math.floor(prng.next() * n);

/** A link that sets every field, so each mutation has something to damage. */
function fullLink(prng: Prng): string {
  const state: SharedState = {
    inputs: {
      calciumMgPerDay: int(prng, 3001),
      d3IuPerDay: prng.next() * 50000,
      k2UgPerDay: int(prng, 1001),
      k2Form: 'mk4',
      k1UgPerDay: 1 + int(prng, 1500),
      warfarin: true,
      ageYears: 18 + int(prng, 73),
      sex: 'male',
      mgpAbsent: true,
    },
    view: 'years',
    seed: int(prng, 2 ** 32),
    speed: 'fast',
    scene: { id: pick(prng, SCENE_IDS), step: 1 + int(prng, 20) },
    compare: { ...DEFAULT_SHARED_STATE.inputs, d3IuPerDay: int(prng, 50001), sex: 'male' },
    presenter: true,
  };
  return encodeState(state);
}

function damage(link: string, prng: Prng): string {
  const at = int(prng, link.length + 1);
  const params = link.split('&');
  switch (int(prng, 10)) {
    case 0:
      return link.slice(0, at);
    case 1:
      return link.slice(0, at) + link.slice(at + 1);
    case 2:
      return (
        link.slice(0, at) +
        pick(prng, ['%', '%2', '%G0', '&', '=', '#', ' ', '+', '\u0000', 'é', '😀', '.']) +
        link.slice(at)
      );
    case 3: {
      const i = int(prng, params.length);
      params.splice(i, 0, params[i] ?? 'v=1');
      return params.join('&');
    }
    case 4: {
      // A value moved to another key: "ca=male", "sex=4000".
      const i = int(prng, params.length);
      const j = int(prng, params.length);
      const [ki] = (params[i] ?? '').split('=');
      const [, vj] = (params[j] ?? '').split('=');
      params[i] = `${ki}=${vj ?? ''}`;
      return params.join('&');
    }
    case 5:
      return encodeURIComponent(link);
    case 6:
      return link.toUpperCase();
    case 7:
      return `${link}&${link}`;
    case 8:
      return params.reverse().join('&');
    default:
      return `#${link.replaceAll('=', pick(prng, ['%3D', '==', ':']))}`;
  }
}

describe('damaged share links', () => {
  it(`${CASES} damaged links never throw, keep only valid values and explain the rest in short sentences`, {
    timeout: 30_000,
  }, () => {
    const prng = createPrng(SEED);
    let withProblems = 0;
    for (let c = 0; c < CASES; c++) {
      let hash = fullLink(prng);
      const damages = 1 + int(prng, 3);
      for (let k = 0; k < damages; k++) hash = damage(hash, prng);
      const where = `seed ${SEED}, case ${c}: ${JSON.stringify(hash).slice(0, 200)}`;
      let result: ReturnType<typeof decodeState> | undefined;
      expect(() => {
        result = decodeState(hash, { sceneIds: SCENE_IDS });
      }, where).not.toThrow();
      if (!result) throw new Error(where);
      const { state, problems } = result;

      expect(problems.length, where).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      if (problems.length > 0) withProblems++;
      const bad = problems.filter(
        (sentence) =>
          sentence.length === 0 ||
          sentence.length >= 240 ||
          /⟦|undefined|\[object |NaN$/.test(sentence) ||
          [...sentence].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f'),
      );
      expect(bad, where).toEqual([]);

      for (const inputs of [state.inputs, state.compare]) {
        if (inputs) expect(validateInputPatch(inputs).problems, where).toEqual([]);
      }
      if (state.scene) expect(SCENE_IDS as readonly string[], where).toContain(state.scene.id);
      // What survives can be completed into a whole state and written back as a link that reads cleanly.
      const again = decodeState(encodeState(completeState(state)), { sceneIds: SCENE_IDS });
      expect(again.problems, where).toEqual([]);
      expect(completeState(again.state), where).toEqual(completeState(state));
    }
    expect(withProblems).toBeGreaterThan(CASES / 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
