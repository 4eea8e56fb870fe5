/**
 * Food equivalents shown under the intake sliders ("≈ 3 glasses of milk"). They help a student picture an intake
 * *scenario*; they are never doses to take (SCIENCE.md §5.2). So the phrases carry no advice, and values beyond
 * the intakes studied are said to be so, neutrally, rather than hidden.
 *
 * Every amount cites a source key (docs/sources.md). Food composition varies (natto by batch, eggs by hen feed,
 * cheese by ripening), so every phrase is approximate and counts are rounded to amounts people say aloud.
 */
import { currentLocale, formatNumber, hasKey, t } from '../../i18n';
import { INPUT_RANGES, type K2Form } from '../../model/inputs';
import type { SourceKey } from '../../model/sources';

export type FoodInput = 'calciumMgPerDay' | 'd3IuPerDay' | 'k2UgPerDay' | 'k1UgPerDay';

export const FOOD_INPUTS: readonly FoodInput[] = Object.freeze([
  'calciumMgPerDay',
  'd3IuPerDay',
  'k2UgPerDay',
  'k1UgPerDay',
]);

/**
 * How a count is rounded. 'fraction': quarters below 1, halves below 3, whole numbers above (nobody pictures
 * "2¾ glasses"). 'whole': things eaten whole, such as eggs.
 */
export type ServingStep = 'fraction' | 'whole';

export interface FoodReference {
  /** Names the food in string keys: food.<group>.<key>.one|other. */
  readonly key: string;
  readonly input: FoodInput;
  /** K2 foods only: the form of K2 the food supplies. */
  readonly k2Form?: K2Form;
  /** Nutrient in one counted unit, in the slider's unit (mg, IU or µg). */
  readonly perUnit: number;
  /** What one counted unit is, for maintainers and the sources panel (English, not shown as a label). */
  readonly unit: string;
  readonly step: ServingStep;
  /**
   * The largest count shown before the next (larger-unit) food takes over. Past the last food's limit the phrase
   * says the intake is more than ordinary foods provide; Infinity where food can reach the whole slider range.
   */
  readonly maxCount: number;
  /** Used for the phrase under the slider; the rest are alternatives for panels and tooltips. */
  readonly slider: boolean;
  readonly sources: readonly SourceKey[];
}

/**
 * The reference data. Slider foods of one input (and K2 form) are listed from the smallest unit to the largest:
 * the phrase uses the first food whose count stays readable, so the food changes only at fixed thresholds and
 * does not flicker between foods as a slider moves.
 */
