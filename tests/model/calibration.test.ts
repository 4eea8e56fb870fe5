/**
 * The model against the targets in SCIENCE.md §2 (docs/model.md lists them with their sources). These are the
 * checks that keep CALIBRATION constants honest: change a constant and these say what it broke.
 */
import { describe, expect, it } from 'vitest';
import { deriveHabit } from '../../src/model/physiology';
import { d25FromIntake, vitaminDStatus } from '../../src/model/vitaminD';
import { scenario, typicalDay } from '../helpers';

describe('gut absorption (HEANEY_1989, IOM_2011)', () => {
  it('absorbs about 45 % at 200 mg/day, 25-35 % at 1,000 mg/day and under 22 % at 2,000 mg/day', () => {
    expect(typicalDay({ calciumMgPerDay: 200 }).fraction).toBeGreaterThan(0.4);
    expect(typicalDay({ calciumMgPerDay: 200 }).fraction).toBeLessThan(0.5);
    const adult = typicalDay().fraction;
    expect(adult).toBeGreaterThanOrEqual(0.25);
    expect(adult).toBeLessThanOrEqual(0.35);
    expect(typicalDay({ calciumMgPerDay: 2000 }).fraction).toBeLessThan(0.22);
  });

  it('absorbs only 10-20 % at 1,000 mg/day when vitamin D deficient', () => {
    const deficient = typicalDay({ d3IuPerDay: 0 });
    expect(vitaminDStatus(d25FromIntake(0))).toBe('deficient');
    expect(deficient.fraction).toBeGreaterThanOrEqual(0.1);
    expect(deficient.fraction).toBeLessThanOrEqual(0.2);
  });

  it('gains only 0.5-7 percentage points from topping up adequate status to 4,000 IU/day (ALOIA_2014, HANSEN_2015)', () => {
    const gain = typicalDay({ d3IuPerDay: 4000 }).fraction - typicalDay().fraction;
    expect(gain).toBeGreaterThan(0.005);
    expect(gain).toBeLessThan(0.07);
  });
});

describe('daily balance of a typical adult (ENDOTEXT_CALCIUM_BALANCE)', () => {
  const day = typicalDay();
  it('loses 100-250 mg in urine and 750-900 mg in faeces on 1,000 mg/day', () => {
    expect(day.totals.urine).toBeGreaterThan(100);
    expect(day.totals.urine).toBeLessThan(250);
    expect(day.totals.faeces).toBeGreaterThan(750);
    expect(day.totals.faeces).toBeLessThan(900);
  });
  it('filters 8-10 g and reabsorbs about 98 %', () => {
    expect(day.totals.filtered).toBeGreaterThan(8000);
    expect(day.totals.filtered).toBeLessThan(10000);
    expect(day.totals.reabsorbed / day.totals.filtered).toBeCloseTo(0.98, 2);
  });
  it('forms and resorbs about 400 mg of bone each, in balance at 40', () => {
    expect(day.totals.mineralised).toBeCloseTo(400, -1);
    expect(Math.abs(day.boneNet)).toBeLessThan(10);
    expect(day.pth).toBeGreaterThan(0.85);
    expect(day.pth).toBeLessThan(1.15);
  });
});

describe('vitamin K biomarkers (KNAPEN_2015, INABA_2015, THEUWISSEN_2013)', () => {
  const uncarboxylatedMgp = (over: Parameters<typeof scenario>[0]) => 1 - deriveHabit(scenario(over)).carboxylatedMgp;
  it('roughly halves uncarboxylated MGP with 180 µg/day MK-7 on top of a typical diet', () => {
    const change = uncarboxylatedMgp({ k2UgPerDay: 180 }) / uncarboxylatedMgp({}) - 1;
    expect(change).toBeLessThan(-0.35);
    expect(change).toBeGreaterThan(-0.7);
  });
  it('changes carboxylation less with 50 µg than with 100 µg MK-7', () => {
    const base = deriveHabit(scenario()).carboxylatedOsteocalcin;
    const at50 = deriveHabit(scenario({ k2UgPerDay: 50 })).carboxylatedOsteocalcin - base;
    const at100 = deriveHabit(scenario({ k2UgPerDay: 100 })).carboxylatedOsteocalcin - base;
    expect(at100).toBeGreaterThan(2 * at50);
  });
  it('needs about six times the MK-4 dose for the MK-7 effect (NAKAMURA_2014 vs INABA_2015)', () => {
    const mk7 = deriveHabit(scenario({ k2UgPerDay: 100, k2Form: 'mk7' })).carboxylatedOsteocalcin;
    const mk4 = deriveHabit(scenario({ k2UgPerDay: 600, k2Form: 'mk4' })).carboxylatedOsteocalcin;
    expect(mk4).toBeCloseTo(mk7, 2);
  });
  it('leaves most MGP uncarboxylated under warfarin', () => {
    expect(deriveHabit(scenario({ warfarin: true })).carboxylatedMgp).toBeLessThan(0.3);
  });
});

describe('bone over a life (CLINICAL_BONE_LOSS_SUMMARIES)', () => {
  it('loses 1-2 % of the skeleton a year just after menopause', () => {
    const day = typicalDay({ ageYears: 52, sex: 'female' });
    const percentPerYear = ((-day.boneNet * 365.25) / 998_000) * 100;
    expect(percentPerYear).toBeGreaterThan(1);
    expect(percentPerYear).toBeLessThan(2);
  });
});
