/**
 * One-sentence descriptions of what each chart shows, for screen readers (the <svg>'s accessible name) and for
 * anyone who cannot make out the lines. Built from the same data as the drawing.
 */
import { formatNumber, formatPercent, t } from '../../i18n';
import { P } from '../../model/params';
import type { YearPoint } from '../../model/years';
import type { DayPoint } from '../outcomeTypes';
import { clockLabel, formatMg, formatMmol } from './format';

/** Changes smaller than this (percentage points of the skeleton) read as "stayed about the same". */
const BONE_STEADY_POINTS = 0.5;
/** Artery changes below this share of the larger value read as "stayed about the same". */
const ARTERY_STEADY_SHARE = 0.02;

export function amountsSummary(points: readonly DayPoint[]): string {
  const last = points[points.length - 1];
  if (!last) return t('chart.summary.empty');
  return t('chart.summary.amounts', {
    time: clockLabel(last.minute / 60),
    eaten: formatMg(last.eaten),
    absorbed: formatMg(last.absorbed),
    faeces: formatMg(last.faeces),
    urine: formatMg(last.urine),
    boneIn: formatMg(last.boneIn),
    boneOut: formatMg(last.boneOut),
    artery: formatMg(last.artery),
  });
}

export function serumSummary(points: readonly DayPoint[]): string {
  const values = points.map((p) => p.serum).filter(Number.isFinite);
  if (values.length === 0) return t('chart.summary.empty');
  const min = Math.min(...values);
  const max = Math.max(...values);
  const below = min < P.serumNormalLow.value;
  const above = max > P.serumNormalHigh.value;
  const status = t(
    below && above
      ? 'chart.summary.serum.both'
      : below
        ? 'chart.summary.serum.below'
        : above
          ? 'chart.summary.serum.above'
          : 'chart.summary.serum.inside',
  );
  const low = formatMmol(min);
  const high = formatMmol(max);
  if (low === high) return t('chart.summary.serum.single', { value: low, status });
  return t('chart.summary.serum.range', { min: low, max: high, status });
}

/** Bone as a share of the start; the run starts at 100 % by definition, at `startAge`. */
export function boneSummary(series: readonly YearPoint[], startAge: number): string {
  const last = series[series.length - 1];
  if (!last) return t('chart.summary.empty');
  const change = last.bonePercentOfStart - 100;
  const params = {
    from: formatPercent(1),
    to: formatPercent(last.bonePercentOfStart / 100),
    fromAge: formatNumber(startAge),
    toAge: formatNumber(last.ageYears),
  };
  if (Math.abs(change) < BONE_STEADY_POINTS) return t('chart.summary.bone.steady', params);
  return t(change < 0 ? 'chart.summary.bone.fell' : 'chart.summary.bone.rose', params);
}

/** Artery-wall mineral from the first year shown to the last (the run's starting amount is not reported). */
export function arterySummary(series: readonly YearPoint[]): string {
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return t('chart.summary.empty');
  const params = {
    from: formatMg(first.arteryMg),
    to: formatMg(last.arteryMg),
    fromAge: formatNumber(first.ageYears),
    toAge: formatNumber(last.ageYears),
  };
  if (first === last) return t('chart.summary.artery.single', params);
  const change = last.arteryMg - first.arteryMg;
  const steady = Math.abs(change) <= ARTERY_STEADY_SHARE * Math.max(Math.abs(first.arteryMg), Math.abs(last.arteryMg));
  if (steady) return t('chart.summary.artery.steady', params);
  return t(change > 0 ? 'chart.summary.artery.rose' : 'chart.summary.artery.fell', params);
}
