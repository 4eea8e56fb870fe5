/**
 * Compare mode's differences, without a DOM: for each row of the compare table, A's and B's values, how far B is
 * from A, whether that gap is worth pointing out, and a plain sentence saying so ("B absorbs 12 % less calcium than
 * A"). Sentences describe what happens in the body, never intentions. The table, the charts' summaries and the live
 * headline all read these, so they never disagree.
 */
import { currentLocale, formatNumber, formatPercent, t } from '../../i18n';
import type { Inputs } from '../../model/inputs';
import { TICKS_PER_DAY } from '../../model/integrator';
import type { YearPoint } from '../../model/years';
import type { DaySummary } from '../../session/dayRecord';
import { formatMg, formatSerum } from '../format';

/** Rows of the day comparison, in table order (they follow the outcome table's rows). */
export const DAY_DIFFERENCE_KEYS = [
  'eaten',
  'absorbed',
  'absorbedShare',
  'faeces',
  'urine',
  'boneIn',
  'boneOut',
  'artery',
  'serum',
  'mgp',
] as const;
export type DayDifferenceKey = (typeof DAY_DIFFERENCE_KEYS)[number];

/** Rows of the years comparison that can differ (age is the same in A and B by construction). */
export const YEARS_DIFFERENCE_KEYS = ['bone', 'artery', 'absorbedShare', 'serum'] as const;
export type YearsDifferenceKey = (typeof YEARS_DIFFERENCE_KEYS)[number];

export type DifferenceKey = DayDifferenceKey | YearsDifferenceKey;
export type CompareView = 'day' | 'years';

/**
 * How B stands against A. `higher`/`lower` only for notable differences; `same` when the gap is too small to
 * matter; `unknown` when either value does not exist yet (e.g. the absorbed share before any calcium left the gut).
 */
export type Direction = 'higher' | 'lower' | 'same' | 'unknown';

export interface Difference {
  readonly key: DifferenceKey;
  readonly view: CompareView;
  readonly a: number;
  readonly b: number;
  /** b − a. */
  readonly delta: number;
  /** (b − a) / |a|, e.g. −0.12 for "12 % less"; ±Infinity when A is zero and B is not; NaN when unknown. */
  readonly relative: number;
  /** |relative| ≥ NOTABLE_RELATIVE and |delta| at or above the row's floor (see NOTABLE_FLOOR). */
  readonly notable: boolean;
  readonly direction: Direction;
  /** A plain sentence without a final full stop, e.g. "B absorbs 12 % less calcium than A". */
  readonly sentence: string;
}

/** Smallest relative difference that is pointed out: 5 %. */
export const NOTABLE_RELATIVE = 0.05;
/** From this ratio on (B at least twice A), sentences say "3 times as much" instead of "200 % more". */
const TIMES_FROM = 2;

/**
 * Smallest absolute difference that is pointed out, per row, in the row's own unit. Early in a day every amount is
 * a few mg, and 0.5 mg against 0.6 mg is "20 % more" but means nothing; these floors keep such noise quiet.
 * Artery-wall mineral is tiny (about 0.003 mg a day), so its day floor is tiny too.
 */
export const NOTABLE_FLOOR: Readonly<Record<CompareView, Readonly<Partial<Record<DifferenceKey, number>>>>> = {
  day: {
    eaten: 5,
    absorbed: 5,
    absorbedShare: 0.01,
    faeces: 5,
    urine: 5,
    boneIn: 5,
    boneOut: 5,
    artery: 1e-4,
    serum: 0.02,
    mgp: 0.02,
  },
  years: {
    // Bone is a percentage of the starting amount: a gap of 2 points (93 % vs 95 %) matters over a life even though
    // it is only a 2 % relative change, so bone is judged by its floor alone (ABSOLUTE_ROWS).
    bone: 1,
    artery: 0.1,
    absorbedShare: 0.01,
    serum: 0.02,
  },
};

