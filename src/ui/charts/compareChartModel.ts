/**
 * Compare mode's chart models: condition A against condition B on one chart. Day view: calcium absorbed since
 * midnight and blood calcium; years view: bone mineral and the illustrative artery-wall index. A is a solid line
 * with round markers ending in "A", B a dashed line with triangles ending in "B" (never colour alone), and the gap
 * between the two lines is lightly shaded wherever they differ noticeably, by the same rule the compare table uses
 * to mark a difference. Built without a DOM, like the other chart models.
 */
import { formatNumber, formatPercent, t } from '../../i18n';
import { P } from '../../model/params';
import type { YearPoint } from '../../model/years';
import { type CompareView, type Difference, type DifferenceKey, difference, isNotable } from '../compare/differences';
import { formatMg, formatSerum } from '../format';
import type { DayPoint } from '../outcomeTypes';
import { type Axis, buildChart, type ChartInput, type ChartModel, type Margins, type SeriesInput } from './chartModel';
import { HOURS_PER_DAY } from './dayChartModel';
import { clockLabel, formatMmol } from './format';
import { linePath, type Point } from './paths';
import { linearScale } from './scale';
import {
  COMPARE_GAP_COLOUR,
  COMPARE_GAP_OPACITY,
  COMPARE_STYLE,
  type CompareCondition,
  LINE_WIDTH,
  NORMAL_BAND_COLOUR,
} from './styles';
import { decimalsForStep, niceAxis, niceStep, ticksWithin } from './ticks';
import { boneAxisFloor, bonePoints } from './yearsChartModel';

/** The shaded gap between A's and B's lines, in viewBox units. */
export interface GapView {
  /** Closed SVG path data (one sub-path per stretch where A and B differ); '' when they never do. */
  readonly path: string;
  readonly colour: string;
  readonly opacity: number;
}

export interface CompareChartModel {
  readonly chart: ChartModel;
  readonly gap: GapView;
  /** A against B at the latest point both have, or null before there is one. */
  readonly difference: Difference | null;
}

/** A's and B's values at one x both have. */
export interface PointPair {
  readonly x: number;
  readonly a: number;
  readonly b: number;
}

const CONDITIONS: readonly CompareCondition[] = ['a', 'b'];
const DAY_X: Axis = { min: 0, max: HOURS_PER_DAY, ticks: [0, 6, 12, 18, 24], format: clockLabel };
const MARKER_EVERY_HOURS = 3;
/** A fresh day starts on a 0–100 mg axis, so the first meal does not fill the whole height. */
const MIN_ABSORBED_AXIS_MG = 100;
const SERUM_AXIS: readonly [number, number] = [P.serumModelLow.value, 3.0];
/** An almost empty artery wall still gets a 0–10 mg axis, as in the single-run chart. */
const MIN_ARTERY_AXIS_MG = 10;
/** Room on the right for "A 2.35 mmol/L"-sized end labels. */
const DAY_MARGINS: Margins = { left: 54, right: 104, top: 30, bottom: 48 };
const SERUM_MARGINS: Margins = { left: 54, right: 138, top: 30, bottom: 48 };
const YEARS_MARGINS: Margins = { left: 54, right: 104, top: 30, bottom: 48 };

/** A's and B's points at the same x (the runs share one clock, so normally every point pairs up). */
export function pairPoints(a: readonly Point[], b: readonly Point[]): PointPair[] {
  const byX = new Map<number, number>();
  for (const p of b) if (Number.isFinite(p.x) && Number.isFinite(p.y)) byX.set(p.x, p.y);
  const pairs: PointPair[] = [];
  for (const p of a) {
    const other = byX.get(p.x);
    if (other !== undefined && Number.isFinite(p.y)) pairs.push({ x: p.x, a: p.y, b: other });
  }
  return pairs;
}

/**
 * Path data shading between the two lines wherever `differs(a, b)` holds. Each stretch reaches one pair further on
 * both sides, so the shading tapers to where the lines meet instead of starting with a hard edge.
 */
export function gapPath(
  pairs: readonly PointPair[],
  differs: (a: number, b: number) => boolean,
  toX: (x: number) => number,
  toY: (y: number) => number,
): string {
  const hit = pairs.map((p) => differs(p.a, p.b));
  const shaded = hit.map((h, i) => h || hit[i - 1] === true || hit[i + 1] === true);
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= pairs.length; i++) {
    if (i < pairs.length && shaded[i]) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 2) {
      const run = pairs.slice(start, i);
      const outline = [
        ...run.map((p) => ({ x: toX(p.x), y: toY(p.a) })),
        ...run.reverse().map((p) => ({ x: toX(p.x), y: toY(p.b) })),
      ];
      parts.push(`${linePath(outline)}Z`);
    }
    start = -1;
  }
  return parts.join('');
}

function conditionName(condition: CompareCondition): string {
  return t(`compare.name.${condition}`);
}

