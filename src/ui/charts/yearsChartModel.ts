/** The two years charts: bone mineral as a share of the start, and the illustrative artery-wall index. */
import { formatNumber, formatPercent, t } from '../../i18n';
import type { YearPoint } from '../../model/years';
import { type Axis, buildChart, type ChartModel, type Margins } from './chartModel';
import { formatMg } from './format';
import type { Point } from './paths';
import { LINE_WIDTH, YEARS_STYLE, type YearsSeriesKey } from './styles';
import { arterySummary, boneSummary } from './summaries';
import { niceAxis, niceStep, ticksWithin } from './ticks';

const MARGINS: Margins = { left: 54, right: 92, top: 30, bottom: 48 };
/** An almost empty artery wall still gets a 0–10 mg axis, so early specks are not blown up to full height. */
const MIN_ARTERY_AXIS_MG = 10;

function ageAxis(startAge: number, endAge: number, series: readonly YearPoint[]): Axis & { step: number } {
  const lastAge = series[series.length - 1]?.ageYears ?? startAge;
  const min = Number.isFinite(startAge) ? startAge : 0;
  const max = Math.max(Number.isFinite(endAge) ? endAge : min, lastAge, min + 1);
  const step = niceStep((max - min) / 4);
  return { min, max, step, ticks: ticksWithin(min, max, step), format: (v) => formatNumber(v) };
}

/**
 * The lower end of the bone axis. Starting at zero would flatten the few per cent that matter over a decade;
 * starting just under the data would turn them into a cliff. So: a round number at least 10 points below the
 * lowest value, and zero once the skeleton has lost about half.
 */
export function boneAxisFloor(lowestPercent: number): number {
  const lowest = Math.min(100, Number.isFinite(lowestPercent) ? lowestPercent : 100);
  if (lowest < 50) return 0;
  return Math.min(80, Math.floor((lowest - 10) / 10) * 10);
}

/** Bone points with the run's start prepended: by definition 100 % of the start at the starting age. */
export function bonePoints(series: readonly YearPoint[], startAge: number): Point[] {
  const points = series.map((p) => ({ x: p.ageYears, y: p.bonePercentOfStart }));
  const first = series[0];
  if (first && first.ageYears > startAge) points.unshift({ x: startAge, y: 100 });
  return points;
}

export function buildBoneChart(
  series: readonly YearPoint[],
  startAge: number,
  endAge: number,
  highlighted: YearsSeriesKey | null = null,
): ChartModel {
  const x = ageAxis(startAge, endAge, series);
  const points = bonePoints(series, startAge);
  const values = points.map((p) => p.y).filter(Number.isFinite);
  const floor = boneAxisFloor(Math.min(...values, 100));
  const y = niceAxis(floor, Math.max(100, ...values), 4);
  const last = series[series.length - 1];

  return buildChart({
    title: t('chart.bone.title'),
    summary: boneSummary(series, startAge),
    margins: MARGINS,
    x,
    y: { min: floor, max: y.max, ticks: ticksWithin(floor, y.max, y.step), format: (v) => formatNumber(v) },
    xCaption: t('chart.years.xCaption'),
    yCaption: t('chart.bone.yCaption'),
    series: [
      {
        key: 'bone',
        // Without a year's data the anchor alone is not a line yet.
        points: last ? points : [],
        style: YEARS_STYLE.bone,
        width: LINE_WIDTH,
        markerEvery: x.step,
        label: last ? formatPercent(last.bonePercentOfStart / 100) : null,
      },
    ],
    highlighted,
  });
}

export function buildArteryChart(
  series: readonly YearPoint[],
  startAge: number,
  endAge: number,
  highlighted: YearsSeriesKey | null = null,
): ChartModel {
  const x = ageAxis(startAge, endAge, series);
  const points = series.map((p) => ({ x: p.ageYears, y: p.arteryMg }));
  const values = points.map((p) => p.y).filter(Number.isFinite);
  const y = niceAxis(Math.min(0, ...values), Math.max(MIN_ARTERY_AXIS_MG, ...values), 4);
  const last = series[series.length - 1];

  return buildChart({
    title: t('chart.artery.title'),
    summary: arterySummary(series),
    margins: MARGINS,
    x,
    y: { min: y.min, max: y.max, ticks: y.ticks, format: (v) => formatNumber(v) },
    xCaption: t('chart.years.xCaption'),
    yCaption: t('chart.artery.yCaption'),
    series: [
      {
        key: 'artery',
        points,
        style: YEARS_STYLE.artery,
        width: LINE_WIDTH,
        markerEvery: x.step,
        label: last ? t('chart.value.mg', { value: formatMg(last.arteryMg) }) : null,
      },
    ],
    highlighted,
  });
}