/** Catalogue stem of each row's sentences, per view (the artery row is a day's deposit, or a lifetime's). */
const SENTENCE_STEM: Readonly<Record<CompareView, Readonly<Partial<Record<DifferenceKey, string>>>>> = {
  day: {
    eaten: 'eaten',
    absorbed: 'absorbed',
    absorbedShare: 'absorbedShare',
    faeces: 'faeces',
    urine: 'urine',
    boneIn: 'boneIn',
    boneOut: 'boneOut',
    artery: 'arteryDay',
    serum: 'serum',
    mgp: 'mgp',
  },
  years: {
    bone: 'bone',
    artery: 'arteryYears',
    absorbedShare: 'absorbedShare',
    serum: 'serum',
  },
};

/** A row's value as the table shows it, for sentences that quote the numbers. */
export function formatValue(key: DifferenceKey, value: number): string {
  if (!Number.isFinite(value)) return t('value.none');
  switch (key) {
    case 'absorbedShare':
    case 'mgp':
      return formatPercent(value);
    case 'serum':
      return formatSerum(value);
    case 'bone':
      return formatPercent(value / 100, 1);
    default:
      return formatMg(value);
  }
}

/** The row name used in fallback sentences ("Artery wall: none in A, 0.003 mg in B"). */
export function rowName(key: DifferenceKey, view: CompareView): string {
  return t(`compare.row.${view}.${key}`);
}

/** Rows already in percent of something, where a gap in points says more than a relative change. */
const ABSOLUTE_ROWS: Readonly<Record<CompareView, readonly DifferenceKey[]>> = { day: [], years: ['bone'] };

/** Whether B's `b` differs from A's `a` enough to point out, by the row's rules. */
export function isNotable(key: DifferenceKey, view: CompareView, a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const delta = b - a;
  const floor = NOTABLE_FLOOR[view][key] ?? 0;
  if (Math.abs(delta) < floor || delta === 0) return false;
  if (ABSOLUTE_ROWS[view].includes(key)) return true;
  return Math.abs(relativeChange(a, b)) >= NOTABLE_RELATIVE;
}

function relativeChange(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  if (a === 0) return b === 0 ? 0 : Math.sign(b) * Number.POSITIVE_INFINITY;
  return (b - a) / Math.abs(a);
}

/** One row's difference between A (`a`) and B (`b`). */
export function difference(key: DifferenceKey, view: CompareView, a: number, b: number): Difference {
  const relative = relativeChange(a, b);
  const known = Number.isFinite(a) && Number.isFinite(b);
  const notable = isNotable(key, view, a, b);
  const direction: Direction = !known ? 'unknown' : !notable ? 'same' : b > a ? 'higher' : 'lower';
  return { key, view, a, b, delta: b - a, relative, notable, direction, sentence: sentenceFor(key, view, a, b) };
}

function saysTimes(d: Difference): boolean {
  return d.a !== 0 && d.b / d.a >= TIMES_FROM;
}

function sentenceFor(key: DifferenceKey, view: CompareView, a: number, b: number): string {
  const row = rowName(key, view);
  const stem = `compare.sentence.${SENTENCE_STEM[view][key] ?? key}`;
  const values = { a: formatValue(key, a), b: formatValue(key, b), row };
  if (!Number.isFinite(a) || !Number.isFinite(b)) return t('compare.sentence.unknown', values);
  if (!isNotable(key, view, a, b)) return t(`${stem}.same`, values);
  if (a === 0) return t('compare.sentence.fromZero', values);
  if (b === 0) return t('compare.sentence.toZero', values);
  const relative = relativeChange(a, b);
  const ratio = b / a;
  if (ratio >= TIMES_FROM) return t(`${stem}.times`, { ...values, times: formatNumber(ratio, ratio < 10 ? 1 : 0) });
  return t(`${stem}.${relative > 0 ? 'more' : 'less'}`, { ...values, percent: formatPercent(Math.abs(relative)) });
}

/** Switched-on MGP for one condition (the table's "MGP switched on" row); not part of a DaySummary. */
export interface MgpReading {
  /** Carboxylated MGP that exists, 0–1 (0 when MGP is not made). */
  readonly activeMgp: number;
  readonly mgpAbsent: boolean;
}

/**
 * Every day row's difference, B against A, in table order. Pass both conditions' MGP readings to include the MGP
 * row; without them it is left out.
 */
