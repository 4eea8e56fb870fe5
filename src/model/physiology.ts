/**
 * The rate model: from an intake habit and the current state of the fast pools to a hazard (per hour, per mg) for
 * every flux. The integrator and the particle world both step with these same hazards, so they cannot disagree
 * about the physiology, only about sampling noise.
 */
import { arteryRateMgPerDay, hypercalcaemiaFactor } from './artery';
import { remodelling, SKELETON_MG } from './bone';
import type { Inputs } from './inputs';
import { P } from './params';
import { d25FromIntake, substrateActivity, toxicity } from './vitaminD';
import { carboxylatedFraction, effectiveVitaminK, vitaminKExposure } from './vitaminK';

// --- Reference state (what "normal" means) -----------------------------------------------------------------------
export const MG_PER_MMOL = P.mgPerMmolCalcium.value;
export const ECF_REFERENCE_MG = P.ecfCalciumReference.value * MG_PER_MMOL;
export const BONE_SURFACE_REFERENCE_MG = P.rapidBonePool.value * MG_PER_MMOL;
export const SERUM_REFERENCE = P.ecfCalciumReference.value / P.ecfVolume.value;
const IONISED_REFERENCE = SERUM_REFERENCE * P.ionisedFraction.value;

/** Total serum calcium (mmol/L) for an ECF calcium pool in mg. */
export function serumCalcium(ecfMg: number): number {
  return ecfMg / MG_PER_MMOL / P.ecfVolume.value;
}

export type SerumStatus = 'low' | 'normal' | 'high';

/** Where a total serum calcium sits against the normal range (FLEET_2017). */
export function serumStatus(serumTotal: number): SerumStatus {
  if (serumTotal < P.serumNormalLow.value) return 'low';
  if (serumTotal > P.serumNormalHigh.value) return 'high';
  return 'normal';
}

/** Everything that depends only on the habit (inputs), not on the moment: computed once per input change. */
export interface Habit {
  readonly inputs: Inputs;
  readonly d25: number;
  readonly substrate: number;
  readonly toxicity: number;
  /** Multiplier on the active route from age and menopause (HEANEY_1989). */
  readonly ageAbsorption: number;
  readonly vitaminKExposure: number;
  readonly effectiveVitaminK: number;
  readonly carboxylatedOsteocalcin: number;
  readonly carboxylatedMgp: number;
  /** Carboxylated MGP that exists (0 when MGP is absent). */
  readonly activeMgp: number;
  readonly formationMgPerDay: number;
  readonly baseResorptionMgPerDay: number;
  readonly arteryMgPerDayAtReference: number;
}

export function deriveHabit(inputs: Inputs): Habit {
  const d25 = d25FromIntake(inputs.d3IuPerDay);
  const postMenopause = inputs.sex === 'female' && inputs.ageYears >= P.menopauseAge.value;
  const absoluteDecline =
    P.absorptionDeclinePerYear.value *
      Math.max(0, Math.min(inputs.ageYears, P.absorptionDeclineUntilAge.value) - P.absorptionDeclineFromAge.value) +
    (postMenopause ? P.absorptionDropAtMenopause.value : 0);
  const ageAbsorption = Math.max(
    P.ageAbsorptionFloor.value,
    1 - absoluteDecline / (P.activeShareAtReference.value * P.referenceAbsorbedFraction.value),
  );
  const effK = effectiveVitaminK(inputs);
  const carboxylated = carboxylatedFraction(effK);
  const activeMgp = inputs.mgpAbsent ? 0 : carboxylated;
  const { formationMgPerDay, baseResorptionMgPerDay } = remodelling(inputs.ageYears, inputs.sex);
  return Object.freeze({
    inputs,
    d25,
    substrate: substrateActivity(d25),
    toxicity: toxicity(d25),
    ageAbsorption,
    vitaminKExposure: vitaminKExposure(inputs),
    effectiveVitaminK: effK,
    carboxylatedOsteocalcin: carboxylated,
    carboxylatedMgp: carboxylated,
    activeMgp,
    formationMgPerDay,
    baseResorptionMgPerDay,
    arteryMgPerDayAtReference: arteryRateMgPerDay(inputs.ageYears, activeMgp),
  });
}

// --- Hormones ---------------------------------------------------------------------------------------------------

const PTH_SPAN = P.pthMax.value - P.pthMin.value;
/** Ionised calcium at which PTH secretion is half-way: placed so PTH is exactly 1 at the reference calcium. */
const IONISED_HALF = IONISED_REFERENCE / (PTH_SPAN / (1 - P.pthMin.value) - 1) ** (1 / P.pthSteepness.value);

/** PTH (relative to normal) the parathyroids would settle at for this serum calcium: a steep inverse sigmoid. */
export function pthTarget(serumTotal: number): number {
  const ionised = serumTotal * P.ionisedFraction.value;
  return P.pthMin.value + PTH_SPAN / (1 + (ionised / IONISED_HALF) ** P.pthSteepness.value);
}

