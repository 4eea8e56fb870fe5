/**
 * The lesson scenes in scenes/: they load through the same checker the build uses, the required topics are there,
 * every prediction's answer (and the numbers its reveal quotes) is what the model actually gives, the wording rules
 * hold, and a broken file is reported as "file: field: problem".
 *
 * A model change that contradicts a scene fails here: update the scene's answer or reveal, not the check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { configAt, type StepConfig } from '../../src/lesson/sceneConfig';
import type { Scene, SceneStep } from '../../src/lesson/sceneSchema';
import { loadSceneLibrary } from '../../src/lesson/scenesPlugin';
import type { Inputs } from '../../src/model/inputs';
import { type SimulationResult, simulate } from '../../src/model/simulate';
import type { YearPoint } from '../../src/model/years';

const SCENES_DIR = fileURLToPath(new URL('../../scenes', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const library = loadSceneLibrary(SCENES_DIR, ROOT);
const scenes = library.scenes;

// --- Model helpers (cached: several checks share a run) ----------------------------------------------------------

const cache = new Map<string, SimulationResult>();

/** One typical day at steady state for the habit, on the integrator (what a freshly started compare shows). */
function day(inputs: Inputs): SimulationResult {
  const key = `day:${JSON.stringify(inputs)}`;
  let result = cache.get(key);
  if (!result) {
    result = simulate({ inputs, days: 1, mode: 'ode' });
    cache.set(key, result);
  }
  return result;
}

/** A life course of `years` years from the inputs' age (the years view). */
function life(inputs: Inputs, years: number): readonly YearPoint[] {
  const key = `years:${years}:${JSON.stringify(inputs)}`;
  let result = cache.get(key);
  if (!result) {
    result = simulate({ inputs, years, mode: 'ode' });
    cache.set(key, result);
  }
  return result.yearsSeries ?? [];
}

/** The ageing scene's three observations together: 45 to 80 (10 + 15 + 10 years), run once per condition. */
const AGEING_YEARS = 35;

const at = (series: readonly YearPoint[], year: number): YearPoint => {
  const point = series[year - 1];
  if (!point) throw new Error(`no year ${year} in the series`);
  return point;
};

const pct = (fraction: number): string => `${Math.round(100 * fraction)}%`;
const mg = (value: number): string => `${Math.round(value)} mg`;
const round10 = (value: number): string => String(Math.round(value / 10) * 10);
const fixed = (value: number, digits: number): string => value.toFixed(digits);
const share = (r: SimulationResult): number => r.fractionalAbsorption;
const mgp = (r: SimulationResult): number => r.carboxylatedFraction.mgp;
const boneNetOut = (r: SimulationResult): number => r.totalsMg.boneOut - r.totalsMg.boneIn;
/** Within `tolerance` (relative) of each other. */
const near = (x: number, y: number, tolerance: number): boolean => Math.abs(x - y) <= tolerance * Math.abs(y);

// --- What each prediction is checked against ---------------------------------------------------------------------

interface Setup {
  readonly scene: Scene;
  /** The setup the class watches for this prediction: the next observe step's A (and B, if comparing). */
  readonly a: Inputs;
  readonly b: Inputs;
  /** The setup at any step of the scene. */
  readonly configAt: (index: number) => StepConfig;
}

interface Verdict {
  /** The choice id the model bears out. */
  readonly answer: string;
  /** Numbers (as written) that the reveal must contain. */
  readonly says?: readonly string[];
}

/** Condition B, which every compare prediction needs. */
function b(config: StepConfig): Inputs {
  if (!config.compare) throw new Error('this check needs compare mode at its observe step');
  return config.compare;
}

/**
 * The check for each prediction, keyed "scene-id#step-index". Each computes the choice the model supports from
 * `simulate` and lists numbers its reveal quotes. A scene with a predict step missing here fails the coverage test.
 */
