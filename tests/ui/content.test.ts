/**
 * The teaching content: every string exists, every number and badge cites a documented source, the evidence
 * grades are the science brief's, the food phrases behave across each slider's whole range, and the wording
 * rules (no advice, no agency for calcium, the exact warfarin message) hold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import content from '../../src/i18n/en/content.json';
import { INPUT_RANGES, type K2Form } from '../../src/model/inputs';
import { SOURCE_KEYS } from '../../src/model/sources';
import {
  EVIDENCE,
  EVIDENCE_GRADES,
  evidenceBadge,
  evidenceStringKeys,
  evidenceText,
  type GradeQualifier,
  MECHANISM_KEYS,
  type MechanismKey,
  mechanismsInLayer,
} from '../../src/ui/content/evidence';
import {
  describeIntake,
  FOOD_INPUTS,
  FOOD_NOTES,
  FOODS,
  type FoodInput,
  foodAlternatives,
  foodEquivalent,
  foodNote,
  foodStringKeys,
  formatServings,
  roundServings,
  servingPhrase,
  sliderFoods,
} from '../../src/ui/content/foods';
import {
  arteryExaggeratedLabel,
  arteryIllustrativeLabel,
  beyondStudiedNotice,
  d3ToxicityNotice,
  NOTICE_SOURCES,
  noticeStringKeys,
  teachingModelNotice,
  trueScaleLabel,
  warfarinNotice,
} from '../../src/ui/content/notices';
import { SIMPLIFIED_KEYS, simplifiedItems, simplifiedStringKeys } from '../../src/ui/content/simplified';

const catalogue: Readonly<Record<string, string>> = content;
const documented = new Set(
  [...readFileSync(`${__dirname}/../../docs/sources.md`, 'utf8').matchAll(/^### `([A-Z0-9_]+)`/gm)].map((m) => m[1]),
);

/** SCIENCE.md §5.3, the suggested anticoagulant wording, character for character. */
const WARFARIN_5_3 =
  'Vitamin K switches back on the clotting proteins that warfarin-type medicines switch off. People taking these ' +
  'medicines should not change their vitamin K intake (food or supplements) without their clinician, because even ' +
  'small amounts of K2 supplements can change how well the medicine works. Taking them at different times of day ' +
  'does not prevent this.';

/**
 * SCIENCE.md §1.9 "Summary table: established vs debated", transcribed row by row (grade as written there). Vitamin
 * D toxicity is not a §1.9 row: §1.8 grades it "Established" (the mechanism), which docs/model.md §4 writes as
 * "Established (mechanism)". The cycle row ("GGCX, VKORC1, warfarin block") covers both vitaminKCycle and
 * warfarinBlock.
 */
const SCIENCE_GRADES: Readonly<Record<MechanismKey, string>> = {
  vitaminDActivation: 'Established',
  activeAbsorption: 'Established (simplified)',
  passiveAbsorption: 'Established',
  extraD3Absorption: 'Debated (small effect)',
  pthFeedback: 'Established',
  kidneyReabsorption: 'Established',
  boneRemodelling: 'Established',
  vitaminKCycle: 'Established',
  warfarinBlock: 'Established',
  osteocalcinCarboxylation: 'Established',
  osteocalcinRole: 'Debated (recent data say no)',
  mgpInhibits: 'Established (animal/genetic)',
  biomarkerResponse: 'Established (biomarker)',
  supplementFractureBenefit: 'Debated/weak',
  supplementArteryBenefit: 'Debated/weak',
  d3Toxicity: 'Established (mechanism)',
  triage: 'Hypothesis',
  d3k2Synergy: 'Hypothesis',
};

/** How the brief's bracketed words map onto our qualifiers. */
const QUALIFIER_OF: Readonly<Record<string, GradeQualifier>> = {
  '(simplified)': 'simplified',
  '(small effect)': 'smallEffect',
  '(recent data say no)': 'recentDataSayNo',
  '(animal/genetic)': 'animalGenetic',
  '(biomarker)': 'biomarker',
  '/weak': 'weak',
  '(mechanism)': 'mechanism',
};

/** Words and phrases that give advice or give calcium a will (SCIENCE.md §5.2, §5.5; DESIGN.md §1). */
const BANNED = [
  'optimal',
  'recommended',
  'effective',
  'you should take',
  'directs calcium',
  'pulls calcium',
  'escort',
  'chooses',
  'seeks',
  'no side effects',
  'completely safe',
];