/** Calcitriol (relative to normal): made under PTH, limited by 25(OH)D substrate. */
export function calcitriolTarget(pth: number, habit: Habit): number {
  return pth ** P.calcitriolPthGain.value * habit.substrate;
}

export const PTH_RATE_PER_HOUR = Math.LN2 / (P.pthHalfLife.value / 60);
export const CALCITRIOL_RATE_PER_HOUR = Math.LN2 / P.calcitriolAdaptationHalfLife.value;

// --- Fluxes -----------------------------------------------------------------------------------------------------

/** The fast, dynamic state the hazards depend on (mg and relative hormone levels). */
export interface FastState {
  gut: number;
  /** Skeleton calcium, mg: remodelling happens on bone surfaces, so its fluxes scale with how much bone is left. */
  boneMineral: number;
  enterocyte: number;
  ecf: number;
  filtrate: number;
  boneSurface: number;
  pth: number;
  calcitriol: number;
}

/**
 * Per-mg hazards (1/h) for each first-order flux, and the one zero-order flux (resorption, mg/h, from the
 * skeleton reservoir). Field names match the lifecycle events they drive.
 */
export interface Hazards {
  absorbActive: number;
  absorbPassive: number;
  passToFaeces: number;
  pumpToBlood: number;
  filter: number;
  exchangeToBone: number;
  secreteToGut: number;
  nucleateArtery: number;
  reabsorb: number;
  excreteUrine: number;
  exchangeFromBone: number;
  mineralise: number;
  resorbMgPerHour: number;
}

const FILTER_RATE = P.filteredLoad.value / ECF_REFERENCE_MG / 24;
const EXCHANGE_MG_PER_HOUR = (P.rapidBoneExchange.value * MG_PER_MMOL) / 24;
const URINE_FRACTION_REFERENCE = 1 - P.renalReabsorbedFraction.value;
const SECRETION_RATE = P.endogenousSecretion.value / ECF_REFERENCE_MG / 24;
const TRANSIT = P.gutTransitRate.value;
const TUBULE = P.tubuleTransitRate.value;

export function urineFraction(pth: number): number {
  const u = URINE_FRACTION_REFERENCE * pth ** -P.urinePthExponent.value;
  return Math.min(P.urineFractionMax.value, Math.max(P.urineFractionMin.value, u));
}

/** Fills `out` (reused to keep the hot loop allocation-free) with the hazards for this state. */
export function computeHazards(state: FastState, habit: Habit, out: Hazards): Hazards {
  const activeCapacity = state.calcitriol * habit.ageAbsorption + habit.toxicity * P.toxicExtraAbsorption.value;
  out.absorbActive = (P.activeAbsorptionVmax.value * activeCapacity) / (P.activeAbsorptionKm.value + state.gut);
  out.absorbPassive = P.passiveAbsorptionRate.value;
  out.passToFaeces = TRANSIT;
  out.pumpToBlood = P.enterocyteExitRate.value;

  out.filter = FILTER_RATE;
  out.secreteToGut = SECRETION_RATE;
  // Formation draws from the bone surface, so uptake onto it covers the exchange plus what formation takes.
  const skeletonShare = Math.max(0, state.boneMineral) / SKELETON_MG;
  out.exchangeToBone = (EXCHANGE_MG_PER_HOUR + (habit.formationMgPerDay * skeletonShare) / 24) / ECF_REFERENCE_MG;
  const serumRelative = serumCalcium(state.ecf) / SERUM_REFERENCE;
  out.nucleateArtery = (habit.arteryMgPerDayAtReference / 24 / ECF_REFERENCE_MG) * hypercalcaemiaFactor(serumRelative);

  const u = urineFraction(state.pth);
  out.reabsorb = TUBULE * (1 - u);
  out.excreteUrine = TUBULE * u;

  out.exchangeFromBone =
    (EXCHANGE_MG_PER_HOUR / BONE_SURFACE_REFERENCE_MG) * state.pth ** P.rapidReleasePthExponent.value;
  // Remodelling is done by bone cells on bone surfaces, so both directions scale with the skeleton that is left
  // (a shrinking skeleton loses less in mg, never more than it has). Formation is set by osteoblast activity, not
  // by how full the surface pool is: a fixed flux out of it.
  out.mineralise = (habit.formationMgPerDay * skeletonShare) / 24 / Math.max(state.boneSurface, 1);
  out.resorbMgPerHour =
    ((habit.baseResorptionMgPerDay * state.pth ** P.resorptionPthExponent.value +
      habit.toxicity * P.toxicExtraResorption.value) *
      skeletonShare) /
    24;
  return out;
}

export function emptyHazards(): Hazards {
  return {
    absorbActive: 0,
    absorbPassive: 0,
    passToFaeces: 0,
    pumpToBlood: 0,
    filter: 0,
    exchangeToBone: 0,
    secreteToGut: 0,
    nucleateArtery: 0,
    reabsorb: 0,
    excreteUrine: 0,
    exchangeFromBone: 0,
    mineralise: 0,
    resorbMgPerHour: 0,
  };
}