export function dayDifferences(
  a: DaySummary,
  b: DaySummary,
  mgp?: { readonly a: MgpReading; readonly b: MgpReading },
): Difference[] {
  const value = (s: DaySummary, key: DayDifferenceKey, m: MgpReading | undefined): number => {
    switch (key) {
      case 'serum':
        return s.serumNow;
      case 'mgp':
        return m ? m.activeMgp : Number.NaN;
      default:
        return s[key];
    }
  };
  return DAY_DIFFERENCE_KEYS.filter((key) => key !== 'mgp' || mgp !== undefined).map((key) =>
    difference(key, 'day', value(a, key, mgp?.a), value(b, key, mgp?.b)),
  );
}

/** Every years row's difference at the latest year; empty until both runs have a year. */
export function yearsDifferences(a: YearPoint | null, b: YearPoint | null): Difference[] {
  if (!a || !b) return [];
  const value = (p: YearPoint, key: YearsDifferenceKey): number => {
    switch (key) {
      case 'bone':
        return p.bonePercentOfStart;
      case 'artery':
        return p.arteryMg;
      case 'absorbedShare':
        return p.fractionalAbsorption;
      case 'serum':
        return p.serumCalciumMmolL;
    }
  };
  return YEARS_DIFFERENCE_KEYS.map((key) => difference(key, 'years', value(a, key), value(b, key)));
}

/** Which day the comparison reads: the last full day once there is one, else today so far. */
export type DayBasis = 'lastDay' | 'today';

export interface ChosenDays {
  readonly a: DaySummary;
  readonly b: DaySummary;
  readonly basis: DayBasis;
}

/**
 * The pair of days to compare: both runs' last full day once both have one (a settled whole day says more than a
 * day in progress), else both runs' today so far. A and B share one clock, so they have the same days.
 */
export function chooseDays(
  a: { readonly today: DaySummary; readonly lastDay: DaySummary | null },
  b: { readonly today: DaySummary; readonly lastDay: DaySummary | null },
): ChosenDays {
  if (a.lastDay && b.lastDay) return { a: a.lastDay, b: b.lastDay, basis: 'lastDay' };
  return { a: a.today, b: b.today, basis: 'today' };
}

/** Whether a summary is a whole day (the last full day) or a day in progress. */
export function basisOf(summary: DaySummary): DayBasis {
  return summary.minutes >= TICKS_PER_DAY ? 'lastDay' : 'today';
}

/** "Last full day (day 2)" / "Today so far (day 3)". */
export function basisText(summary: DaySummary): string {
  return t(`compare.basis.${basisOf(summary)}`, { day: summary.day });
}

/**
 * How much each row counts when choosing the headline. Absorption comes first in the story (what follows depends on
 * it), so it is favoured a little; what was eaten is a cause set by the student, and the absorbed share repeats the
 * absorbed amount, so they are headlines only when nothing else differs.
 */
const HEADLINE_WEIGHT: Readonly<Partial<Record<DifferenceKey, number>>> = {
  absorbed: 1.25,
  eaten: 0.3,
  absorbedShare: 0.6,
};
/** Relative differences are capped here when ranked, so "from none to some" does not always win. */
const HEADLINE_CAP = 10;