export const FOODS: readonly FoodReference[] = Object.freeze([
  // Calcium: NIH ODS calcium fact sheet, recalled (docs/sources.md "Needs checking"): a cup (240 mL) of milk has
  // ~276-299 mg depending on fat; 300 is the round figure people quote. Milk alone covers the whole slider
  // (0-3,000 mg = 0-10 glasses), so it is the only slider food and the phrase never switches.
  {
    key: 'milk',
    input: 'calciumMgPerDay',
    perUnit: 300,
    unit: '1 cup (240 mL)',
    step: 'fraction',
    maxCount: Number.POSITIVE_INFINITY,
    slider: true,
    sources: ['NIH_ODS_CALCIUM'],
  },
  // Fact sheet: plain low-fat yoghurt, 8 oz (227 g): 415 mg.
  {
    key: 'yoghurt',
    input: 'calciumMgPerDay',
    perUnit: 415,
    unit: '8 oz (227 g) pot, plain low-fat',
    step: 'fraction',
    maxCount: 8,
    slider: false,
    sources: ['NIH_ODS_CALCIUM'],
  },
  // Fact sheet: cheddar, 1.5 oz (42 g): 307 mg.
  {
    key: 'cheddar',
    input: 'calciumMgPerDay',
    perUnit: 307,
    unit: '1.5 oz (42 g)',
    step: 'fraction',
    maxCount: 8,
    slider: false,
    sources: ['NIH_ODS_CALCIUM'],
  },
  // Fact sheet: calcium-fortified soy drink, 1 cup: 299 mg (a plant-based alternative to milk).
  {
    key: 'fortifiedSoyDrink',
    input: 'calciumMgPerDay',
    perUnit: 299,
    unit: '1 cup (240 mL), calcium-fortified',
    step: 'fraction',
    maxCount: 8,
    slider: false,
    sources: ['NIH_ODS_CALCIUM'],
  },
  // Fact sheet: firm tofu made with calcium sulfate, 253 mg per ½ cup, counted here per cup (506 mg) so that small
  // amounts read "½ cup" rather than "¼ half-cup serving" (tofu set without calcium has far less).
  {
    key: 'calciumTofu',
    input: 'calciumMgPerDay',
    perUnit: 506,
    unit: '1 cup (about 250 g), firm, set with calcium sulfate (253 mg per ½ cup)',
    step: 'fraction',
    maxCount: 8,
    slider: false,
    sources: ['NIH_ODS_CALCIUM'],
  },

  // Vitamin D: NIH ODS vitamin D fact sheet, recalled (not in SCIENCE.md; docs/sources.md "Needs checking").
  // One large egg ~44 IU (in the yolk).
  {
    key: 'egg',
    input: 'd3IuPerDay',
    perUnit: 44,
    unit: '1 large egg',
    step: 'whole',
    maxCount: 4,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_D'],
  },
  // A cup of vitamin D-fortified milk ~120 IU (fortification is usual in the US and Canada, not everywhere).
  {
    key: 'fortifiedMilk',
    input: 'd3IuPerDay',
    perUnit: 120,
    unit: '1 cup (240 mL), vitamin D-fortified',
    step: 'fraction',
    maxCount: 6,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_D'],
  },
  // Cooked sockeye salmon, 3 oz (85 g) ~570 IU. Past 8 portions (~4,700 IU) the phrase says food alone does not
  // get there: such intakes come from supplements or strong sun, which the slider also covers.
  {
    key: 'salmon',
    input: 'd3IuPerDay',
    perUnit: 570,
    unit: '3 oz (85 g) cooked sockeye salmon',
    step: 'fraction',
    maxCount: 8,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_D'],
  },

  // K2 as MK-7: natto, 850 µg per 3 oz (85 g) (NIH ODS table via SCIENCE.md §2.6; batch-dependent), i.e. 10 µg/g.
  // The teaspoon is our household measure (a level teaspoon ≈ 5 g → 50 µg), so that ordinary K2 intakes (tens of
  // µg) get a readable count instead of "less than ¼ serving".
  {
    key: 'nattoTeaspoon',
    input: 'k2UgPerDay',
    k2Form: 'mk7',
    perUnit: 50,
    unit: '1 level teaspoon (about 5 g) of natto',
    step: 'fraction',
    maxCount: 6,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_K'],
  },
  {
    key: 'natto',
    input: 'k2UgPerDay',
    k2Form: 'mk7',
    perUnit: 850,
    unit: '3 oz (85 g) of natto',
    step: 'fraction',
    maxCount: Number.POSITIVE_INFINITY,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_K'],
  },
  // K2 as MK-4: ~4 µg per large hard-boiled egg (depends on hen feed); chicken breast 13 µg per 3 oz (85 g)
  // (NIH ODS via SCIENCE.md §2.6). Beyond ~8 portions (~110 µg) no ordinary diet gets there.
  {
    key: 'egg',
    input: 'k2UgPerDay',
    k2Form: 'mk4',
    perUnit: 4,
    unit: '1 large hard-boiled egg',
    step: 'whole',
    maxCount: 8,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_K'],
  },
  {
    key: 'chickenBreast',
    input: 'k2UgPerDay',
    k2Form: 'mk4',
    perUnit: 13,
    unit: '3 oz (85 g) chicken breast',
    step: 'fraction',
    maxCount: 8,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_K'],
  },

  // K1: raw spinach 145 µg per cup; cooked collards 530 µg per ½ cup, counted here per cup (1,060 µg) so that
  // "½ cup" reads naturally (NIH ODS via SCIENCE.md §2.6).
  {
    key: 'spinach',
    input: 'k1UgPerDay',
    perUnit: 145,
    unit: '1 cup raw spinach',
    step: 'fraction',
    // Past 3 cups, "½ cup of cooked collards" is easier to picture than "4 cups of raw spinach".
    maxCount: 3,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_K'],
  },
  {
    key: 'collards',
    input: 'k1UgPerDay',
    perUnit: 1060,
    unit: '1 cup cooked collard greens (530 µg per ½ cup)',
    step: 'fraction',
    maxCount: Number.POSITIVE_INFINITY,
    slider: true,
    sources: ['NIH_ODS_VITAMIN_K'],
  },
] satisfies FoodReference[]);

/** A short fact shown beside a slider's food phrase, with its sources. */
export interface FoodNote {
  /** String key in content.json. */
  readonly key: string;
  readonly sources: readonly SourceKey[];
}

/**
 * One note per slider (per form for K2): where the equivalence is shakiest, say so. The vitamin D note exists
 * because the slider counts sun, food and supplements together, and the skin is the main source for many people.
 */
