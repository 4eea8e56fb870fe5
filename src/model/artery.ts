/**
 * Artery-wall mineral: a slow, cell-driven process of years, not leftover meal calcium. Everything here is
 * ILLUSTRATIVE: the direction of each effect is established (age; MGP knockout and warfarin calcify arteries,
 * LUO_1997, PRICE_1998; vitamin D excess adds to it, PRICE_2000), the sizes are not measured in people.
 */
import { P } from './params';

/** Share of the MGP-dependent risk left unprotected at a given level of active (carboxylated, present) MGP. */
export function unprotectedShare(activeMgp: number): number {
  return Math.exp(-Math.max(0, activeMgp) / P.arteryMgpProtectionScale.value);
}

/** Deposition rate at reference serum calcium, mg/day. */
export function arteryRateMgPerDay(ageYears: number, activeMgp: number): number {
  const ageRisk = 2 ** ((ageYears - P.arteryReferenceAge.value) / P.arteryAgeDoubling.value);
  const mgpRisk = 1 + (P.arteryUnprotectedMultiplier.value - 1) * unprotectedShare(activeMgp);
  return (P.arteryBaseRate.value / 365.25) * ageRisk * mgpRisk;
}

/** High serum calcium (e.g. vitamin D toxicity) speeds soft-tissue mineral steeply, up to a cap. */
export function hypercalcaemiaFactor(serumRelative: number): number {
  return Math.min(P.arteryHypercalcaemiaCap.value, Math.max(0, serumRelative) ** P.arteryHypercalcaemiaExponent.value);
}
