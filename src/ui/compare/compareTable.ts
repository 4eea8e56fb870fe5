/**
 * Compare mode's table: a real <table> captioned "A and B compared", with the outcome table's rows and columns
 * A | B | Difference. A notable difference is marked three ways, none of them colour: an arrow, bold text and a word
 * ("12 % higher"). Above the table, the headline ("Last full day: B absorbs 42 % less calcium than A.") sits in a
 * polite live region that changes only when the headline meaningfully changes, never on every refresh.
 */
import { formatNumber, formatPercent, t } from '../../i18n';
import type { YearPoint } from '../../model/years';
import type { DaySummary } from '../../session/dayRecord';
import { arteryIllustrativeLabel } from '../content/notices';
import { h, setText } from '../dom';
import { SUMMARY_INTERVAL_MS } from '../liveSummary';
import {
  basisOf,
  basisText,
  type CompareView,
  type ConditionLabels,
  DAY_DIFFERENCE_KEYS,
  type Difference,
  type DifferenceKey,
  dayDifferences,
  formatValue,
  headline,
  headlineChanged,
  type MgpReading,
  mostNotable,
  yearsDifferences,
} from './differences';

export { type ConditionLabels, conditionLabels, type MgpReading } from './differences';

export interface CompareTable {
  readonly element: HTMLElement;
  /**
   * Day view. `a` and `b` are the two runs' summaries of the same day: both last full days once there is one, else
   * both today so far (see chooseDays). `mgp` fills the "MGP switched on" row; without it that row shows a dash.
   */
  showDay(
    a: DaySummary,
    b: DaySummary,
    labels: ConditionLabels,
    mgp?: { readonly a: MgpReading; readonly b: MgpReading },
  ): void;
  /** Years view: each run's latest year (null before the first), and the age the runs began. */
  showYears(a: YearPoint | null, b: YearPoint | null, labels: ConditionLabels, startAge?: number): void;
  /** The headline sentence as shown (and last announced). */
  readonly headline: string;
}

export interface CompareTableOptions {
  /** Real time in ms, for spacing announcements; defaults to performance.now. */
  readonly now?: () => number;
}

interface Row {
  readonly row: HTMLTableRowElement;
  readonly a: HTMLTableCellElement;
  readonly b: HTMLTableCellElement;
  readonly diff: HTMLTableCellElement;
}

interface Table {
  readonly table: HTMLTableElement;
  readonly basis: HTMLElement;
  readonly colA: HTMLTableCellElement;
  readonly colB: HTMLTableCellElement;
  readonly rows: Map<string, Row>;
}

/** The table's rows are the comparison's own keys, in the outcome table's order. */
const DAY_ROWS: readonly DifferenceKey[] = DAY_DIFFERENCE_KEYS;
/** Row labels: the outcome table's own, so the two tables read alike. */
const DAY_ROW_LABEL: Readonly<Record<string, string>> = {
  eaten: 'table.row.eaten',
  absorbed: 'table.row.absorbed',
  absorbedShare: 'table.row.absorbedShare',
  faeces: 'table.row.faeces',
  urine: 'table.row.urine',
  boneIn: 'table.row.boneIn',
  boneOut: 'table.row.boneOut',
  artery: 'table.row.artery',
  serum: 'table.row.serum',
  mgp: 'table.row.mgp',
};
const YEARS_ROWS = ['age', 'bone', 'artery', 'absorbedShare', 'serum'] as const;
const YEARS_ROW_LABEL: Readonly<Record<(typeof YEARS_ROWS)[number], string>> = {
  age: 'table.years.age',
  bone: 'table.years.bone',
  artery: 'table.years.artery',
  absorbedShare: 'table.years.absorbedShare',
  serum: 'table.years.serum',
};

/** Arrows that repeat the word beside them; hidden from screen readers, which read the word. */
const ICON: Readonly<Record<Difference['direction'], string>> = { higher: '▲', lower: '▼', same: '≈', unknown: '' };

function createTable(keys: readonly string[], label: (key: string) => string, firstRowClass?: string): Table {
  const basis = h('span', { class: 'compare-basis' });
  const table = h('table', { class: 'outcome-table compare-table' });
  table.append(h('caption', {}, h('span', { text: t('compare.table.caption') }), ' ', basis));
  const colA = h('th', { scope: 'col', class: 'compare-col-a' });
  const colB = h('th', { scope: 'col', class: 'compare-col-b' });
  table.append(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: t('compare.table.col.reading') }),
        colA,
        colB,
        h('th', { scope: 'col', text: t('compare.table.col.difference') }),
      ),
    ),
  );
  const body = h('tbody', {});
  table.append(body);
  const rows = new Map<string, Row>();
  for (const key of keys) {
    const row = body.insertRow();
    row.dataset.key = key;
    const th = h('th', { scope: 'row', text: label(key) });
    if (key === 'artery') th.append(h('span', { class: 'row-note', text: arteryIllustrativeLabel() }));
    row.append(th);
    const a = row.insertCell();
    const b = row.insertCell();
    const diff = row.insertCell();
    diff.className = 'compare-diff';
    rows.set(key, { row, a, b, diff });
  }
  if (firstRowClass) rows.get(keys[0] ?? '')?.row.classList.add(firstRowClass);
  return { table, basis, colA, colB, rows };
}