const NOTES: Readonly<Record<'calcium' | 'd3' | 'mk7' | 'mk4' | 'k1', FoodNote>> = Object.freeze({
  calcium: { key: 'food.calcium.note', sources: ['NIH_ODS_CALCIUM'] },
  d3: { key: 'food.d3.note', sources: ['NIH_ODS_VITAMIN_D', 'IOM_2011'] },
  mk7: { key: 'food.k2.mk7.note', sources: ['NIH_ODS_VITAMIN_K'] },
  mk4: { key: 'food.k2.mk4.note', sources: ['SATO_2012', 'NIH_ODS_VITAMIN_K'] },
  k1: { key: 'food.k1.note', sources: ['GARBER_1999'] },
});

export const FOOD_NOTES: readonly FoodNote[] = Object.freeze(Object.values(NOTES));

/** The string group of each input, and which wrapper strings it uses. */
interface Group {
  readonly group: string;
  readonly approx: string;
  readonly lessThan: string;
  /** Said when the intake is past every slider food's limit; absent where food covers the whole range. */
  readonly beyondFood?: string;
}

// Vitamin D gets its own wrappers ("≈ the vitamin D in 2 eggs"): the slider counts sun and supplements too, so
// "≈ 2 eggs" would wrongly suggest the intake is eggs.
const GROUPS: Readonly<Record<FoodInput, Group>> = Object.freeze({
  calciumMgPerDay: { group: 'calcium', approx: 'food.approx', lessThan: 'food.lessThan' },
  d3IuPerDay: {
    group: 'd3',
    approx: 'food.d3.approx',
    lessThan: 'food.d3.lessThan',
    beyondFood: 'food.d3.beyondFood',
  },
  k2UgPerDay: { group: 'k2', approx: 'food.approx', lessThan: 'food.lessThan', beyondFood: 'food.k2.beyondFood' },
  k1UgPerDay: { group: 'k1', approx: 'food.approx', lessThan: 'food.lessThan' },
});

/** The string-key stem of a food: its phrase is `${stem}.one` / `${stem}.other`. */
export function foodKey(food: FoodReference): string {
  return `food.${GROUPS[food.input].group}.${food.key}`;
}

/** Every string key the food phrases can use, for the catalogue test. */
export function foodStringKeys(): string[] {
  const keys = new Set<string>(['food.beyondStudied']);
  for (const food of FOODS) {
    keys.add(`${foodKey(food)}.one`);
    keys.add(`${foodKey(food)}.other`);
  }
  for (const input of FOOD_INPUTS) {
    const g = GROUPS[input];
    keys.add(`food.${g.group}.none`);
    keys.add(g.approx);
    keys.add(g.lessThan);
    if (g.beyondFood) keys.add(g.beyondFood);
  }
  for (const note of FOOD_NOTES) keys.add(note.key);
  return [...keys];
}

/** The foods the slider phrase may use for this input (and K2 form), smallest unit first. */
export function sliderFoods(input: FoodInput, k2Form: K2Form = 'mk7'): FoodReference[] {
  return FOODS.filter((f) => f.slider && f.input === input && (input !== 'k2UgPerDay' || f.k2Form === k2Form)).sort(
    (a, b) => a.perUnit - b.perUnit,
  );
}

/**
 * Rounds a count to what people say aloud (see ServingStep). Never decreases as the count grows. A whole item is
 * not rounded up from below one: 0.6 of an egg is "less than 1 egg", not "1 egg".
 */
export function roundServings(count: number, step: ServingStep): number {
  if (step === 'whole') return count < 1 ? 0 : Math.round(count);
  if (count < 1) return Math.round(count * 4) / 4;
  if (count < 3) return Math.round(count * 2) / 2;
  return Math.round(count);
}

/** The smallest count a food's phrase can show: "less than ¼ cup", "less than 1 egg". */
function smallestServing(food: FoodReference): number {
  return food.step === 'whole' ? 1 : 0.25;
}

const FRACTION_GLYPHS = ['', '¼', '½', '¾'];

/** "¾", "1½", "12": a rounded count with vulgar-fraction glyphs, digits grouped for the current locale. */
export function formatServings(count: number): string {
  const whole = Math.floor(count);
  const glyph = FRACTION_GLYPHS[Math.round((count - whole) * 4) % 4] ?? '';
  if (whole === 0 && glyph !== '') return glyph;
  return `${formatNumber(whole)}${glyph}`;
}

let pluralRules: { locale: string; rules: Intl.PluralRules } | null = null;

/**
 * Plural category for a count. English reads a fraction below one as singular ("½ cup", "¾ glass") although
 * Intl.PluralRules calls every fraction "other"; whole counts and mixed numbers ("1½ cups") follow the rules.
 * A category with no string falls back to "other", so a locale with more categories still shows a phrase.
 */
