/**
 * Bone remodelling by age and sex. Osteoblasts form bone and osteoclasts resorb it; in a balanced adult the two
 * fluxes match (ENDOTEXT_CALCIUM_BALANCE). The intrinsic imbalance by life stage comes from clinical summaries of
 * bone density change (CLINICAL_BONE_LOSS_SUMMARIES: low-quality sources, flagged for checking in docs/sources.md).
 * PTH adds to resorption on top of this (see physiology.ts), so low calcium absorption costs extra bone.
 */
import { INPUT_RANGES, type Sex } from './inputs';
import { P } from './params';

const YOUNGEST_MODELLED_AGE = INPUT_RANGES.ageYears.min;

/** Reference skeleton calcium in mg. */
export const SKELETON_MG = P.skeletonCalcium.value * P.mgPerMmolCalcium.value;

/** Intrinsic bone balance at normal PTH, in % of the skeleton per year (positive = gain). */
export function intrinsicBalancePercentPerYear(ageYears: number, sex: Sex): number {
  let balance = 0;
  const peak = P.peakBoneMassAge.value;
  if (ageYears < peak) balance += (P.youngAdultGain.value * (peak - ageYears)) / (peak - YOUNGEST_MODELLED_AGE);
  if (ageYears > P.ageingLossFromAge.value) balance -= P.ageingLoss.value;
  if (sex === 'female' && ageYears >= P.menopauseAge.value) {
    const since = ageYears - P.menopauseAge.value;
    balance -= P.earlyPostmenopausalLoss.value * Math.exp(-since / P.postmenopausalLossDecay.value);
  }
  return balance;
}

export interface Remodelling {
  /** Osteoblast formation, mg/day. */
  readonly formationMgPerDay: number;
  /** Osteoclast resorption at normal PTH, mg/day. */
  readonly baseResorptionMgPerDay: number;
}

export function remodelling(ageYears: number, sex: Sex): Remodelling {
  const formation = P.boneFormation.value;
  const netMgPerDay = (intrinsicBalancePercentPerYear(ageYears, sex) / 100) * (SKELETON_MG / 365.25);
  return { formationMgPerDay: formation, baseResorptionMgPerDay: Math.max(0, formation - netMgPerDay) };
}