/** The Difference column's words for one row ("12 % higher", "higher: 3 times A", "about the same"). */
export function differenceWords(d: Difference): string {
  switch (d.direction) {
    case 'unknown':
      return t('compare.cell.unknown');
    case 'same':
      return t('compare.cell.same');
    case 'higher':
      if (d.a === 0) return t('compare.cell.fromZero');
      if (d.b / d.a >= 2)
        return t('compare.cell.timesHigher', { times: formatNumber(d.b / d.a, d.b / d.a < 10 ? 1 : 0) });
      return t('compare.cell.higher', { percent: formatPercent(Math.abs(d.relative)) });
    case 'lower':
      return t('compare.cell.lower', { percent: formatPercent(Math.abs(d.relative)) });
  }
}

/** Writes a Difference cell, rebuilding its few nodes only when what it says changes. */
function writeDifference(row: Row, d: Difference | null, fallback: string): void {
  const direction = d?.direction ?? 'unknown';
  const words = d ? differenceWords(d) : fallback;
  const signature = `${direction}|${words}`;
  if (row.diff.dataset.signature === signature) return;
  row.diff.dataset.signature = signature;
  row.diff.dataset.direction = direction;
  const notable = d?.notable === true;
  row.row.classList.toggle('is-notable', notable);
  const icon = ICON[direction];
  row.diff.replaceChildren(
    ...(icon ? [h('span', { class: 'compare-icon', 'aria-hidden': 'true', text: icon }), ' '] : []),
    notable ? h('strong', { text: words }) : h('span', { text: words }),
  );
}

export function createCompareTable(options: CompareTableOptions = {}): CompareTable {
  const now = options.now ?? (() => performance.now());
  const live = h('p', { class: 'compare-headline', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const day = createTable(DAY_ROWS, (key) => t(DAY_ROW_LABEL[key] ?? key), 'row-reference');
  const years = createTable(YEARS_ROWS, (key) => t(YEARS_ROW_LABEL[key as (typeof YEARS_ROWS)[number]]));
  years.table.hidden = true;
  const element = h('div', { class: 'compare-panel' }, live, day.table, years.table);

  // What the live region last said, and about what: it changes only when the headline meaningfully does.
  let shownContext: string | null = null;
  let shownDifference: Difference | null = null;
  let shownAt = Number.NEGATIVE_INFINITY;
  let shownText = '';

  const offerHeadline = (context: string, diffs: readonly Difference[], text: string): void => {
    const best = mostNotable(diffs);
    const changed = context !== shownContext || headlineChanged(shownDifference, best);
    if (!changed) return;
    const at = now();
    // The first headline is shown at once; later ones at most every few seconds, so fast runs do not chatter.
    if (shownContext !== null && at - shownAt < SUMMARY_INTERVAL_MS) return;
    shownContext = context;
    shownDifference = best;
    shownAt = at;
    shownText = text;
    setText(live, text);
  };

  const showLabels = (table: Table, labels: ConditionLabels): void => {
    setText(table.colA, labels.a);
    setText(table.colB, labels.b);
  };

  const show = (view: CompareView): void => {
    day.table.hidden = view !== 'day';
    years.table.hidden = view !== 'years';
  };

  return {
    element,
    get headline() {
      return shownText;
    },
    showDay(a, b, labels, mgp) {
      show('day');
      showLabels(day, labels);
      setText(day.basis, basisText(a));
      const diffs = dayDifferences(a, b, mgp);
      const byKey = new Map(diffs.map((d) => [d.key, d]));
      for (const key of DAY_ROWS) {
        const row = day.rows.get(key);
        if (!row) continue;
        const d = byKey.get(key) ?? null;
        if (key === 'mgp') {
          setText(row.a, mgp ? mgpText(mgp.a) : t('value.none'));
          setText(row.b, mgp ? mgpText(mgp.b) : t('value.none'));
        } else if (d) {
          setText(row.a, formatValue(key, d.a));
          setText(row.b, formatValue(key, d.b));
        }
        writeDifference(row, d, t('value.none'));
      }
      const basis = basisOf(a);
      const sentence = headline(diffs);
      offerHeadline(`day|${basis}|${diffs.length > 0}`, diffs, t(`compare.headline.${basis}`, { sentence }));
    },
    showYears(a, b, labels, startAge) {
      show('years');
      showLabels(years, labels);
      const age = a?.ageYears ?? b?.ageYears ?? startAge;
      setText(years.basis, age === undefined ? '' : t('compare.basis.years', { age: formatNumber(age) }));
      const diffs = yearsDifferences(a, b);
      const byKey = new Map(diffs.map((d) => [d.key, d]));
      for (const key of YEARS_ROWS) {
        const row = years.rows.get(key);
        if (!row) continue;
        if (key === 'age') {
          const ageA = a?.ageYears ?? startAge;
          const ageB = b?.ageYears ?? startAge;
          setText(row.a, ageText(ageA));
          setText(row.b, ageText(ageB));
          writeDifference(row, null, ageA === ageB ? t('compare.cell.notCompared') : t('value.none'));
          continue;
        }
        const d = byKey.get(key) ?? null;
        setText(row.a, d ? formatValue(key, d.a) : t('value.none'));
        setText(row.b, d ? formatValue(key, d.b) : t('value.none'));
        writeDifference(row, d, t('value.none'));
      }
      const sentence = headline(diffs);
      offerHeadline(
        `years|${diffs.length > 0}`,
        diffs,
        t(diffs.length > 0 ? 'compare.headline.years' : 'compare.headline.plain', { sentence }),
      );
    },
  };
}

function mgpText(reading: MgpReading): string {
  return reading.mgpAbsent ? t('table.mgpAbsent') : formatValue('mgp', reading.activeMgp);
}

function ageText(age: number | undefined): string {
  return age === undefined ? t('value.none') : t('table.years.ageValue', { age: formatNumber(age) });
}