const allStringKeys = [...foodStringKeys(), ...evidenceStringKeys(), ...simplifiedStringKeys(), ...noticeStringKeys()];

/** The string group of each slider's food phrases (food.<group>.…). */
const GROUP: Readonly<Record<FoodInput, string>> = {
  calciumMgPerDay: 'calcium',
  d3IuPerDay: 'd3',
  k2UgPerDay: 'k2',
  k1UgPerDay: 'k1',
};

const FORMS: readonly K2Form[] = ['mk7', 'mk4'];

/** Each input with each form it can take (the K2 slider has two food lists). */
const CASES: readonly { readonly input: FoodInput; readonly form: K2Form }[] = FOOD_INPUTS.flatMap(
  (input): { input: FoodInput; form: K2Form }[] =>
    input === 'k2UgPerDay' ? FORMS.map((form) => ({ input, form })) : [{ input, form: 'mk7' }],
);

function expectNoGaps(text: string): void {
  expect(text).not.toMatch(/⟦|\{|\}/);
  expect(text.trim().length).toBeGreaterThan(0);
}

describe('content strings', () => {
  it('has a string for every key the content uses', () => {
    const missing = allStringKeys.filter((key) => !(key in catalogue));
    expect(missing).toEqual([]);
  });

  it('has no strings nobody uses', () => {
    const used = new Set(allStringKeys);
    expect(Object.keys(catalogue).filter((key) => !used.has(key))).toEqual([]);
  });

  it('uses only named placeholders', () => {
    for (const [key, value] of Object.entries(catalogue)) {
      for (const [, name] of value.matchAll(/\{([^}]*)\}/g)) expect(name, key).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
    }
  });

  it('contains no advice words and never gives calcium a will', () => {
    for (const [key, value] of Object.entries(catalogue)) {
      const lower = value.toLowerCase();
      for (const word of BANNED) expect(lower, `${key} contains "${word}"`).not.toContain(word);
    }
  });
});

describe('sources', () => {
  const cited = [
    ...FOODS.flatMap((f) => f.sources),
    ...FOOD_NOTES.flatMap((n) => n.sources),
    ...MECHANISM_KEYS.flatMap((k) => EVIDENCE[k].sources),
    ...Object.values(NOTICE_SOURCES).flat(),
  ];

  it('cites only keys the code and docs/sources.md both know', () => {
    for (const key of cited) {
      expect(SOURCE_KEYS as readonly string[], key).toContain(key);
      expect(documented.has(key), `${key} in docs/sources.md`).toBe(true);
    }
  });

  it('gives every food number and every mechanism at least one source', () => {
    for (const food of FOODS) {
      expect(food.sources.length, food.key).toBeGreaterThan(0);
      expect(Number.isFinite(food.perUnit) && food.perUnit > 0, food.key).toBe(true);
      expect(food.unit.length, food.key).toBeGreaterThan(0);
    }
    for (const note of FOOD_NOTES) expect(note.sources.length, note.key).toBeGreaterThan(0);
    for (const key of MECHANISM_KEYS) expect(EVIDENCE[key].sources.length, key).toBeGreaterThan(0);
  });

  it('keeps the food values the science brief gives (SCIENCE.md §2.6)', () => {
    const per = (input: FoodInput, key: string, form?: K2Form) =>
      FOODS.find((f) => f.input === input && f.key === key && (form === undefined || f.k2Form === form))?.perUnit;
    expect(per('k2UgPerDay', 'natto', 'mk7')).toBe(850);
    expect(per('k2UgPerDay', 'egg', 'mk4')).toBe(4);
    expect(per('k2UgPerDay', 'chickenBreast', 'mk4')).toBe(13);
    expect(per('k1UgPerDay', 'spinach')).toBe(145);
    expect(per('k1UgPerDay', 'collards')).toBe(2 * 530);
  });
});

