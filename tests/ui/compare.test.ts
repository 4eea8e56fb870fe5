/**
 * Compare mode without a DOM: differences between two real runs (a Session comparing A with B on one clock), the
 * sentences and notable rule behind the table's highlights and the live headline, the condition labels, and the
 * A-against-B chart models.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromCallback } from 'xstate';
import { hasKey, t } from '../../src/i18n';
import { MAX_TICKS_PER_FRAME } from '../../src/machines/clock';
import { DEFAULT_INPUTS, type Inputs } from '../../src/model/inputs';
import { Session } from '../../src/session/session';
import type { ChartModel } from '../../src/ui/charts/chartModel';
import {
  buildCompareAbsorbedChart,
  buildCompareArteryChart,
  buildCompareBoneChart,
  buildCompareSerumChart,
  gapPath,
  pairPoints,
} from '../../src/ui/charts/compareChartModel';
import { COMPARE_STYLE } from '../../src/ui/charts/styles';
import {
  basisOf,
  chooseDays,
  conditionLabels,
  DAY_DIFFERENCE_KEYS,
  type Difference,
  dayDifferences,
  difference,
  headline,
  headlineChanged,
  isNotable,
  mostNotable,
  NOTABLE_FLOOR,
  YEARS_DIFFERENCE_KEYS,
  yearsDifferences,
} from '../../src/ui/compare/differences';
import type { DayPoint } from '../../src/ui/outcomeTypes';
import { yearPoints } from './charts.helpers';

const silentFrames = fromCallback(() => () => {});
const NO_D3: Inputs = { ...DEFAULT_INPUTS, d3IuPerDay: 0 };

function compareSession(b: Inputs): Session {
  return new Session({ frameSource: silentFrames, input: { compare: b } });
}

function advance(s: Session, ticks: number): void {
  for (let left = ticks; left > 0; left -= MAX_TICKS_PER_FRAME.day) {
    s.actor.send({ type: 'step', ticks: Math.min(left, MAX_TICKS_PER_FRAME.day) });
  }
}

function days(s: Session) {
  const b = s.b;
  if (!b) throw new Error('the session is not comparing');
  return chooseDays(
    { today: s.a.day.today(s.a.world.model), lastDay: s.a.day.lastDay },
    { today: b.day.today(b.world.model), lastDay: b.day.lastDay },
  );
}

const byKey = (diffs: readonly Difference[], key: string): Difference => {
  const found = diffs.find((d) => d.key === key);
  if (!found) throw new Error(`no ${key} row`);
  return found;
};

function expectDrawable(model: ChartModel): void {
  const everything = JSON.stringify(model);
  expect(everything).not.toContain('NaN');
  expect(everything).not.toContain('Infinity');
  expect(everything).not.toContain('⟦');
}

describe('differences between two real runs (B without vitamin D3)', () => {
  let session: Session;
  let aPoints: DayPoint[];
  let bPoints: DayPoint[];
  let lastDay: ReturnType<typeof days>;

  beforeAll(() => {
    session = compareSession(NO_D3);
    // Day 2 at 10:00: its points for the charts.
    advance(session, 1440 + 600);
    aPoints = [...session.a.day.points];
    bPoints = [...(session.b?.day.points ?? [])];
    advance(session, 840 + 1440);
    lastDay = days(session);
  });

  it('compares the last full day once there is one, and says so', () => {
    expect(lastDay.basis).toBe('lastDay');
    expect(lastDay.a.minutes).toBe(1440);
    expect(lastDay.a.day).toBe(lastDay.b.day);
    expect(basisOf(lastDay.a)).toBe('lastDay');
  });

  it('compares today so far before the first midnight', () => {
    const s = compareSession(NO_D3);
    advance(s, 600);
    const chosen = days(s);
    expect(chosen.basis).toBe('today');
    expect(chosen.a.minutes).toBe(600);
    expect(basisOf(chosen.a)).toBe('today');
  });

  it('finds that B absorbs less, says so in plain words, and makes it the headline', () => {
    const diffs = dayDifferences(lastDay.a, lastDay.b);
    expect(diffs.map((d) => d.key)).toEqual(DAY_DIFFERENCE_KEYS.filter((k) => k !== 'mgp'));
    const absorbed = byKey(diffs, 'absorbed');
    expect(absorbed.a).toBeCloseTo(lastDay.a.absorbed, 9);
    expect(absorbed.b).toBeCloseTo(lastDay.b.absorbed, 9);
    expect(absorbed.delta).toBeLessThan(0);
    expect(absorbed.relative).toBeCloseTo((absorbed.b - absorbed.a) / absorbed.a, 12);
    expect(absorbed.notable).toBe(true);
    expect(absorbed.direction).toBe('lower');
    expect(absorbed.sentence).toMatch(/^B absorbs \d+ % less calcium than A$/);
    expect(absorbed.sentence).toContain(`${Math.round(-100 * absorbed.relative)} %`);
    expect(headline(diffs)).toBe(absorbed.sentence);
    expect(mostNotable(diffs)?.key).toBe('absorbed');
  });

  it('finds less calcium in urine and more released from bone without D3, and no difference in what was eaten', () => {
    const diffs = dayDifferences(lastDay.a, lastDay.b);
    expect(byKey(diffs, 'urine').sentence).toMatch(/^B sends \d+ % less calcium to urine than A$/);
    expect(byKey(diffs, 'boneOut').direction).toBe('higher');
    expect(byKey(diffs, 'boneOut').sentence).toMatch(/^B releases \d+ % more calcium from bone than A$/);
    const eaten = byKey(diffs, 'eaten');
    expect(eaten.delta).toBe(0);
    expect(eaten.notable).toBe(false);
    expect(eaten.direction).toBe('same');
    // Blood calcium is held in a narrow range whatever the intake.
    expect(byKey(diffs, 'serum').sentence).toBe('Blood calcium is about the same in A and B');
  });

  it('adds the MGP row when readings are given', () => {
    const diffs = dayDifferences(lastDay.a, lastDay.b, {
      a: { activeMgp: 0.45, mgpAbsent: false },
      b: { activeMgp: 0, mgpAbsent: true },
    });
    expect(diffs.map((d) => d.key)).toEqual([...DAY_DIFFERENCE_KEYS]);
    const mgp = byKey(diffs, 'mgp');
    expect(mgp.direction).toBe('lower');
    expect(mgp.relative).toBe(-1);
    expect(mgp.sentence).toBe('MGP switched on: 45 % in A, none in B');
  });

  it('flags nothing at the very start of a day, when every amount is still zero', () => {
    const s = compareSession(NO_D3);
    const chosen = days(s);
    const diffs = dayDifferences(chosen.a, chosen.b);
    expect(diffs.filter((d) => d.notable)).toEqual([]);
    expect(byKey(diffs, 'absorbedShare').direction).toBe('unknown');
    expect(byKey(diffs, 'absorbedShare').sentence).toBe('Absorbed share: not known yet');
    expect(headline(diffs)).toBe(t('compare.headline.same'));
    expect(mostNotable(diffs)).toBeNull();
  });

  it('builds the absorbed and blood-calcium charts with both lines, told apart without colour', () => {
    const absorbed = buildCompareAbsorbedChart(aPoints, bPoints);
    expectDrawable(absorbed.chart);
    expect(absorbed.chart.series.map((s) => s.key)).toEqual(['a', 'b']);
    const [a, b] = absorbed.chart.series;
    expect(a?.dash).toBe('none');
    expect(b?.dash).not.toBe('none');
    expect(a?.markers).not.toBe('');
    expect(b?.markers).not.toBe('');
    expect(COMPARE_STYLE.a.marker).not.toBe(COMPARE_STYLE.b.marker);
    expect(a?.label?.text).toMatch(/^A \d+ mg$/);
    expect(b?.label?.text).toMatch(/^B \d+ mg$/);
    // B absorbs less, so B's line ends lower (larger y) and the gap between them is shaded.
    expect((b?.label?.anchorY ?? 0) > (a?.label?.anchorY ?? 0)).toBe(true);
    expect(absorbed.gap.path).toMatch(/^M.*Z$/);
    expect(absorbed.difference?.direction).toBe('lower');
    expect(absorbed.chart.summary).toContain('B absorbs');
    expect(absorbed.chart.summary).toContain('less calcium than A');

    const serum = buildCompareSerumChart(aPoints, bPoints);
    expectDrawable(serum.chart);
    expect(serum.chart.series.map((s) => s.label?.text.slice(0, 2))).toEqual(['A ', 'B ']);
    expect(serum.chart.band?.label).toBe(t('chart.serum.normalRange'));
    // Blood calcium barely differs, so there is nothing to shade.
    expect(serum.gap.path).toBe('');
    expect(serum.chart.summary).toContain('Blood calcium is about the same in A and B');
  });
});

describe('the notable rule', () => {
  it('judges bone (a percentage of the start) by points, so a woman-vs-man gap of 4 points is flagged', () => {
    expect(isNotable('bone', 'years', 97, 93)).toBe(true);
    expect(isNotable('bone', 'years', 97, 96.5)).toBe(false);
  });

  it('needs at least 5 % relative difference', () => {
    expect(isNotable('absorbed', 'day', 100, 104)).toBe(false);
    expect(isNotable('absorbed', 'day', 100, 106)).toBe(true);
    expect(isNotable('absorbed', 'day', 100, 94)).toBe(true);
    expect(difference('absorbed', 'day', 100, 104).sentence).toBe('A and B absorb about the same amount of calcium');
  });

  it('ignores big relative gaps between tiny amounts, such as just after midnight', () => {
    const early = difference('absorbed', 'day', 2, 3);
    expect(early.relative).toBeCloseTo(0.5, 12);
    expect(Math.abs(early.delta)).toBeLessThan(NOTABLE_FLOOR.day.absorbed ?? 0);
    expect(early.notable).toBe(false);
    expect(early.direction).toBe('same');
  });

  it('scales the floor to the row: a day of artery-wall mineral is thousandths of a mg', () => {
    expect(isNotable('artery', 'day', 0.003, 0.0045)).toBe(true);
    expect(isNotable('artery', 'day', 0.00002, 0.00004)).toBe(false);
    expect(isNotable('serum', 'day', 2.35, 2.38)).toBe(false);
  });

  it('treats unknown values as not notable, and a start from zero by its absolute size', () => {
    const unknown = difference('absorbedShare', 'day', Number.NaN, 0.2);
    expect(unknown.notable).toBe(false);
    expect(unknown.direction).toBe('unknown');
    const fromZero = difference('artery', 'years', 0, 2);
    expect(fromZero.relative).toBe(Number.POSITIVE_INFINITY);
    expect(fromZero.notable).toBe(true);
    expect(fromZero.direction).toBe('higher');
    expect(fromZero.sentence).toBe('Artery-wall mineral: none in A, 2 mg in B');
  });
});

describe('sentences', () => {
  it('reads "more", "less" and "times" the way people say them', () => {
    expect(difference('urine', 'day', 100, 130).sentence).toBe('B sends 30 % more calcium to urine than A');
    expect(difference('absorbed', 'day', 300, 264).sentence).toBe('B absorbs 12 % less calcium than A');
    expect(difference('artery', 'years', 5, 15).sentence).toBe("B's artery-wall mineral is 3 times A's (illustrative)");
    expect(difference('artery', 'day', 0.003, 0.0075).sentence).toBe(
      'B lays down 2.5 times as much artery-wall mineral as A (illustrative)',
    );
    expect(difference('serum', 'day', 2.35, 2.36).sentence).toBe('Blood calcium is about the same in A and B');
    expect(difference('bone', 'years', 95, 85).sentence).toBe("B's bone mineral is 11 % lower than A's");
    expect(difference('absorbedShare', 'day', 0.3, 0.2).sentence).toBe(
      "B's gut absorbs a smaller share of the calcium passing through it than A's (20 % against 30 %)",
    );
  });

  it('has every sentence form in the catalogue', () => {
    const stems = ['eaten', 'absorbed', 'absorbedShare', 'faeces', 'urine', 'boneIn', 'boneOut', 'arteryDay']
      .concat(['serum', 'mgp', 'bone', 'arteryYears'])
      .map((s) => `compare.sentence.${s}`);
    for (const stem of stems) {
      for (const mode of ['more', 'less', 'times', 'same'])
        expect(hasKey(`${stem}.${mode}`), `${stem}.${mode}`).toBe(true);
    }
    for (const key of DAY_DIFFERENCE_KEYS) expect(hasKey(`compare.row.day.${key}`)).toBe(true);
    for (const key of YEARS_DIFFERENCE_KEYS) expect(hasKey(`compare.row.years.${key}`)).toBe(true);
  });
});

describe('the headline', () => {
  const diffs = (absorbed: number, urine: number) => [
    difference('eaten', 'day', 1000, 1000),
    difference('absorbed', 'day', 300, absorbed),
    difference('urine', 'day', 150, urine),
  ];

  it('picks the most notable row, and says A and B look alike when nothing is', () => {
    expect(headline(diffs(200, 150))).toMatch(/^B absorbs 33 % less/);
    expect(headline(diffs(300, 450))).toBe('B sends 3 times as much calcium to urine as A');
    expect(headline(diffs(301, 151))).toBe(t('compare.headline.same'));
    expect(headline([])).toBe(t('compare.headline.none'));
  });

  it('counts as changed only for another row, another direction or a clear move', () => {
    const before = mostNotable(diffs(200, 150));
    expect(headlineChanged(before, mostNotable(diffs(199, 150)))).toBe(false);
    expect(headlineChanged(before, mostNotable(diffs(180, 150)))).toBe(true);
    expect(headlineChanged(before, mostNotable(diffs(400, 150)))).toBe(true);
    expect(headlineChanged(before, mostNotable(diffs(300, 600)))).toBe(true);
    expect(headlineChanged(before, null)).toBe(true);
    expect(headlineChanged(null, null)).toBe(false);
  });
});

describe('condition labels', () => {
  it('names only the input that differs', () => {
    expect(conditionLabels(DEFAULT_INPUTS, NO_D3)).toEqual({
      a: 'A: vitamin D3 1,000 IU/day',
      b: 'B: vitamin D3 0 IU/day',
    });
    expect(conditionLabels(DEFAULT_INPUTS, { ...DEFAULT_INPUTS, warfarin: true })).toEqual({
      a: 'A: no warfarin',
      b: 'B: warfarin',
    });
  });

  it('lists up to three differing inputs, then counts the rest', () => {
    const b: Inputs = { ...DEFAULT_INPUTS, calciumMgPerDay: 500, d3IuPerDay: 0, k2UgPerDay: 200 };
    expect(conditionLabels(DEFAULT_INPUTS, b)).toEqual({
      a: 'A: calcium 1,000 mg/day, vitamin D3 1,000 IU/day, vitamin K2 30 µg/day',
      b: 'B: calcium 500 mg/day, vitamin D3 0 IU/day, vitamin K2 200 µg/day',
    });
    const labels = conditionLabels(DEFAULT_INPUTS, { ...b, ageYears: 70, sex: 'male' });
    expect(labels.b).toBe('B: calcium 500 mg/day, vitamin D3 0 IU/day, vitamin K2 200 µg/day, and 2 more');
    expect(labels.a).not.toContain('age');
  });

  it('says so when the inputs are the same', () => {
    expect(conditionLabels(DEFAULT_INPUTS, DEFAULT_INPUTS)).toEqual({ a: 'A: same inputs', b: 'B: same inputs' });
  });
});

describe('years', () => {
  const a = yearPoints(40, 20, -0.2, 2);
  const b = yearPoints(40, 20, -0.8, 6);

  it('compares the latest years and nothing before both have one', () => {
    expect(yearsDifferences(null, a[0] ?? null)).toEqual([]);
    const diffs = yearsDifferences(a.at(-1) ?? null, b.at(-1) ?? null);
    expect(diffs.map((d) => d.key)).toEqual([...YEARS_DIFFERENCE_KEYS]);
    expect(byKey(diffs, 'bone').direction).toBe('lower');
    expect(byKey(diffs, 'artery').sentence).toBe("B's artery-wall mineral is 3 times A's (illustrative)");
    expect(byKey(diffs, 'serum').direction).toBe('same');
  });

  it('builds bone and artery charts with both lines, end labels A and B, and the gap shaded', () => {
    const ages = { startAge: 40, endAge: 80 };
    const bone = buildCompareBoneChart(a, b, ages);
    const artery = buildCompareArteryChart(a, b, ages);
    for (const model of [bone, artery]) {
      expectDrawable(model.chart);
      expect(model.chart.series.map((s) => s.key)).toEqual(['a', 'b']);
      expect(model.chart.series.map((s) => s.dash)).toEqual([COMPARE_STYLE.a.dash, COMPARE_STYLE.b.dash]);
      expect(model.chart.series.map((s) => s.label?.text.split(' ')[0])).toEqual(['A', 'B']);
      expect(model.gap.path).toMatch(/^M.*Z$/);
    }
    expect(artery.chart.summary).toContain("B's artery-wall mineral is 3 times A's");
    expect(bone.chart.summary).toMatch(/At age 60, A has 96 % and B 84 % of its starting bone mineral/);
  });

  it('draws empty charts with no data', () => {
    const bone = buildCompareBoneChart([], [], { startAge: 40, endAge: 80 });
    expectDrawable(bone.chart);
    expect(bone.chart.emptyText).toBe(t('chart.noData'));
    expect(bone.gap.path).toBe('');
    expect(bone.difference).toBeNull();
  });
});

describe('gap shading', () => {
  const toX = (x: number) => x;
  const toY = (y: number) => y;

  it('shades only stretches where the lines differ, reaching one point past each end', () => {
    const a = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: 10 }));
    const b = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: x === 3 ? 20 : 10 }));
    const pairs = pairPoints(a, b);
    expect(pairs).toHaveLength(7);
    const path = gapPath(pairs, (p, q) => Math.abs(p - q) > 1, toX, toY);
    expect(path).toBe('M2 10L3 10L4 10L3 20L2 10Z');
    expect(gapPath(pairs, () => false, toX, toY)).toBe('');
  });

  it('pairs points by x and skips those only one run has', () => {
    const pairs = pairPoints(
      [
        { x: 0, y: 1 },
        { x: 1, y: 2 },
      ],
      [{ x: 1, y: 3 }],
    );
    expect(pairs).toEqual([{ x: 1, a: 2, b: 3 }]);
  });
});

describe('summaries before any data', () => {
  it('say there is no data yet', () => {
    const model = buildCompareAbsorbedChart([], []);
    expect(model.chart.summary).toBe(t('chart.summary.empty'));
    expect(model.difference).toBeNull();
  });
});