function twoLines(
  points: Readonly<Record<CompareCondition, readonly Point[]>>,
  label: (condition: CompareCondition, last: Point) => string,
  markerEvery: number,
): SeriesInput[] {
  return CONDITIONS.map((condition) => {
    const line = points[condition];
    const last = line[line.length - 1];
    return {
      key: condition,
      points: line,
      style: COMPARE_STYLE[condition],
      width: LINE_WIDTH,
      markerEvery,
      label: last ? t('compare.chart.label', { name: conditionName(condition), value: label(condition, last) }) : null,
    };
  });
}

/** Builds the chart, then the gap on the chart's own scales. */
function withGap(
  input: ChartInput,
  points: Readonly<Record<CompareCondition, readonly Point[]>>,
  key: DifferenceKey,
  view: CompareView,
  latest: Difference | null,
): CompareChartModel {
  const chart = buildChart(input);
  const { plot } = chart;
  const sx = linearScale([input.x.min, input.x.max], [plot.left, plot.right]);
  const sy = linearScale([input.y.min, input.y.max], [plot.bottom, plot.top]);
  const path = gapPath(pairPoints(points.a, points.b), (a, b) => isNotable(key, view, a, b), sx, sy);
  return { chart, gap: { path, colour: COMPARE_GAP_COLOUR, opacity: COMPARE_GAP_OPACITY }, difference: latest };
}

function finiteValues(points: readonly Point[]): number[] {
  return points.map((p) => p.y).filter(Number.isFinite);
}

function hourPoints(points: readonly DayPoint[], value: (p: DayPoint) => number): Point[] {
  return points.map((p) => ({ x: p.minute / 60, y: value(p) }));
}

/** Calcium absorbed since midnight, A against B. */
export function buildCompareAbsorbedChart(
  a: readonly DayPoint[],
  b: readonly DayPoint[],
  highlighted: CompareCondition | null = null,
): CompareChartModel {
  const points = { a: hourPoints(a, (p) => p.absorbed), b: hourPoints(b, (p) => p.absorbed) };
  const top = Math.max(MIN_ABSORBED_AXIS_MG, ...finiteValues(points.a), ...finiteValues(points.b));
  const y = niceAxis(0, top, 5);
  const lastA = a[a.length - 1];
  const lastB = b[b.length - 1];
  const latest = lastA && lastB ? difference('absorbed', 'day', lastA.absorbed, lastB.absorbed) : null;
  const summary =
    lastA && lastB && latest
      ? t('compare.chart.absorbed.summary', {
          time: clockLabel(Math.min(lastA.minute, lastB.minute) / 60),
          a: formatMg(lastA.absorbed),
          b: formatMg(lastB.absorbed),
          difference: latest.sentence,
        })
      : t('chart.summary.empty');
  return withGap(
    {
      title: t('compare.chart.absorbed.title'),
      summary,
      margins: DAY_MARGINS,
      x: DAY_X,
      y: { min: y.min, max: y.max, ticks: y.ticks, format: (v) => formatNumber(v) },
      xCaption: t('chart.day.xCaption'),
      yCaption: t('compare.chart.absorbed.yCaption'),
      series: twoLines(points, (_, last) => formatMg(last.y), MARKER_EVERY_HOURS),
      highlighted,
    },
    points,
    'absorbed',
    'day',
    latest,
  );
}

/** Blood calcium through the day, A against B, over the normal range. */
export function buildCompareSerumChart(
  a: readonly DayPoint[],
  b: readonly DayPoint[],
  highlighted: CompareCondition | null = null,
): CompareChartModel {
  const points = { a: hourPoints(a, (p) => p.serum), b: hourPoints(b, (p) => p.serum) };
  const valuesA = finiteValues(points.a);
  const valuesB = finiteValues(points.b);
  const values = [...valuesA, ...valuesB];
  // Widen to whole tenths so the axis does not creep with every small excursion.
  const min = Math.min(SERUM_AXIS[0], Math.floor(Math.min(...values, Infinity) * 10) / 10);
  const max = Math.max(SERUM_AXIS[1], Math.ceil(Math.max(...values, -Infinity) * 10) / 10);
  const step = niceStep((max - min) / 5);
  const decimals = decimalsForStep(step);
  const lastA = a[a.length - 1];
  const lastB = b[b.length - 1];
  const latest = lastA && lastB ? difference('serum', 'day', lastA.serum, lastB.serum) : null;
  const summary =
    latest && valuesA.length > 0 && valuesB.length > 0
      ? t('compare.chart.serum.summary', {
          aMin: formatMmol(Math.min(...valuesA)),
          aMax: formatMmol(Math.max(...valuesA)),
          bMin: formatMmol(Math.min(...valuesB)),
          bMax: formatMmol(Math.max(...valuesB)),
          difference: latest.sentence,
        })
      : t('chart.summary.empty');
  return withGap(
    {
      title: t('compare.chart.serum.title'),
      summary,
      margins: SERUM_MARGINS,
      x: DAY_X,
      y: { min, max, ticks: ticksWithin(min, max, step), format: (v) => formatNumber(v, decimals, decimals) },
      xCaption: t('chart.day.xCaption'),
      yCaption: t('chart.serum.yCaption'),
      series: twoLines(points, (_, last) => formatSerum(last.y), MARKER_EVERY_HOURS),
      band: {
        from: P.serumNormalLow.value,
        to: P.serumNormalHigh.value,
        label: t('chart.serum.normalRange'),
        colour: NORMAL_BAND_COLOUR,
      },
      highlighted,
    },
    points,
    'serum',
    'day',
    latest,
  );
}