/** The most notable difference, or null when none is notable. Ties go to the earlier row. */
export function mostNotable(diffs: readonly Difference[]): Difference | null {
  let best: Difference | null = null;
  let bestScore = 0;
  for (const d of diffs) {
    if (!d.notable) continue;
    const score = Math.min(Math.abs(d.relative), HEADLINE_CAP) * (HEADLINE_WEIGHT[d.key] ?? 1);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** The one sentence for the live summary: the most notable difference, or that A and B look about the same. */
export function headline(diffs: readonly Difference[]): string {
  const best = mostNotable(diffs);
  if (best) return best.sentence;
  return t(diffs.length === 0 ? 'compare.headline.none' : 'compare.headline.same');
}

/** Change in relative difference (0.05 = 5 percentage points) below which a headline is not spoken again. */
export const HEADLINE_HYSTERESIS = 0.05;

/**
 * Whether the headline has changed enough to be spoken again: another row, another direction, or the same one
 * moved by at least HEADLINE_HYSTERESIS. Minute-by-minute drift ("12 %" becoming "13 %") is not worth
 * interrupting a screen-reader user for; the table shows exact numbers.
 */
export function headlineChanged(previous: Difference | null, next: Difference | null): boolean {
  if (previous === null || next === null) return previous !== next;
  if (previous.key !== next.key || previous.direction !== next.direction) return true;
  const p = Math.min(Math.abs(previous.relative), HEADLINE_CAP);
  const n = Math.min(Math.abs(next.relative), HEADLINE_CAP);
  // Sentences switch between "% more" and "times as much" at twice A; crossing that is a change of wording.
  if (saysTimes(previous) !== saysTimes(next)) return true;
  return Math.abs(n - p) >= HEADLINE_HYSTERESIS * Math.max(1, p);
}

// --- Condition labels --------------------------------------------------------------------------------------------

export interface ConditionLabels {
  /** e.g. "A: vitamin D3 1,000 IU/day". */
  readonly a: string;
  /** e.g. "B: vitamin D3 0 IU/day". */
  readonly b: string;
}

/** Inputs in the order labels name them: the ones lessons vary most come first. */
const LABEL_ORDER: readonly (keyof Inputs)[] = [
  'calciumMgPerDay',
  'd3IuPerDay',
  'k2UgPerDay',
  'k2Form',
  'k1UgPerDay',
  'warfarin',
  'mgpAbsent',
  'ageYears',
  'sex',
];
/** At most this many differing inputs are named; the rest are counted ("and 2 more"). */
export const MAX_LABEL_INPUTS = 3;

function describeInput(inputs: Inputs, key: keyof Inputs): string {
  switch (key) {
    case 'calciumMgPerDay':
      return t('compare.input.calcium', { value: t('unit.mgPerDay', { value: formatNumber(inputs[key]) }) });
    case 'd3IuPerDay':
      return t('compare.input.d3', { value: t('unit.iuPerDay', { value: formatNumber(inputs[key]) }) });
    case 'k2UgPerDay':
      return t('compare.input.k2', { value: t('unit.ugPerDay', { value: formatNumber(inputs[key]) }) });
    case 'k1UgPerDay':
      return t('compare.input.k1', { value: t('unit.ugPerDay', { value: formatNumber(inputs[key]) }) });
    case 'k2Form':
      return t('compare.input.k2Form', { form: t(`control.k2Form.${inputs.k2Form}`) });
    case 'warfarin':
      return t(inputs.warfarin ? 'compare.input.warfarin.on' : 'compare.input.warfarin.off');
    case 'mgpAbsent':
      return t(inputs.mgpAbsent ? 'compare.input.mgpAbsent.on' : 'compare.input.mgpAbsent.off');
    case 'ageYears':
      return t('compare.input.age', { value: formatNumber(inputs.ageYears) });
    case 'sex':
      return t(`compare.input.sex.${inputs.sex}`);
  }
}

function joinList(parts: readonly string[]): string {
  // The locale's own list punctuation ("a, b, c"), so no words or commas are glued together here.
  return new Intl.ListFormat(currentLocale(), { style: 'short', type: 'unit' }).format(parts);
}

/**
 * Short descriptions of the two conditions that name only the inputs that differ, e.g.
 * { a: "A: vitamin D3 1,000 IU/day", b: "B: vitamin D3 0 IU/day" }; up to MAX_LABEL_INPUTS inputs, then a count.
 */
export function conditionLabels(a: Inputs, b: Inputs): ConditionLabels {
  const differing = LABEL_ORDER.filter((key) => a[key] !== b[key]);
  const describe = (inputs: Inputs): string => {
    if (differing.length === 0) return t('compare.label.same');
    const parts = differing.slice(0, MAX_LABEL_INPUTS).map((key) => describeInput(inputs, key));
    const more = differing.length - MAX_LABEL_INPUTS;
    if (more > 0) parts.push(t('compare.label.more', { count: more }));
    return joinList(parts);
  };
  return {
    a: t('compare.label', { name: t('compare.name.a'), inputs: describe(a) }),
    b: t('compare.label', { name: t('compare.name.b'), inputs: describe(b) }),
  };
}