describe('evidence grades', () => {
  it('covers every mechanism the brief asks for', () => {
    expect([...MECHANISM_KEYS].sort()).toEqual(Object.keys(SCIENCE_GRADES).sort());
  });

  it('follows SCIENCE.md §1.9 exactly, qualifier included', () => {
    for (const key of MECHANISM_KEYS) {
      const written = SCIENCE_GRADES[key];
      const grade = (written.match(/^[A-Za-z]+/)?.[0] ?? '').toLowerCase();
      const rest = written.slice(grade.length).trim();
      expect(EVIDENCE[key].grade, key).toBe(grade);
      expect(EVIDENCE[key].qualifier, key).toBe(rest === '' ? undefined : QUALIFIER_OF[rest]);
    }
  });

  it('never puts a hypothesis or a debated clinical claim into the model as established physiology', () => {
    for (const key of MECHANISM_KEYS) {
      const { grade, layer, inModel } = EVIDENCE[key];
      if (grade === 'hypothesis') expect(inModel, key).toBe('no');
      if (layer === 'clinical') {
        expect(grade, key).not.toBe('established');
        expect(inModel, key).not.toBe('yes');
      }
    }
    expect(mechanismsInLayer('clinical').sort()).toEqual(['supplementArteryBenefit', 'supplementFractureBenefit']);
  });

  it('has a title, a plain summary of at most 25 words and a badge for every mechanism', () => {
    for (const key of MECHANISM_KEYS) {
      const text = evidenceText(key);
      for (const part of Object.values(text)) expectNoGaps(part);
      expect(text.summary.split(/\s+/).length, key).toBeLessThanOrEqual(25);
    }
    expect(evidenceBadge('activeAbsorption')).toBe('Established (simplified)');
    expect(evidenceBadge('triage')).toBe('Hypothesis');
    expect(evidenceBadge('supplementArteryBenefit')).toBe('Debated (weak evidence)');
    for (const grade of EVIDENCE_GRADES) expect(catalogue[`evidence.grade.${grade}`]).toBeTruthy();
  });
});

