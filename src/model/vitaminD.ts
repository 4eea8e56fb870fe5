/**
 * Vitamin D: from a sustained intake to 25(OH)D status, and from status to how strongly the gut's active route
 * can be switched on. 25(OH)D has a half-life of 2-3 weeks (QUEST_VITAMIN_D_FAQ), so for an intake habit of months
 * we use its steady state.
 */
import { P } from './params';

/** Steady-state serum 25(OH)D (nmol/L) for a sustained vitamin D3 supply (IU/day). */
export function d25FromIntake(iuPerDay: number): number {
  const iu = Math.max(0, iuPerDay);
  return (
    P.d25Baseline.value +
    (P.d25SaturableRise.value * iu) / (iu + P.d25SaturableHalfIntake.value) +
    P.d25LinearSlope.value * iu
  );
}

function hill(x: number, half: number, n: number): number {
  const xn = x ** n;
  return xn / (xn + half ** n);
}

/**
 * Substrate limit on calcitriol-driven (active) absorption, 1 at the reference status. Deficiency lowers it
 * sharply; above adequate status it rises only a little (ALOIA_2014, HANSEN_2015).
 */
export function substrateActivity(d25: number): number {
  const h = P.d25Hill.value;
  return hill(d25, P.d25HalfActivity.value, h) / hill(P.d25Reference.value, P.d25HalfActivity.value, h);
}

/** 0..1: how far a very high 25(OH)D has gone into the toxic range (VDR activation outside PTH control). */
export function toxicity(d25: number): number {
  return hill(d25, P.d25ToxicThreshold.value, P.d25ToxicHill.value);
}

export type VitaminDStatus = 'deficient' | 'inadequate' | 'adequate' | 'high' | 'toxic';

/** IOM 2011 cut-points, plus the toxic range. */
export function vitaminDStatus(d25: number): VitaminDStatus {
  if (d25 < P.d25Deficient.value) return 'deficient';
  if (d25 < P.d25Sufficient.value) return 'inadequate';
  if (d25 <= P.d25Concern.value) return 'adequate';
  if (d25 < P.d25ToxicThreshold.value) return 'high';
  return 'toxic';
}