const PREDICT_CHECKS: Readonly<Record<string, (s: Setup) => Verdict>> = {
  'meet-the-players#5': ({ a }) => {
    const { min, max } = day(a).serumCalciumMmolL;
    const answer = max - min < 0.1 && min >= 2.2 && max <= 2.6 ? 'almost-level' : max - min < 0.1 ? 'falls' : 'climbs';
    return { answer, says: [`${fixed(min, 2)} to ${fixed(max, 2)} mmol/L`] };
  },

  'calcium-in-the-diet#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer = share(rb) > share(ra) + 0.02 ? 'higher' : share(rb) < share(ra) - 0.02 ? 'lower' : 'same';
    return {
      answer,
      says: [pct(share(rb)), pct(share(ra)), `${round10(rb.totalsMg.absorbed)} mg`, mg(ra.totalsMg.absorbed)],
    };
  },
  'calcium-in-the-diet#3': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const kidneyKeepsMore = rb.totalsMg.urine < 0.8 * ra.totalsMg.urine;
    const boneGivesMore = boneNetOut(rb) > boneNetOut(ra) + 10;
    const answer =
      rb.serumStatus === 'low' ? 'blood-falls' : kidneyKeepsMore && boneGivesMore ? 'kidney-and-bone' : 'unclear';
    return {
      answer,
      says: [
        `${fixed(rb.pthRelative, 2)} times normal`,
        `${Math.round(ra.totalsMg.urine)} to ${Math.round(rb.totalsMg.urine)} mg`,
        mg(rb.totalsMg.boneOut),
        `taking in ${Math.round(rb.totalsMg.boneIn)}`,
        `${fixed(rb.serumCalciumMmolL.mean, 2)} mmol/L`,
      ],
    };
  },
  'calcium-in-the-diet#6': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const ratio = rb.totalsMg.artery / ra.totalsMg.artery;
    const answer = ratio > 1.5 ? 'much-more' : ratio < 0.8 ? 'less' : 'about-same';
    return {
      answer,
      says: [
        `${fixed(ra.totalsMg.artery, 3)} mg`,
        fixed(rb.totalsMg.artery, 3) === fixed(ra.totalsMg.artery, 3) ? 'in both' : 'B differs',
        `${fixed(rb.serumCalciumMmolL.mean, 2)} against ${fixed(ra.serumCalciumMmolL.mean, 2)} mmol/L`,
      ],
    };
  },

  'no-vitamin-d#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer = share(rb) < share(ra) - 0.02 ? 'falls' : share(rb) > share(ra) + 0.02 ? 'rises' : 'same';
    return {
      answer,
      says: [
        `from about ${pct(share(ra))} to about ${pct(share(rb))}`,
        `${mg(rb.totalsMg.absorbed)} absorbed a day instead of ${mg(ra.totalsMg.absorbed)}`,
        `${Math.round(rb.vitaminD.d25NmolL)} nmol/L`,
        rb.vitaminD.status,
      ],
    };
  },
  'no-vitamin-d#3': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer = { low: 'below-normal', normal: 'stays-normal', high: 'rises' }[rb.serumStatus];
    return {
      answer,
      says: [
        `${fixed(rb.serumCalciumMmolL.mean, 2)} mmol/L against ${fixed(ra.serumCalciumMmolL.mean, 2)}`,
        `${fixed(rb.pthRelative, 1)} times normal`,
        `from ${Math.round(ra.totalsMg.urine)} to about ${round10(rb.totalsMg.urine)} mg`,
        `about ${round10(boneNetOut(rb))} mg more`,
      ],
    };
  },
  'no-vitamin-d#6': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const gap = share(rb) - share(ra);
    const answer = gap < -0.03 ? 'still-low' : gap > 0.03 ? 'above-a' : 'near-a';
    return {
      answer,
      says: [
        `${pct(share(rb))} against ${pct(share(ra))}`,
        `${Math.round(rb.vitaminD.d25NmolL)} nmol/L`,
        rb.vitaminD.status,
      ],
    };
  },

  'too-much-vitamin-d#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const ratio = share(rb) / share(ra);
    const answer = ratio > 3 ? 'four-times' : ratio > 1 && ratio < 1.5 ? 'a-little-higher' : ratio <= 1 ? 'lower' : '';
    return {
      answer,
      says: [
        `${pct(share(rb))} against ${pct(share(ra))}`,
        `${fixed(100 * (share(rb) - share(ra)), 1)} percentage points`,
      ],
    };
  },
  'too-much-vitamin-d#3': ({ b }) => {
    const rb = day(b);
    const { mean, min, max } = rb.serumCalciumMmolL;
    const answer = { low: 'below-normal', normal: 'stays-normal', high: 'above-normal' }[rb.serumStatus];
    return {
      answer,
      says: [
        `${fixed(mean, 2)} mmol/L (${fixed(min, 2)} to ${fixed(max, 2)})`,
        `about ${Math.round(rb.vitaminD.d25NmolL / 50) * 50} nmol/L`,
      ],
    };
  },
  'too-much-vitamin-d#6': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const net = boneNetOut(rb);
    const answer = net > 50 ? 'loses' : net < -50 ? 'gains' : 'balanced';
    expect(rb.totalsMg.urine / ra.totalsMg.urine).toBeGreaterThan(3); // "more than triples"
    return {
      answer,
      says: [
        `${round10(rb.totalsMg.boneOut)} mg out and ${Math.round(rb.totalsMg.boneIn)} mg in`,
        `${round10(rb.totalsMg.urine)} mg against ${Math.round(ra.totalsMg.urine)}`,
      ],
    };
  },

  'vitamin-k-forms#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer = mgp(rb) > mgp(ra) + 0.05 ? 'b-mk7' : mgp(ra) > mgp(rb) + 0.05 ? 'a-k1' : 'same';
    const none = day({ ...a, k1UgPerDay: 0, k2UgPerDay: 0 });
    return { answer, says: [pct(mgp(rb)), `${pct(mgp(ra))} for A`, `${pct(mgp(none))} with no vitamin K`] };
  },
  'vitamin-k-forms#3': ({ a, b, configAt }) => {
    const mk4 = day(b);
    const earlier = configAt(1).compare;
    if (earlier?.k2Form !== 'mk7') throw new Error('step 1 should compare with MK-7');
    const mk7 = day(earlier);
    const answer = mgp(mk4) < mgp(mk7) - 0.05 ? 'lower' : mgp(mk4) > mgp(mk7) + 0.05 ? 'higher' : 'same';
    return { answer, says: [pct(mgp(mk4)), `${pct(mgp(mk7))} with MK-7`, `${pct(mgp(day(a)))} with K1`] };
  },
  'vitamin-k-forms#6': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    expect(mgp(rb)).toBeGreaterThan(mgp(ra) + 0.2); // the premise: "switched on far more"
    const answer = near(rb.totalsMg.boneIn, ra.totalsMg.boneIn, 0.02)
      ? 'same'
      : rb.totalsMg.boneIn > ra.totalsMg.boneIn
        ? 'more'
        : 'less';
    // "absorption and urine match to the milligram"
    expect(Math.round(rb.totalsMg.absorbed)).toBe(Math.round(ra.totalsMg.absorbed));
    expect(Math.round(rb.totalsMg.urine)).toBe(Math.round(ra.totalsMg.urine));
    return { answer, says: [`${round10(rb.totalsMg.boneIn)} mg into bone`] };
  },

  'foods-on-the-plate#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const ratio = rb.totalsMg.absorbed / ra.totalsMg.absorbed;
    const answer = ratio > 1.8 ? 'double' : ratio > 1.1 ? 'more-not-double' : 'same';
    return {
      answer,
      says: [
        `${round10(rb.totalsMg.absorbed)} mg against ${mg(ra.totalsMg.absorbed)}`,
        `from about ${pct(share(ra))} to about ${pct(share(rb))}`,
      ],
    };
  },
  'foods-on-the-plate#3': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer = near(rb.totalsMg.boneIn, ra.totalsMg.boneIn, 0.02)
      ? 'same'
      : rb.totalsMg.boneIn > ra.totalsMg.boneIn
        ? 'much-more'
        : 'less';
    return {
      answer,
      says: [`${round10(rb.totalsMg.boneIn)} mg in both`, `${pct(mgp(ra))} for A`, `${pct(mgp(rb))} for B`],
    };
  },
  'foods-on-the-plate#6': ({ a, b, configAt }) => {
    const greens = day(b);
    const nattoInputs = configAt(4).compare;
    if (!nattoInputs) throw new Error('step 4 should compare with the natto diet');
    const natto = day(nattoInputs);
    const answer =
      mgp(greens) < mgp(natto) - 0.05 ? 'below-natto' : mgp(greens) > mgp(natto) + 0.05 ? 'above-natto' : 'like-natto';
    return {
      answer,
      says: [pct(mgp(greens)), `${pct(mgp(natto))} with natto`, `${pct(mgp(day(a)))} for A`],
    };
  },

  'warfarin#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer = mgp(rb) < mgp(ra) - 0.05 ? 'falls' : mgp(rb) > mgp(ra) + 0.05 ? 'rises' : 'same';
    return { answer, says: [`from about ${pct(mgp(ra))} to about ${pct(mgp(rb))}`] };
  },
  'warfarin#3': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const same =
      near(share(rb), share(ra), 0.01) &&
      near(rb.totalsMg.boneIn, ra.totalsMg.boneIn, 0.01) &&
      near(rb.totalsMg.absorbed, ra.totalsMg.absorbed, 0.01);
    const answer = same ? 'no-change' : rb.totalsMg.absorbed < ra.totalsMg.absorbed ? 'less' : 'more';
    return { answer, says: [`${pct(share(ra))} absorbed`, `${round10(ra.totalsMg.boneIn)} mg into bone`] };
  },
  'warfarin#6': ({ a, b }) => {
    const [la, lb] = [at(life(a, 20), 20), at(life(b, 20), 20)];
    const ratio = lb.arteryMg / la.arteryMg;
    const answer = ratio > 30 ? 'hundred-times' : ratio > 1.5 && ratio < 3 ? 'about-double' : ratio < 1.2 ? 'same' : '';
    expect(la.ageYears).toBe(60);
    return { answer, says: [`${round10(lb.arteryMg)} mg against ${round10(la.arteryMg)} mg at 60`] };
  },

  'ageing-and-menopause#0': ({ a, b }) => {
    const [la, lb] = [at(life(a, AGEING_YEARS), 10), at(life(b, AGEING_YEARS), 10)];
    expect(la.ageYears).toBe(55);
    const woman = a.sex === 'female' ? la : lb;
    const man = a.sex === 'female' ? lb : la;
    const gap = man.bonePercentOfStart - woman.bonePercentOfStart;
    const answer = gap > 1 ? 'woman' : gap < -1 ? 'man' : 'same';
    return {
      answer,
      says: [`${pct(woman.bonePercentOfStart / 100)} of her`, `man about ${pct(man.bonePercentOfStart / 100)}`],
    };
  },
  'ageing-and-menopause#3': ({ a, b }) => {
    const rates = [a, b].map((inputs) => {
      const series = life(inputs, AGEING_YEARS);
      const first = at(series, 10).arteryMg / 10; // 45 to 55, per year
      const next = (at(series, 25).arteryMg - at(series, 10).arteryMg) / 15; // 55 to 70, per year
      return { first, next };
    });
    // The question's premise: "about 2 to 3 mg a year" from 45 to 55.
    for (const { first } of rates) expect(first >= 2 && first <= 3).toBe(true);
    // The reveal: "about 5 to 6 mg a year, in both A and B".
    for (const { next } of rates) expect(next >= 5 && next <= 6).toBe(true);
    const faster = rates.every(({ first, next }) => next > 1.2 * first);
    const slower = rates.every(({ first, next }) => next < 0.8 * first);
    return { answer: faster ? 'faster' : slower ? 'slower' : 'same-rate' };
  },
  'ageing-and-menopause#6': ({ a, b }) => {
    const [sa, sb] = [life(a, AGEING_YEARS), life(b, AGEING_YEARS)];
    expect(at(sa, 35).ageYears).toBe(80);
    expect(at(sa, 25).bonePercentOfStart).toBeLessThan(85); // "about a fifth" lost by 70
    expect(at(sa, 25).bonePercentOfStart).toBeGreaterThan(75);
    const serum = sa.slice(25, 35).map((p) => p.serumCalciumMmolL);
    const [min, max] = [Math.min(...serum), Math.max(...serum)];
    const answer = min < 2.2 ? 'fall' : max > 2.6 ? 'rise' : 'stay-normal';
    const range = fixed(min, 2) === fixed(max, 2) ? fixed(min, 2) : `${fixed(min, 2)} to ${fixed(max, 2)}`;
    return {
      answer,
      says: [
        `about ${range} mmol/L`,
        `${pct(at(sa, 35).bonePercentOfStart / 100)} of the start by 80`,
        `man's to about ${pct(at(sb, 35).bonePercentOfStart / 100)}`,
      ],
    };
  },

  'mgp-missing#0': ({ a, b }) => {
    const [ra, rb] = [day(a), day(b)];
    const answer =
      rb.serumCalciumMmolL.mean > ra.serumCalciumMmolL.mean + 0.02
        ? 'higher'
        : rb.serumCalciumMmolL.mean < ra.serumCalciumMmolL.mean - 0.02
          ? 'lower'
          : 'same';
    // "identical absorption, urine and bone flows"; "some thirteen times more" in the artery wall.
    for (const key of ['absorbed', 'urine', 'boneIn', 'boneOut'] as const) {
      expect(Math.round(rb.totalsMg[key])).toBe(Math.round(ra.totalsMg[key]));
    }
    const ratio = rb.totalsMg.artery / ra.totalsMg.artery;
    expect(ratio > 11 && ratio < 15).toBe(true);
    return {
      answer,
      says: [
        `${fixed(rb.serumCalciumMmolL.mean, 2)} mmol/L in both`,
        `${fixed(rb.totalsMg.artery, 2)} mg of mineral a day against ${fixed(ra.totalsMg.artery, 3)} mg`,
      ],
    };
  },
  'mgp-missing#3': ({ a, b }) => {
    const [la, lb] = [at(life(a, 10), 10), at(life(b, 10), 10)];
    expect(la.ageYears).toBe(30);
    const ratio = lb.arteryMg / la.arteryMg;
    const answer = ratio > 10 ? 'over-ten-times' : ratio > 1.5 ? 'few-times' : 'same';
    return { answer, says: [`${Math.round(lb.arteryMg)} mg against about ${Math.round(la.arteryMg)} mg at 30`] };
  },
  'mgp-missing#6': ({ a, b }) => {
    expect(a.mgpAbsent).toBe(false);
    expect(b.mgpAbsent).toBe(false);
    const [la, lb] = [at(life(a, 10), 10), at(life(b, 10), 10)];
    const drop = 1 - lb.arteryMg / la.arteryMg;
    const answer = drop > 0.5 ? 'much-lower' : drop > 0.02 ? 'a-little-lower' : drop < 0 ? 'higher' : '';
    return { answer, says: [`${fixed(lb.arteryMg, 1)} mg against ${fixed(la.arteryMg, 1)} mg`, `${pct(drop)} less`] };
  },
};

