/**
 * Vitamin K: how much usable vitamin K an intake habit provides, and how much osteocalcin and MGP that carboxylates.
 * All forms are cofactors of the same enzyme (GGCX); they differ in how long they stay in blood (SCHURGERS_2007,
 * SATO_2012). Exposure is expressed in "K1-tablet-equivalent µg/day".
 */
import type { Inputs } from './inputs';
import { MEALS } from './meals';
import { P } from './params';

/** Usable vitamin K exposure from the habit, before warfarin. */
export function vitaminKExposure(inputs: Inputs): number {
  const k1 = inputs.k1UgPerDay * P.k1FoodBioavailability.value;
  const perUg = inputs.k2Form === 'mk7' ? P.mk7ExposurePerUg.value : P.mk4ExposurePerUg.value;
  return k1 + inputs.k2UgPerDay * perUg;
}

/** Exposure that can actually drive carboxylation: warfarin blocks recycling, so each molecule works fewer times. */
export function effectiveVitaminK(inputs: Inputs): number {
  const exposure = vitaminKExposure(inputs);
  return inputs.warfarin ? exposure * (1 - P.warfarinRecyclingBlock.value) : exposure;
}

/** Carboxylated (Gla) fraction of a vitamin K-dependent protein: saturating in effective vitamin K. */
export function carboxylatedFraction(effectiveK: number): number {
  const floor = P.carboxylatedFloor.value;
  const ceiling = P.carboxylatedCeiling.value;
  return floor + ((ceiling - floor) * effectiveK) / (P.carboxylationHalfExposure.value + effectiveK);
}

const ln2 = Math.LN2;

/**
 * Circulating amount over a day for one form taken with the meals every day, at periodic steady state
 * (a one-compartment model with first-order absorption, summed over all earlier days in closed form).
 */
function periodicLevel(dosePerDay: number, halfLifeH: number, hourOfDay: number): number {
  const ka = P.vitaminKAbsorptionRate.value;
  const ke = ln2 / halfLifeH;
  let level = 0;
  for (const meal of MEALS) {
    const dose = dosePerDay * meal.share;
    const since = (((hourOfDay - meal.minute / 60) % 24) + 24) % 24;
    level +=
      ((dose * ka) / (ka - ke)) *
      (Math.exp(-ke * since) / (1 - Math.exp(-ke * 24)) - Math.exp(-ka * since) / (1 - Math.exp(-ka * 24)));
  }
  return level;
}

export interface SerumVitaminK {
  readonly k1: number;
  readonly k2: number;
}

/**
 * Serum vitamin K across the day in relative units. Scaled so each form's daily mean equals its exposure: K1
 * rises and falls within hours of each meal, MK-7 stays almost flat (half-life ~3 days), MK-4 barely shows
 * (SATO_2012). Only the shape over the day is for display; carboxylation uses the exposure.
 */
export function serumVitaminK(inputs: Inputs, hourOfDay: number): SerumVitaminK {
  const k1Exposure = inputs.k1UgPerDay * P.k1FoodBioavailability.value;
  const k1 = scaledLevel(k1Exposure, P.k1HalfLife.value, hourOfDay);
  const k2 =
    inputs.k2Form === 'mk7'
      ? scaledLevel(inputs.k2UgPerDay * P.mk7ExposurePerUg.value, P.mk7HalfLife.value, hourOfDay)
      : scaledLevel(
          inputs.k2UgPerDay * P.mk4ExposurePerUg.value * P.mk4SerumFraction.value,
          P.mk4HalfLife.value,
          hourOfDay,
        );
  return { k1, k2 };
}

/** A level whose 24-hour mean equals `exposure`: the mean of periodicLevel is dose / (ke * 24). */
function scaledLevel(exposure: number, halfLifeH: number, hourOfDay: number): number {
  const ke = ln2 / halfLifeH;
  return periodicLevel(exposure, halfLifeH, hourOfDay) * ke * 24;
}