export function pluralCategory(count: number): string {
  if (count > 0 && count < 1) return 'one';
  const locale = currentLocale();
  if (pluralRules?.locale !== locale) pluralRules = { locale, rules: new Intl.PluralRules(locale) };
  return pluralRules.rules.select(count);
}

/** "2 glasses of milk": the food's phrase for a rounded count. */
export function servingPhrase(food: FoodReference, count: number): string {
  const stem = foodKey(food);
  const category = pluralCategory(count);
  const key = hasKey(`${stem}.${category}`) ? `${stem}.${category}` : `${stem}.other`;
  return t(key, { count: formatServings(count) });
}

export type EquivalentKind = 'none' | 'tiny' | 'approx' | 'beyondFood';

/** The structured answer behind a phrase, so tests and panels need not parse text. */
export interface IntakeEquivalent {
  readonly input: FoodInput;
  readonly kind: EquivalentKind;
  /** The food counted (absent for 'none' and 'beyondFood'). */
  readonly food?: FoodReference;
  /** The rounded count shown ('approx'), the "less than" count ('tiny'), else 0. */
  readonly count: number;
  /** The value is above the slider's "beyond studied intakes" mark (INPUT_RANGES). */
  readonly beyondStudied: boolean;
}

/**
 * Describes an intake as a food amount. Zero (and anything not a positive number, which sliders never send) is
 * 'none'; an amount below the smallest readable serving is 'tiny'; past every food's limit it is 'beyondFood'.
 */
export function describeIntake(input: FoodInput, value: number, k2Form: K2Form = 'mk7'): IntakeEquivalent {
  const limit = INPUT_RANGES[input].beyondStudied?.from ?? Number.POSITIVE_INFINITY;
  const beyondStudied = Number.isFinite(value) && value > limit;
  if (!(value > 0) || !Number.isFinite(value)) return { input, kind: 'none', count: 0, beyondStudied: false };
  const foods = sliderFoods(input, k2Form);
  for (const [index, food] of foods.entries()) {
    const count = roundServings(value / food.perUnit, food.step);
    if (count > food.maxCount) continue;
    // Only the smallest-unit food can round to zero: a larger one is reached only after the previous one's
    // count passed its limit.
    if (count === 0 && index === 0) return { input, kind: 'tiny', food, count: smallestServing(food), beyondStudied };
    return { input, kind: 'approx', food, count, beyondStudied };
  }
  return { input, kind: 'beyondFood', count: 0, beyondStudied };
}

/** The words for a structured equivalent. */
export function formatEquivalent(equivalent: IntakeEquivalent): string {
  const g = GROUPS[equivalent.input];
  let phrase: string;
  if (equivalent.kind === 'none' || !equivalent.food) {
    phrase = equivalent.kind === 'beyondFood' && g.beyondFood ? t(g.beyondFood) : t(`food.${g.group}.none`);
  } else {
    const amount = servingPhrase(equivalent.food, equivalent.count);
    phrase = t(equivalent.kind === 'tiny' ? g.lessThan : g.approx, { amount });
  }
  return equivalent.beyondStudied ? t('food.beyondStudied', { phrase }) : phrase;
}

/**
 * The short phrase under a slider: "≈ 3 glasses of milk", "≈ the vitamin D in 2 portions of salmon",
 * "Less than ¼ teaspoon of natto", "None". Describes a scenario, never a dose to take.
 */
export function foodEquivalent(input: FoodInput, value: number, k2Form?: K2Form): string {
  return formatEquivalent(describeIntake(input, value, k2Form));
}

/**
 * Other foods giving about the same amount ("≈ 2½ pots of plain yoghurt"), for a tooltip or panel: every food
 * of the input (and K2 form) whose rounded count is readable, slider food first.
 */
export function foodAlternatives(input: FoodInput, value: number, k2Form: K2Form = 'mk7'): string[] {
  if (!(value > 0) || !Number.isFinite(value)) return [];
  const g = GROUPS[input];
  const phrases: string[] = [];
  for (const food of FOODS) {
    if (food.input !== input || (input === 'k2UgPerDay' && food.k2Form !== k2Form)) continue;
    const count = roundServings(value / food.perUnit, food.step);
    if (count < smallestServing(food) || count > food.maxCount) continue;
    phrases.push(t(g.approx, { amount: servingPhrase(food, count) }));
  }
  return phrases;
}

/** The note beside a slider's food phrase (sources in FOOD_NOTES). */
export function foodNote(input: FoodInput, k2Form: K2Form = 'mk7'): string {
  const which =
    input === 'calciumMgPerDay' ? 'calcium' : input === 'd3IuPerDay' ? 'd3' : input === 'k1UgPerDay' ? 'k1' : k2Form;
  return t(NOTES[which].key);
}
