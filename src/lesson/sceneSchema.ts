/**
 * The scene file format (scenes/*.json), as a valibot schema. A scene is a guided lesson: a starting setup (the
 * preset) and ordered steps — predict (the class commits to an answer before the reveal), observe (the sim runs
 * for a span with regions highlighted) and explain (a short causal text with an evidence badge).
 * The same schema checks presets (scenes/presets.json) and anything loaded at run time (share links, embeds).
 * docs/scenes.md describes the format for teachers; keep the two in step.
 */
import * as v from 'valibot';
import { INPUT_RANGES, type NumericInput } from '../model/inputs';
import { MECHANISM_KEYS } from '../ui/content/mechanismKeys';

/** Regions a step may highlight: the body-map regions (src/render/layout.ts). */
export const SCENE_REGIONS = ['gut', 'blood', 'bone', 'artery', 'kidney', 'urine', 'faeces'] as const;

/** Longest observe spans: two simulated weeks in the day view, a whole adult life in the years view. */
export const MAX_OBSERVE_MINUTES = 14 * 1440;
export const MAX_OBSERVE_YEARS = 72;

const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "no-vitamin-d"'),
);

/** Text per language: English is required (it is the fallback), other BCP 47 tags ("es", "zh-Hans") optional. */
export const LocalTextSchema = v.pipe(
  v.objectWithRest(
    { en: v.string('needs English text: { "en": "…" }') },
    v.string('must be text'),
    'must be text per language, at least English: { "en": "…" }',
  ),
  v.check((text) => Object.values(text).every((value) => value.trim().length > 0), 'text must not be empty'),
  v.check(
    (text) => Object.keys(text).every((tag) => /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag)),
    'language keys must be language tags such as "en", "es" or "zh-Hans"',
  ),
);

const numberIn = (field: NumericInput) => {
  const { min, max, unit } = INPUT_RANGES[field];
  return v.pipe(
    v.number(`must be a number (${unit})`),
    v.finite(`must be a finite number (${unit})`),
    v.minValue(min, `must be at least ${min} ${unit}`),
    v.maxValue(max, `must be at most ${max} ${unit}`),
  );
};

/** Any subset of the intake scenario, each value in the range the sliders allow. */
export const InputsPatchSchema = v.strictObject(
  {
    calciumMgPerDay: v.optional(numberIn('calciumMgPerDay')),
    d3IuPerDay: v.optional(numberIn('d3IuPerDay')),
    k2UgPerDay: v.optional(numberIn('k2UgPerDay')),
    k2Form: v.optional(v.picklist(['mk7', 'mk4'], 'must be "mk7" or "mk4"')),
    k1UgPerDay: v.optional(numberIn('k1UgPerDay')),
    warfarin: v.optional(v.boolean('must be true or false')),
    ageYears: v.optional(numberIn('ageYears')),
    sex: v.optional(v.picklist(['female', 'male'], 'must be "female" or "male"')),
    mgpAbsent: v.optional(v.boolean('must be true or false')),
  },
  'is not an input name (calciumMgPerDay, d3IuPerDay, k2UgPerDay, k2Form, k1UgPerDay, warfarin, ageYears, sex, mgpAbsent)',
);

const ViewSchema = v.picklist(['day', 'years'], 'must be "day" or "years"');
const SpeedSchema = v.picklist(['slow', 'normal', 'fast'], 'must be "slow", "normal" or "fast"');
const SeedSchema = v.pipe(
  v.number('must be a whole number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must be 0 or more'),
  v.maxValue(0xffffffff, 'must be at most 4294967295'),
);

/** Where a scene starts. `compare` turns on side-by-side compare: B is A's inputs with this patch applied. */
export const PresetSchema = v.strictObject({
  inputs: v.optional(InputsPatchSchema),
  view: v.optional(ViewSchema),
  seed: v.optional(SeedSchema),
  speed: v.optional(SpeedSchema),
  compare: v.optional(InputsPatchSchema),
});

/** Changes a step makes on entry, applied on top of the preset and earlier steps. */
const stepChanges = {
  /** Inputs to change (condition A). */
  set: v.optional(InputsPatchSchema),
  view: v.optional(ViewSchema),
  /** Start or change compare (B = A's inputs with this patch), or `false` to end it. */
  compare: v.optional(v.union([InputsPatchSchema, v.literal(false)], 'must be a set of inputs or false')),
  highlight: v.optional(
    v.array(v.picklist(SCENE_REGIONS, `must be one of ${SCENE_REGIONS.join(', ')}`), 'must be a list of regions'),
  ),
};

const ChoiceSchema = v.strictObject({ id: slug, text: LocalTextSchema });