/** Numbers quoted in explain texts and questions, checked against the model the same way. */
const TEXT_CHECKS: Readonly<Record<string, (s: Setup) => readonly string[]>> = {
  'no-vitamin-d#2': ({ scene }) => {
    const b = configAt(scene, 1).compare;
    if (!b) throw new Error('no-vitamin-d step 1 should compare');
    return [`about ${fixed(day(b).calcitriolRelative, 1)} times normal`];
  },
  'too-much-vitamin-d#5': ({ scene }) => {
    const r = day(b(configAt(scene, 4)));
    return [`(${fixed(r.pthRelative, 2)} times normal)`, `absorbs ${pct(share(r))}`];
  },
  'too-much-vitamin-d#8': ({ scene }) => {
    const config = configAt(scene, 7);
    const ratio = day(b(config)).totalsMg.artery / day(config.inputs).totalsMg.artery;
    expect(ratio > 8 && ratio < 10).toBe(true);
    return ['about nine times faster'];
  },
  'ageing-and-menopause#2': ({ scene }) => {
    // "In the years after, about 1 to 2% of the skeleton is lost each year" (menopause at 51; ages 51 to 55).
    const series = life(configAt(scene, 1).inputs, AGEING_YEARS);
    const perYear = (at(series, 6).bonePercentOfStart - at(series, 10).bonePercentOfStart) / 4;
    expect(perYear >= 1 && perYear <= 2).toBe(true);
    return ['1 to 2%'];
  },
  'calcium-in-the-diet#8': ({ scene }) => {
    // "extra calcium mostly leaves in faeces and urine"
    const config = configAt(scene, 7);
    const [ra, rb] = [day(config.inputs), day(b(config))];
    const extra = rb.totalsMg.eaten - ra.totalsMg.eaten;
    const leaves = rb.totalsMg.faeces + rb.totalsMg.urine - ra.totalsMg.faeces - ra.totalsMg.urine;
    expect(leaves / extra).toBeGreaterThan(0.9);
    return ['faeces and urine'];
  },
  'foods-on-the-plate#8': ({ scene }) => {
    // Two eggs: about 88 IU of vitamin D (44 IU each, src/ui/content/foods.ts) raise absorption by < 0.5 points.
    const a = configAt(scene, 8).inputs;
    const gain = share(day({ ...a, d3IuPerDay: a.d3IuPerDay + 88 })) - share(day(a));
    expect(gain > 0 && gain < 0.005).toBe(true);
    return ['88 IU', 'less than half a percentage point', '8 µg of MK-4'];
  },
};