/** Start and end ages of each run; B's start defaults to A's (the usual case: the same person, another habit). */
export interface CompareAges {
  readonly startAge: number;
  readonly endAge: number;
  readonly startAgeB?: number;
}

function ageAxis(ages: CompareAges, a: readonly YearPoint[], b: readonly YearPoint[]): Axis & { step: number } {
  const startB = ages.startAgeB ?? ages.startAge;
  const starts = [ages.startAge, startB].filter(Number.isFinite);
  const min = starts.length > 0 ? Math.min(...starts) : 0;
  const lastAges = [a[a.length - 1]?.ageYears, b[b.length - 1]?.ageYears].filter(
    (v): v is number => v !== undefined && Number.isFinite(v),
  );
  const max = Math.max(Number.isFinite(ages.endAge) ? ages.endAge : min, ...lastAges, min + 1);
  const step = niceStep((max - min) / 4);
  return { min, max, step, ticks: ticksWithin(min, max, step), format: (v) => formatNumber(v) };
}

/** Bone mineral as a share of each run's start, A against B. */
export function buildCompareBoneChart(
  a: readonly YearPoint[],
  b: readonly YearPoint[],
  ages: CompareAges,
  highlighted: CompareCondition | null = null,
): CompareChartModel {
  const x = ageAxis(ages, a, b);
  const lastA = a[a.length - 1];
  const lastB = b[b.length - 1];
  // Without a year's data the start anchor alone is not a line yet.
  const points = {
    a: lastA ? bonePoints(a, ages.startAge) : [],
    b: lastB ? bonePoints(b, ages.startAgeB ?? ages.startAge) : [],
  };
  const values = [...finiteValues(points.a), ...finiteValues(points.b)];
  const floor = boneAxisFloor(Math.min(...values, 100));
  const y = niceAxis(floor, Math.max(100, ...values), 4);
  const latest =
    lastA && lastB ? difference('bone', 'years', lastA.bonePercentOfStart, lastB.bonePercentOfStart) : null;
  const summary =
    lastA && lastB && latest
      ? t('compare.chart.bone.summary', {
          age: formatNumber(lastA.ageYears),
          a: formatPercentOfStart(lastA.bonePercentOfStart),
          b: formatPercentOfStart(lastB.bonePercentOfStart),
          difference: latest.sentence,
        })
      : t('chart.summary.empty');
  return withGap(
    {
      title: t('compare.chart.bone.title'),
      summary,
      margins: YEARS_MARGINS,
      x,
      y: { min: floor, max: y.max, ticks: ticksWithin(floor, y.max, y.step), format: (v) => formatNumber(v) },
      xCaption: t('chart.years.xCaption'),
      yCaption: t('chart.bone.yCaption'),
      series: twoLines(points, (_, last) => formatPercentOfStart(last.y), x.step),
      highlighted,
    },
    points,
    'bone',
    'years',
    latest,
  );
}

/** The illustrative artery-wall index, A against B. */
export function buildCompareArteryChart(
  a: readonly YearPoint[],
  b: readonly YearPoint[],
  ages: CompareAges,
  highlighted: CompareCondition | null = null,
): CompareChartModel {
  const x = ageAxis(ages, a, b);
  const toPoints = (series: readonly YearPoint[]): Point[] => series.map((p) => ({ x: p.ageYears, y: p.arteryMg }));
  const points = { a: toPoints(a), b: toPoints(b) };
  const values = [...finiteValues(points.a), ...finiteValues(points.b)];
  const y = niceAxis(Math.min(0, ...values), Math.max(MIN_ARTERY_AXIS_MG, ...values), 4);
  const lastA = a[a.length - 1];
  const lastB = b[b.length - 1];
  const latest = lastA && lastB ? difference('artery', 'years', lastA.arteryMg, lastB.arteryMg) : null;
  const summary =
    lastA && lastB && latest
      ? t('compare.chart.artery.summary', {
          age: formatNumber(lastA.ageYears),
          a: formatMg(lastA.arteryMg),
          b: formatMg(lastB.arteryMg),
          difference: latest.sentence,
        })
      : t('chart.summary.empty');
  return withGap(
    {
      title: t('compare.chart.artery.title'),
      summary,
      margins: YEARS_MARGINS,
      x,
      y: { min: y.min, max: y.max, ticks: y.ticks, format: (v) => formatNumber(v) },
      xCaption: t('chart.years.xCaption'),
      yCaption: t('chart.artery.yCaption'),
      series: twoLines(points, (_, last) => formatMg(last.y), x.step),
      highlighted,
    },
    points,
    'artery',
    'years',
    latest,
  );
}

function formatPercentOfStart(percent: number): string {
  return formatPercent(percent / 100);
}