describe('food equivalents', () => {
  it('reads like the examples in the brief', () => {
    expect(foodEquivalent('calciumMgPerDay', 900)).toBe('≈ 3 glasses of milk');
    expect(foodEquivalent('calciumMgPerDay', 300)).toBe('≈ 1 glass of milk');
    expect(foodEquivalent('calciumMgPerDay', 150)).toBe('≈ ½ glass of milk');
    expect(foodEquivalent('calciumMgPerDay', 450)).toBe('≈ 1½ glasses of milk');
    expect(foodEquivalent('k2UgPerDay', 600, 'mk7')).toBe('≈ ¾ serving of natto');
    // 850 µg (one serving) is above the largest daily MK-7 intake studied (720 µg/day), and the phrase says so.
    expect(foodEquivalent('k2UgPerDay', 850, 'mk7')).toBe('≈ 1 serving of natto · beyond the intakes studied');
    expect(foodEquivalent('k2UgPerDay', 30, 'mk7')).toBe('≈ ½ teaspoon of natto');
    expect(foodEquivalent('k2UgPerDay', 28, 'mk4')).toBe('≈ 7 eggs');
    expect(foodEquivalent('k1UgPerDay', 530)).toBe('≈ ½ cup of cooked collard greens');
    expect(foodEquivalent('k1UgPerDay', 145)).toBe('≈ 1 cup of raw spinach');
    expect(foodEquivalent('d3IuPerDay', 1000)).toBe('≈ the vitamin D in 2 portions of salmon');
    expect(foodEquivalent('d3IuPerDay', 88)).toBe('≈ the vitamin D in 2 eggs');
  });

  it('defaults the K2 form to MK-7', () => {
    expect(foodEquivalent('k2UgPerDay', 300)).toBe(foodEquivalent('k2UgPerDay', 300, 'mk7'));
  });

  it('says "none" at zero, the bottom of every slider', () => {
    for (const { input, form } of CASES) {
      expect(INPUT_RANGES[input].min).toBe(0);
      expect(describeIntake(input, 0, form).kind).toBe('none');
      expect(foodEquivalent(input, 0, form)).toBe(catalogue[`food.${GROUP[input]}.none`]);
    }
    expect(foodEquivalent('calciumMgPerDay', Number.NaN)).toBe('None');
    expect(foodEquivalent('calciumMgPerDay', -5)).toBe('None');
  });

  it('says "less than" the smallest serving for tiny amounts', () => {
    expect(foodEquivalent('calciumMgPerDay', 10)).toBe('Less than ¼ glass of milk');
    expect(foodEquivalent('k2UgPerDay', 1, 'mk7')).toBe('Less than ¼ teaspoon of natto');
    expect(foodEquivalent('k2UgPerDay', 1, 'mk4')).toBe('Less than 1 egg');
    expect(foodEquivalent('d3IuPerDay', 10)).toBe('Less than the vitamin D in 1 egg');
    expect(foodEquivalent('k1UgPerDay', 5)).toBe('Less than ¼ cup of raw spinach');
  });

  it('marks values above the studied range, neutrally, up to the top of the slider and past it', () => {
    for (const { input, form } of CASES) {
      const range = INPUT_RANGES[input];
      const from = range.beyondStudied?.from ?? range.max;
      expect(describeIntake(input, from, form).beyondStudied, input).toBe(false);
      for (const value of [from + 1, range.max, range.max * 10]) {
        const phrase = foodEquivalent(input, value, form);
        expect(describeIntake(input, value, form).beyondStudied, `${input} ${value}`).toBe(true);
        expect(phrase, `${input} ${value}`).toMatch(/beyond the intakes studied$/);
        expectNoGaps(phrase);
      }
    }
    expect(foodEquivalent('calciumMgPerDay', 3000)).toBe('≈ 10 glasses of milk · beyond the intakes studied');
    expect(foodEquivalent('d3IuPerDay', 50000)).toBe('More than food alone provides · beyond the intakes studied');
    expect(foodEquivalent('k2UgPerDay', 1000, 'mk7')).toBe('≈ 1 serving of natto · beyond the intakes studied');
  });

  it('says when ordinary foods cannot reach an intake, even inside the studied range', () => {
    expect(describeIntake('k2UgPerDay', 500, 'mk4').kind).toBe('beyondFood');
    expect(foodEquivalent('k2UgPerDay', 500, 'mk4')).toBe('More than ordinary foods provide');
    expect(describeIntake('d3IuPerDay', 4000).kind).toBe('approx');
  });

  it('never shows fewer servings for more intake, and never goes back to a smaller food', () => {
    const order = { none: 0, tiny: 1, approx: 2, beyondFood: 3 } as const;
    for (const { input, form } of CASES) {
      const foods = sliderFoods(input, form);
      const max = INPUT_RANGES[input].max;
      let previous: readonly number[] = [-1, -1, -1];
      for (let i = 0; i <= 4000; i++) {
        const value = (max * 1.2 * i) / 4000;
        const e = describeIntake(input, value, form);
        const rank = [order[e.kind], e.food ? foods.indexOf(e.food) : -1, e.count];
        const notBefore = rank.findIndex((r, k) => r !== previous[k]);
        if (notBefore >= 0) {
          expect(rank[notBefore], `${input}/${form} at ${value}`).toBeGreaterThan(previous[notBefore] as number);
        }
        previous = rank;
      }
    }
  });

  it('keeps counts of one serving or more within a third of the real amount', () => {
    for (const { input, form } of CASES) {
      const max = INPUT_RANGES[input].max;
      for (let value = 1; value <= max; value += max / 997) {
        const e = describeIntake(input, value, form);
        if (e.kind !== 'approx' || !e.food || e.count < 1) continue;
        expect(Math.abs(e.count * e.food.perUnit - value) / value, `${input} ${value}`).toBeLessThanOrEqual(1 / 3);
      }
    }
  });

  it('rounds to readable counts and picks singular or plural', () => {
    expect(roundServings(0.1, 'fraction')).toBe(0);
    expect(roundServings(0.8, 'fraction')).toBe(0.75);
    expect(roundServings(1.3, 'fraction')).toBe(1.5);
    expect(roundServings(3.4, 'fraction')).toBe(3);
    expect(roundServings(2.4, 'whole')).toBe(2);
    expect(roundServings(0.9, 'whole')).toBe(0);
    expect(formatServings(0.25)).toBe('¼');
    expect(formatServings(2.75)).toBe('2¾');
    expect(formatServings(12)).toBe('12');
    expect(foodEquivalent('k1UgPerDay', 110)).toBe('≈ ¾ cup of raw spinach');
    expect(foodEquivalent('k1UgPerDay', 290)).toBe('≈ 2 cups of raw spinach');
  });

  it('offers alternatives and a note for every slider, all with their strings', () => {
    for (const { input, form } of CASES) {
      expectNoGaps(foodNote(input, form));
      for (const phrase of foodAlternatives(input, 600, form)) expectNoGaps(phrase);
    }
    expect(foodAlternatives('calciumMgPerDay', 830)).toContain('≈ 2 pots of plain yoghurt');
    expect(foodAlternatives('calciumMgPerDay', 0)).toEqual([]);
  });

  it('has a phrase for every food at every count it can show', () => {
    for (const food of FOODS) {
      for (const count of [0.25, 0.5, 1, 1.5, 2, 7]) expectNoGaps(servingPhrase(food, count));
    }
    const milk = FOODS.find((f) => f.key === 'milk');
    if (!milk) throw new Error('milk is the calcium slider food');
    expect(servingPhrase(milk, 1)).toBe('1 glass of milk');
    expect(servingPhrase(milk, 0.75)).toBe('¾ glass of milk');
    expect(servingPhrase(milk, 2)).toBe('2 glasses of milk');
  });
});