const PredictStepSchema = v.pipe(
  v.strictObject({
    kind: v.literal('predict'),
    question: LocalTextSchema,
    choices: v.pipe(
      v.array(ChoiceSchema),
      v.minLength(2, 'needs at least 2 choices'),
      v.maxLength(6, 'has more than 6 choices'),
    ),
    /** The choice the model bears out (its id). */
    answer: slug,
    /** Shown on reveal: why the model gives that answer, in a sentence or two. */
    reveal: LocalTextSchema,
    ...stepChanges,
  }),
  v.forward(
    v.check((step) => step.choices.some((c) => c.id === step.answer), 'must be the id of one of the choices'),
    ['answer'],
  ),
  v.forward(
    v.check((step) => new Set(step.choices.map((c) => c.id)).size === step.choices.length, 'ids must be unique'),
    ['choices'],
  ),
);

const runSpan = (unit: string, max: number) =>
  v.pipe(
    v.number(`must be a number of ${unit}`),
    v.integer(`must be whole ${unit}`),
    v.minValue(1, `must be at least 1`),
    v.maxValue(max, `must be at most ${max} ${unit}`),
  );

/** How long an observe step runs: simulated minutes or days (day view) or years (years view); exactly one. */
const RunSchema = v.pipe(
  v.strictObject({
    minutes: v.optional(runSpan('minutes', MAX_OBSERVE_MINUTES)),
    days: v.optional(runSpan('days', MAX_OBSERVE_MINUTES / 1440)),
    years: v.optional(runSpan('years', MAX_OBSERVE_YEARS)),
  }),
  v.check(
    (run) => [run.minutes, run.days, run.years].filter((x) => x !== undefined).length === 1,
    'must give exactly one of minutes, days or years',
  ),
);

const ObserveStepSchema = v.strictObject({
  kind: v.literal('observe'),
  /** What to watch for while it runs. */
  prompt: LocalTextSchema,
  run: RunSchema,
  ...stepChanges,
});

const ExplainStepSchema = v.strictObject({
  kind: v.literal('explain'),
  text: LocalTextSchema,
  /** The mechanism whose evidence badge goes with the text (src/ui/content/evidence.ts). */
  evidence: v.picklist(MECHANISM_KEYS, `must be one of ${MECHANISM_KEYS.join(', ')}`),
  ...stepChanges,
});

const StepSchema = v.variant(
  'kind',
  [PredictStepSchema, ObserveStepSchema, ExplainStepSchema],
  'kind must be "predict", "observe" or "explain"',
);

/** Checked field by field here; that each observe span suits its view is checked per step in validateScene.ts. */
export const SceneSchema = v.pipe(
  v.strictObject({
    /** Must match the file name without ".json". */
    id: slug,
    /** Position in the scene picker (and the 1–9 keys); ties sort by id. */
    order: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0)),
    title: LocalTextSchema,
    summary: LocalTextSchema,
    preset: PresetSchema,
    steps: v.pipe(
      v.array(StepSchema),
      v.minLength(1, 'needs at least one step'),
      v.maxLength(30, 'has more than 30 steps'),
    ),
  }),
);

export const PresetListSchema = v.pipe(
  v.array(
    v.strictObject({
      id: slug,
      title: LocalTextSchema,
      description: LocalTextSchema,
      preset: PresetSchema,
    }),
  ),
  v.check((list) => new Set(list.map((p) => p.id)).size === list.length, 'preset ids must be unique'),
);

export type LocalText = v.InferOutput<typeof LocalTextSchema>;
export type InputsPatch = v.InferOutput<typeof InputsPatchSchema>;
export type Preset = v.InferOutput<typeof PresetSchema>;
export type Scene = v.InferOutput<typeof SceneSchema>;
export type SceneStep = Scene['steps'][number];
export type PredictStep = Extract<SceneStep, { kind: 'predict' }>;
export type ObserveStep = Extract<SceneStep, { kind: 'observe' }>;
export type ExplainStep = Extract<SceneStep, { kind: 'explain' }>;
export type NamedPreset = v.InferOutput<typeof PresetListSchema>[number];
export type SceneRegion = (typeof SCENE_REGIONS)[number];

/**
 * The first observe step whose span does not suit the view it runs in (minutes/days need the day view, years the
 * years view), as "steps[i]"; null when all match. The view carries over from the preset and earlier steps.
 */
export function observeSpansMatchViews(scene: {
  preset: { view?: 'day' | 'years' };
  steps: readonly { kind: string; view?: 'day' | 'years'; run?: { years?: number } }[];
}): string | null {
  let view = scene.preset.view ?? 'day';
  for (const [i, step] of scene.steps.entries()) {
    view = step.view ?? view;
    if (step.kind !== 'observe' || !step.run) continue;
    const inYears = step.run.years !== undefined;
    if (inYears !== (view === 'years')) return `steps[${i}]`;
  }
  return null;
}
