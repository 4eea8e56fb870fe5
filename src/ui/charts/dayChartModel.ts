/** The two day charts: cumulative amounts by destination, and blood calcium against the normal range. */
import { formatNumber, t } from '../../i18n';
import { P } from '../../model/params';
import { type DayPoint, DESTINATIONS, type DestinationKey } from '../outcomeTypes';
import { buildChart, type ChartModel, type SeriesInput } from './chartModel';
import { clockLabel, formatMg, formatMmol } from './format';
import type { Point } from './paths';
import {
  DESTINATION_STYLE,
  EATEN_STYLE,
  LINE_WIDTH,
  NORMAL_BAND_COLOUR,
  REFERENCE_LINE_WIDTH,
  SERUM_STYLE,
} from './styles';
import { amountsSummary, serumSummary } from './summaries';
import { decimalsForStep, niceAxis, niceStep, ticksWithin } from './ticks';

export const HOURS_PER_DAY = 24;
const HOUR_TICKS = [0, 6, 12, 18, 24] as const;
/** A fresh day starts on a 0–100 mg axis, so the first meal does not fill the whole height. */
const MIN_AMOUNT_AXIS_MG = 100;
/** Blood calcium's usual axis; it widens only if the data leave it. */
const SERUM_AXIS: readonly [number, number] = [P.serumModelLow.value, 3.0];
const MARKER_EVERY_HOURS = 3;

const DAY_X = { min: 0, max: HOURS_PER_DAY, ticks: HOUR_TICKS, format: clockLabel };

/** Series keys of the amounts chart, drawn in this order: the reference line underneath. */
export type AmountKey = DestinationKey | 'eaten';

function hourPoints(points: readonly DayPoint[], value: (p: DayPoint) => number): Point[] {
  return points.map((p) => ({ x: p.minute / 60, y: value(p) }));
}

function finiteMax(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  return max;
}

export function buildAmountsChart(points: readonly DayPoint[], highlighted: DestinationKey | null = null): ChartModel {
  const keys: readonly AmountKey[] = ['eaten', ...DESTINATIONS];
  const top = Math.max(MIN_AMOUNT_AXIS_MG, finiteMax(points.flatMap((p) => keys.map((k) => p[k]))));
  const y = niceAxis(0, top, 5);
  const last = points[points.length - 1];

  const series: SeriesInput[] = keys.map((key) => ({
    key,
    points: hourPoints(points, (p) => p[key]),
    style: key === 'eaten' ? EATEN_STYLE : DESTINATION_STYLE[key],
    width: key === 'eaten' ? REFERENCE_LINE_WIDTH : LINE_WIDTH,
    stepped: key === 'eaten',
    markerEvery: MARKER_EVERY_HOURS,
    label: last ? t('chart.label.named', { name: t(`chart.series.${key}`), value: formatMg(last[key]) }) : null,
  }));

  return buildChart({
    title: t('chart.amounts.title'),
    summary: amountsSummary(points),
    margins: { left: 54, right: 150, top: 30, bottom: 48 },
    x: DAY_X,
    y: { min: y.min, max: y.max, ticks: y.ticks, format: (v) => formatNumber(v) },
    xCaption: t('chart.day.xCaption'),
    yCaption: t('chart.amounts.yCaption'),
    series,
    highlighted,
  });
}

export function buildSerumChart(points: readonly DayPoint[]): ChartModel {
  const values = points.map((p) => p.serum).filter(Number.isFinite);
  // Widen to whole tenths so the axis does not creep with every small excursion.
  const min = Math.min(SERUM_AXIS[0], Math.floor(Math.min(...values, Infinity) * 10) / 10);
  const max = Math.max(SERUM_AXIS[1], Math.ceil(Math.max(...values, -Infinity) * 10) / 10);
  const step = niceStep((max - min) / 5);
  const decimals = decimalsForStep(step);
  const last = points[points.length - 1];

  return buildChart({
    title: t('chart.serum.title'),
    summary: serumSummary(points),
    margins: { left: 54, right: 120, top: 30, bottom: 48 },
    x: DAY_X,
    y: { min, max, ticks: ticksWithin(min, max, step), format: (v) => formatNumber(v, decimals, decimals) },
    xCaption: t('chart.day.xCaption'),
    yCaption: t('chart.serum.yCaption'),
    series: [
      {
        key: 'serum',
        points: hourPoints(points, (p) => p.serum),
        style: SERUM_STYLE,
        width: LINE_WIDTH,
        markerEvery: MARKER_EVERY_HOURS,
        label: last ? t('chart.value.mmol', { value: formatMmol(last.serum) }) : null,
      },
    ],
    band: {
      from: P.serumNormalLow.value,
      to: P.serumNormalHigh.value,
      label: t('chart.serum.normalRange'),
      colour: NORMAL_BAND_COLOUR,
    },
  });
}