describe("what's simplified", () => {
  const items = simplifiedItems();

  it('has 8-12 entries, each a title and one or two sentences', () => {
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.length).toBeLessThanOrEqual(12);
    expect(items.map((i) => i.key)).toEqual([...SIMPLIFIED_KEYS]);
    for (const item of items) {
      expectNoGaps(item.title);
      expectNoGaps(item.body);
      const sentences = item.body.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0);
      expect(sentences.length, item.key).toBeGreaterThanOrEqual(1);
      expect(sentences.length, item.key).toBeLessThanOrEqual(2);
    }
  });

  it('takes its numbers from the model', () => {
    const body = (key: string) => items.find((i) => i.key === key)?.body ?? '';
    expect(body('packets')).toContain('5 mg');
    expect(simplifiedItems({ packetMg: 10 }).find((i) => i.key === 'packets')?.body).toContain('10 mg');
    expect(body('skeletonReservoir')).toContain('about 1 kg');
    expect(body('skeletonReservoir')).toContain('200,000');
    expect(body('meals')).toContain('07:30');
    expect(body('meals')).toContain('12:30');
    expect(body('meals')).toContain('18:30');
    expect(body('meals')).toContain('25 %');
    expect(body('meals')).toContain('40 %');
    expect(body('averagePerson')).toContain('51');
  });
});

describe('notices', () => {
  it('shows the warfarin message in the exact words of SCIENCE.md §5.3, then how real treatment is managed', () => {
    expect(catalogue['notice.warfarin.body']).toBe(WARFARIN_5_3);
    const notice = warfarinNotice();
    expect(notice.paragraphs[0]).toBe(WARFARIN_5_3);
    expect(notice.paragraphs[1]).toContain('INR');
    expect(notice.paragraphs[1]).toMatch(/anticoagulant/);
    expect(notice.paragraphs[1]).toMatch(/clinician/);
  });

  it('says the model is a teaching model that gives no advice', () => {
    const notice = teachingModelNotice();
    expect(notice.title.toLowerCase()).toContain('not medical advice');
    expect(notice.paragraphs.join(' ')).toMatch(/doctor, pharmacist or dietitian/);
  });

  it('explains the beyond-studied mark of every slider that has one', () => {
    for (const input of FOOD_INPUTS) {
      const notice = beyondStudiedNotice(input);
      const from = INPUT_RANGES[input].beyondStudied?.from;
      expect(notice, input).toBeDefined();
      for (const paragraph of notice?.paragraphs ?? []) expectNoGaps(paragraph);
      expect(notice?.paragraphs[0]).toContain(new Intl.NumberFormat('en').format(from ?? 0));
    }
  });

  it('says that more vitamin D is not always better', () => {
    const body = d3ToxicityNotice().paragraphs.join(' ');
    expect(body).toContain('blood calcium');
    expect(body).toContain('more is not always better');
  });

  it('labels the artery wall as illustrative and its drawn deposits as exaggerated', () => {
    expect(arteryIllustrativeLabel()).toBe('Illustrative');
    expect(arteryExaggeratedLabel(50)).toBe("Artery deposits drawn 50× faster than the model's rate");
    expect(arteryExaggeratedLabel(2000)).toBe("Artery deposits drawn 2,000× faster than the model's rate");
    expect(trueScaleLabel()).toBe('True scale');
  });
});