function setupFor(scene: Scene, index: number): Setup {
  const observeIndex = scene.steps.findIndex((step, i) => i > index && step.kind === 'observe');
  const config = configAt(scene, observeIndex < 0 ? index : observeIndex);
  return {
    scene,
    a: config.inputs,
    get b() {
      return b(config);
    },
    configAt: (i: number) => configAt(scene, i),
  };
}

function textOf(step: SceneStep): string {
  if (step.kind === 'predict') return `${step.question.en} ${step.reveal.en}`;
  return step.kind === 'observe' ? step.prompt.en : step.text.en;
}

// --- The library ---------------------------------------------------------------------------------------------------

describe('the scene library in scenes/', () => {
  it('loads through the build-time checker without problems', () => {
    expect(() => loadSceneLibrary(SCENES_DIR, ROOT)).not.toThrow();
    expect(scenes.length).toBeGreaterThanOrEqual(8);
  });

  it('numbers scenes 1..N in picker order', () => {
    expect(scenes.map((s) => s.order)).toEqual(scenes.map((_, i) => i + 1));
    expect(scenes[0]?.id).toBe('meet-the-players');
  });

  it('covers the required topics', () => {
    const ids = scenes.map((s) => s.id);
    for (const id of [
      'meet-the-players',
      'no-vitamin-d',
      'too-much-vitamin-d',
      'warfarin',
      'vitamin-k-forms',
      'foods-on-the-plate',
      'ageing-and-menopause',
      'mgp-missing',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('gives every scene 4-9 steps, and follows every prediction with an observation before the next prediction', () => {
    for (const scene of scenes) {
      expect(scene.steps.length, scene.id).toBeGreaterThanOrEqual(4);
      expect(scene.steps.length, scene.id).toBeLessThanOrEqual(9);
      const kinds = scene.steps.map((s) => s.kind);
      expect(kinds, scene.id).toContain('predict');
      expect(kinds, scene.id).toContain('observe');
      expect(kinds, scene.id).toContain('explain');
      kinds.forEach((kind, i) => {
        if (kind !== 'predict') return;
        const next = kinds.slice(i + 1).find((k) => k !== 'explain');
        expect(next, `${scene.id} step ${i}`).toBe('observe');
      });
    }
  });

  it('uses compare mode in at least three scenes, and the years view in at least two', () => {
    const comparing = scenes.filter((s) => s.preset.compare || s.steps.some((step) => step.compare));
    expect(comparing.length).toBeGreaterThanOrEqual(3);
    const years = scenes.filter((s) => s.preset.view === 'years' || s.steps.some((step) => step.view === 'years'));
    expect(years.length).toBeGreaterThanOrEqual(2);
  });

  it('starts the ageing scene in the years view with a woman of 45 compared with a man', () => {
    const scene = scenes.find((s) => s.id === 'ageing-and-menopause');
    const config = scene && configAt(scene, 0);
    expect(config?.view).toBe('years');
    expect(config?.inputs).toMatchObject({ ageYears: 45, sex: 'female' });
    expect(config?.compare).toMatchObject({ ageYears: 45, sex: 'male' });
  });

  it('runs the MGP case with mgpAbsent on', () => {
    const scene = scenes.find((s) => s.id === 'mgp-missing');
    const configs = scene ? scene.steps.map((_, i) => configAt(scene, i)) : [];
    expect(configs.some((c) => c.compare?.mgpAbsent === true && c.view === 'day')).toBe(true);
    expect(configs.some((c) => c.compare?.mgpAbsent === true && c.view === 'years')).toBe(true);
  });

  it('has 5-7 named presets', () => {
    expect(library.presets.length).toBeGreaterThanOrEqual(5);
    expect(library.presets.length).toBeLessThanOrEqual(7);
  });
});

describe('every prediction is borne out by the model', () => {
  const predicts = scenes.flatMap((scene) =>
    scene.steps.flatMap((step, index) => (step.kind === 'predict' ? [{ scene, step, index }] : [])),
  );

  it('has a check for every predict step, and no check for a step that is not one', () => {
    const keys = predicts.map(({ scene, index }) => `${scene.id}#${index}`);
    expect(Object.keys(PREDICT_CHECKS).sort()).toEqual([...keys].sort());
  });

  for (const { scene, step, index } of predicts) {
    const key = `${scene.id}#${index}`;
    it(`${key}: "${step.answer}"`, () => {
      const check = PREDICT_CHECKS[key];
      if (!check) throw new Error(`no model check for ${key}`);
      const verdict = check(setupFor(scene, index));
      expect(verdict.answer).toBe(step.answer);
      for (const words of verdict.says ?? []) expect(step.reveal.en).toContain(words);
    });
  }

  for (const [key, check] of Object.entries(TEXT_CHECKS)) {
    it(`${key}: the numbers in the text match the model`, () => {
      const [id, index] = key.split('#');
      const scene = scenes.find((s) => s.id === id);
      const step = scene?.steps[Number(index)];
      if (!scene || !step) throw new Error(`no step ${key}`);
      for (const words of check(setupFor(scene, Number(index)))) expect(textOf(step)).toContain(words);
    });
  }
});

describe('wording rules', () => {
  const texts: { where: string; text: string; maxWords?: number }[] = [];
  for (const scene of scenes) {
    texts.push(
      { where: `${scene.id} title`, text: scene.title.en },
      { where: `${scene.id} summary`, text: scene.summary.en },
    );
    scene.steps.forEach((step, i) => {
      const where = `${scene.id} step ${i}`;
      if (step.kind === 'predict') {
        texts.push({ where: `${where} question`, text: step.question.en, maxWords: 25 });
        texts.push({ where: `${where} reveal`, text: step.reveal.en, maxWords: 45 });
        for (const choice of step.choices) texts.push({ where: `${where} choice ${choice.id}`, text: choice.text.en });
      } else if (step.kind === 'observe') {
        texts.push({ where: `${where} prompt`, text: step.prompt.en, maxWords: 30 });
      } else {
        texts.push({ where: `${where} text`, text: step.text.en, maxWords: 45 });
      }
    });
  }
  for (const preset of library.presets) {
    texts.push({ where: `preset ${preset.id}`, text: `${preset.title.en} ${preset.description.en}` });
  }

  it('never says calcium chooses, wants, seeks or is escorted, and gives no dosing advice', () => {
    const banned = /chooses|wants|seeks|escort|should take|recommended dose/i;
    for (const { where, text } of texts) expect(banned.test(text), `${where}: ${text}`).toBe(false);
  });

  it('never makes vitamin K a carrier of calcium (a denial such as "never carries" is fine)', () => {
    const vitaminK = /\b(K2|vitamin K|MK-7|MK-4|K1|natto)\b/i;
    const carrying = /\b(carr(y|ies)|transports?|delivers?|directs?|pulls?|pushes|escorts?|moves? calcium)\b/i;
    const denial = /\b(never|not|none|no)\b|n't\b/i;
    for (const { where, text } of texts) {
      for (const sentence of text.split(/(?<=[.?!])\s+/)) {
        const claims = vitaminK.test(sentence) && carrying.test(sentence) && !denial.test(sentence);
        expect(claims, `${where}: ${sentence}`).toBe(false);
      }
    }
  });

  it('keeps projected texts short', () => {
    for (const { where, text, maxWords } of texts) {
      if (maxWords === undefined) continue;
      expect(text.trim().split(/\s+/).length, `${where}: ${text}`).toBeLessThanOrEqual(maxWords);
    }
  });
});

// --- Broken files ----------------------------------------------------------------------------------------------

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A small valid scene, to break one field at a time. */
function validScene(id: string): Record<string, unknown> {
  return {
    id,
    order: 1,
    title: { en: 'A test scene' },
    summary: { en: 'For the checker.' },
    preset: { view: 'day' },
    steps: [
      {
        kind: 'predict',
        question: { en: 'What happens?' },
        choices: [
          { id: 'up', text: { en: 'Up' } },
          { id: 'down', text: { en: 'Down' } },
        ],
        answer: 'up',
        reveal: { en: 'Up.' },
      },
      { kind: 'observe', prompt: { en: 'Watch.' }, run: { days: 1 } },
      { kind: 'explain', text: { en: 'Because.' }, evidence: 'pthFeedback' },
    ],
  };
}

/** Writes files into a fresh temporary folder and returns the problem lines loadSceneLibrary reports. */
function problemsFor(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'calcium-scenes-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  try {
    loadSceneLibrary(dir, dir);
  } catch (error) {
    const [heading, ...lines] = (error as Error).message.split('\n');
    expect(heading).toBe('Scene files have problems:');
    return lines.map((line) => line.trim());
  }
  return [];
}

function broken(id: string, change: (scene: Record<string, unknown>, steps: Record<string, unknown>[]) => void) {
  const scene = validScene(id);
  change(scene, scene.steps as Record<string, unknown>[]);
  return { [`${id}.json`]: JSON.stringify(scene, null, 2) };
}

describe('broken scene files are reported as "file: field: problem"', () => {
  it('accepts the valid fixture', () => {
    expect(problemsFor({ 'fine.json': JSON.stringify(validScene('fine')) })).toEqual([]);
  });

  it('names an unknown input', () => {
    expect(
      problemsFor(
        broken('unknown-input', (_, steps) => {
          (steps[1] as Record<string, unknown>).set = { vitaminD: 400 };
        }),
      ),
    ).toEqual([
      'unknown-input.json: steps[1].set.vitaminD: is not an input name (calciumMgPerDay, d3IuPerDay, k2UgPerDay, k2Form, k1UgPerDay, warfarin, ageYears, sex, mgpAbsent)',
    ]);
  });

  it('names an out-of-range value with its unit', () => {
    expect(
      problemsFor(
        broken('out-of-range', (scene) => {
          scene.preset = { inputs: { d3IuPerDay: 60000 } };
        }),
      ),
    ).toEqual(['out-of-range.json: preset.inputs.d3IuPerDay: must be at most 50000 IU/day']);
  });

  it('names an answer that is not among the choices', () => {
    expect(
      problemsFor(
        broken('bad-answer', (_, steps) => {
          (steps[0] as Record<string, unknown>).answer = 'sideways';
        }),
      ),
    ).toEqual(['bad-answer.json: steps[0].answer: must be the id of one of the choices']);
  });

  it('names a missing English title', () => {
    const problems = problemsFor(
      broken('no-english', (scene) => {
        scene.title = { es: 'Una escena' };
      }),
    );
    expect(problems).toHaveLength(1);
    // valibot's own wording for a missing key (the schema gives "en" no message of its own).
    expect(problems[0]).toMatch(/^no-english\.json: title\.en: .*"en"/);
  });

  it('names an observe span in the wrong units for its view', () => {
    expect(
      problemsFor(
        broken('wrong-units', (_, steps) => {
          (steps[1] as Record<string, unknown>).run = { years: 5 };
        }),
      ),
    ).toEqual(['wrong-units.json: steps[1].run: must be minutes or days in the day view, years in the years view']);
    expect(
      problemsFor(
        broken('days-in-years', (scene) => {
          scene.preset = { view: 'years' };
        }),
      ),
    ).toEqual(['days-in-years.json: steps[1].run: must be minutes or days in the day view, years in the years view']);
  });

  it('names an id that does not match the file name', () => {
    expect(problemsFor({ 'other-name.json': JSON.stringify(validScene('some-id')) })).toEqual([
      'other-name.json: id: must match the file name ("other-name")',
    ]);
  });

  it('names a file that is not valid JSON', () => {
    const problems = problemsFor({ 'broken.json': '{ "id": "broken", ' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^broken\.json: \(top level\): not valid JSON \(.+\)$/);
  });

  it('lists problems from every file, and checks presets.json too', () => {
    const problems = problemsFor({
      ...broken('first', (_, steps) => {
        (steps[0] as Record<string, unknown>).answer = 'nope';
      }),
      'second.json': '[',
      'presets.json': JSON.stringify([
        { id: 'same', title: { en: 'One' }, description: { en: 'One.' }, preset: {} },
        { id: 'same', title: { en: 'Two' }, description: { en: 'Two.' }, preset: {} },
      ]),
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('first.json: steps[0].answer: must be the id of one of the choices');
    expect(problems[1]).toBe('presets.json: (top level): preset ids must be unique');
    expect(problems[2]).toMatch(/^second\.json: \(top level\): not valid JSON/);
  });
});
