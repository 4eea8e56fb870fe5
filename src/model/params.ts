/**
 * Every physiological constant in the model, with its unit and source keys (see docs/sources.md).
 * Values marked CALIBRATION were fitted so the whole model reproduces the cited targets; docs/model.md lists the
 * targets and tests/model/calibration.test.ts checks them. Values marked ILLUSTRATIVE have no human data behind
 * them and the app says so wherever they show.
 */
import { param } from './sources';

export const P = {
  // --- Units and pools -------------------------------------------------------------------------------------------
  mgPerMmolCalcium: param(40.08, 'mg/mmol', 'IUPAC_ATOMIC_WEIGHTS'),
  ecfVolume: param(14, 'L', 'PETERSON_RIGGS_2010'),
  ecfCalciumReference: param(32.9, 'mmol', 'PETERSON_RIGGS_2010'),
  ionisedFraction: param(0.45, 'fraction of total serum calcium', 'FLEET_2017'),
  serumNormalLow: param(2.2, 'mmol/L total calcium', 'FLEET_2017'),
  serumNormalHigh: param(2.6, 'mmol/L total calcium', 'FLEET_2017'),
  /** Outside these, blood calcium is a medical emergency and the model no longer describes a living body. */
  serumModelLow: param(1.9, 'mmol/L total calcium', 'ILLUSTRATIVE'),
  serumModelHigh: param(3.5, 'mmol/L total calcium', 'ILLUSTRATIVE'),
  /** Below this share of the starting skeleton the remodelling equations are far outside what they were set for. */
  skeletonModelFloor: param(0.4, 'share of the starting skeleton', 'ILLUSTRATIVE'),
  rapidBonePool: param(100, 'mmol', 'PETERSON_RIGGS_2010'),
  rapidBoneExchange: param(88, 'mmol/day each way', 'PETERSON_RIGGS_2010'),
  skeletonCalcium: param(24900, 'mmol (slowly exchanging bone calcium)', 'PETERSON_RIGGS_2010'),

  // --- Gut -------------------------------------------------------------------------------------------------------
  /** Time calcium stays where the small intestine can absorb it; meals are absorbed over ~2-10 h. */
  gutTransitRate: param(0.25, '1/h (mean 4 h in the absorbing gut)', 'HEANEY_2003_ABSORPTION', 'CALIBRATION'),
  /** Paracellular (passive) route: first order in lumen calcium, so it dominates at high intakes. */
  passiveAbsorptionRate: param(0.015, '1/h', 'FLEET_2022', 'HEANEY_1990', 'CALIBRATION'),
  /** Transcellular (active) route: saturable, switched on by calcitriol. */
  activeAbsorptionVmax: param(20, 'mg/h at reference calcitriol', 'FLEET_2022', 'HEANEY_1990', 'CALIBRATION'),
  activeAbsorptionKm: param(80, 'mg of calcium in the lumen', 'HEANEY_1990', 'CALIBRATION'),
  /** Calcium spends a short while crossing the enterocyte, bound to calbindin, before the basolateral pump. */
  enterocyteExitRate: param(2, '1/h (mean 30 min)', 'FLEET_2022', 'ILLUSTRATIVE'),
  /** Calcium secreted into the gut in digestive juices (the source of endogenous faecal calcium). */
  endogenousSecretion: param(120, 'mg/day', 'ENDOTEXT_CALCIUM_BALANCE'),
  absorptionDeclinePerYear: param(0.002, 'absolute fraction per year of age', 'HEANEY_1989'),
  absorptionDeclineFromAge: param(40, 'years', 'HEANEY_1989'),
  /** Total absorption at 1,000 mg/day in an adequate adult, to turn absolute declines into a multiplier. */
  referenceAbsorbedFraction: param(0.3, 'fraction at 1,000 mg/day', 'IOM_2011', 'HEANEY_1989'),
  /** Lowest the age multiplier on the active route may fall (keeps extrapolated declines from reaching zero). */
  ageAbsorptionFloor: param(0.2, 'multiplier', 'ILLUSTRATIVE'),
  /** Heaney's women were 35-65; the decline is not extrapolated past the ages studied. */
  absorptionDeclineUntilAge: param(65, 'years', 'HEANEY_1989'),
  absorptionDropAtMenopause: param(0.02, 'absolute fraction', 'HEANEY_1989'),
  /** Active absorption's share of total absorption at 1,000 mg/day, used to turn Heaney's absolute declines into a multiplier on the active route. */
  activeShareAtReference: param(0.65, 'fraction', 'CALIBRATION'),

  // --- Vitamin D -------------------------------------------------------------------------------------------------
  d25Baseline: param(20, 'nmol/L 25(OH)D with no intake and little sun', 'IOM_2011', 'CALIBRATION'),
  d25SaturableRise: param(35, 'nmol/L', 'IOM_2011', 'CALIBRATION'),
  d25SaturableHalfIntake: param(400, 'IU/day', 'IOM_2011', 'CALIBRATION'),
  d25LinearSlope: param(0.0175, 'nmol/L per IU/day (0.7 per µg/day)', 'HEANEY_2003_DOSE_RESPONSE'),
  d25Reference: param(62, 'nmol/L (adequate status, the model reference)', 'IOM_2011'),
  d25Deficient: param(30, 'nmol/L (below: risk of deficiency)', 'IOM_2011'),
  d25Sufficient: param(50, 'nmol/L (at or above: sufficient)', 'IOM_2011'),
  d25Concern: param(125, 'nmol/L (above: possible concern)', 'IOM_2011'),
  /** Active absorption's dependence on vitamin D substrate (Hill curve in 25(OH)D). */
  d25HalfActivity: param(30, 'nmol/L', 'IOM_2011', 'ALOIA_2014', 'HANSEN_2015', 'CALIBRATION'),
  d25Hill: param(2, 'Hill coefficient', 'CALIBRATION'),
  d25ToxicThreshold: param(375, 'nmol/L (half-maximal toxic effect)', 'VITAMIN_D_TOXICITY_RECALLED'),
  d25ToxicHill: param(6, 'Hill coefficient', 'CALIBRATION'),
  toxicExtraAbsorption: param(
    2,
    'multiple of reference active capacity, not PTH-regulated',
    'PRICE_2000',
    'ILLUSTRATIVE',
  ),
  toxicExtraResorption: param(600, 'mg/day, not PTH-regulated', 'PRICE_2000', 'ILLUSTRATIVE'),
  calcitriolAdaptationHalfLife: param(24, 'h (gene induction: hours to days)', 'FLEET_2022'),
  calcitriolPthGain: param(0.6, 'exponent of PTH in calcitriol production', 'PETERSON_RIGGS_2010', 'CALIBRATION'),

  // --- PTH -------------------------------------------------------------------------------------------------------
  pthHalfLife: param(6, 'min', 'PETERSON_RIGGS_2010'),
  pthMax: param(5, 'multiple of normal at very low calcium', 'SHRESTHA_2010', 'CALIBRATION'),
  pthMin: param(0.05, 'multiple of normal at very high calcium', 'SHRESTHA_2010', 'CALIBRATION'),
  pthSteepness: param(40, 'Hill coefficient in ionised calcium', 'SHRESTHA_2010', 'CALIBRATION'),

  // --- Kidney ----------------------------------------------------------------------------------------------------
  filteredLoad: param(9000, 'mg/day at reference serum calcium', 'ENDOTEXT_CALCIUM_BALANCE'),
  renalReabsorbedFraction: param(0.98, 'fraction at normal PTH', 'ENDOTEXT_CALCIUM_BALANCE'),
  urineFractionMin: param(0.004, 'fraction of filtered load', 'CALIBRATION'),
  urineFractionMax: param(0.06, 'fraction of filtered load', 'CALIBRATION'),
  /** How strongly PTH lowers the urine fraction (distal tubule reabsorption). */
  urinePthExponent: param(3, 'exponent', 'PETERSON_RIGGS_2010', 'CALIBRATION'),
  tubuleTransitRate: param(6, '1/h (mean 10 min in the tubule)', 'ILLUSTRATIVE'),

  // --- Bone ------------------------------------------------------------------------------------------------------
  boneFormation: param(400, 'mg/day in a balanced adult', 'ENDOTEXT_CALCIUM_BALANCE'),
  resorptionPthExponent: param(0.5, 'exponent of PTH in resorption', 'PETERSON_RIGGS_2010', 'CALIBRATION'),
  rapidReleasePthExponent: param(
    0.3,
    'exponent of PTH in rapid bone-surface release',
    'PETERSON_RIGGS_2010',
    'CALIBRATION',
  ),
  menopauseAge: param(51, 'years', 'MENOPAUSE_AGE_RECALLED'),
  earlyPostmenopausalLoss: param(1.5, '% of skeleton per year just after menopause', 'CLINICAL_BONE_LOSS_SUMMARIES'),
  postmenopausalLossDecay: param(
    6,
    'years for the extra loss to fall by e',
    'CLINICAL_BONE_LOSS_SUMMARIES',
    'ILLUSTRATIVE',
  ),
  ageingLoss: param(0.2, '% of skeleton per year, intrinsic, from ageingLossFromAge', 'CLINICAL_BONE_LOSS_SUMMARIES'),
  ageingLossFromAge: param(40, 'years', 'CLINICAL_BONE_LOSS_SUMMARIES'),
  peakBoneMassAge: param(30, 'years (bone still being gained before this)', 'CLINICAL_BONE_LOSS_SUMMARIES'),
  youngAdultGain: param(
    1.0,
    '% of skeleton per year at the youngest modelled age (18), falling to 0 at peakBoneMassAge',
    'CLINICAL_BONE_LOSS_SUMMARIES',
    'ILLUSTRATIVE',
  ),

  // --- Vitamin K -------------------------------------------------------------------------------------------------
  k1HalfLife: param(1.5, 'h', 'SCHURGERS_2007'),
  mk7HalfLife: param(68, 'h', 'SCHURGERS_2007'),
  mk4HalfLife: param(1, 'h (short; nutritional doses undetectable in serum)', 'SATO_2012', 'ILLUSTRATIVE'),
  vitaminKAbsorptionRate: param(0.5, '1/h (peak in blood 2-6 h after a meal)', 'KNAPEN_2014', 'SCHURGERS_2007'),
  k1FoodBioavailability: param(1 / 5.8, 'relative to a K1 tablet', 'GARBER_1999'),
  mk7ExposurePerUg: param(7.5, 'K1-tablet equivalents (accumulation on daily intake)', 'SCHURGERS_2007'),
  mk4ExposurePerUg: param(
    7.5 / 6,
    'K1-tablet equivalents (needs ~6x the MK-7 dose for the same carboxylation)',
    'NAKAMURA_2014',
    'INABA_2015',
  ),
  mk4SerumFraction: param(0.05, 'share of an MK-4 intake seen in serum', 'SATO_2012', 'ILLUSTRATIVE'),
  carboxylationHalfExposure: param(
    500,
    'K1-tablet-equivalent µg/day',
    'BINKLEY_2002',
    'KNAPEN_2015',
    'INABA_2015',
    'CALIBRATION',
  ),
  carboxylatedFloor: param(0.2, 'fraction with no usable vitamin K', 'THEUWISSEN_2013', 'CALIBRATION'),
  carboxylatedCeiling: param(0.95, 'fraction', 'BINKLEY_2002', 'CALIBRATION'),
  warfarinRecyclingBlock: param(
    0.9,
    'share of vitamin K recycling blocked',
    'IOM_2001',
    'THEUWISSEN_2013',
    'ILLUSTRATIVE',
  ),

  // --- Artery wall (illustrative throughout) ---------------------------------------------------------------------
  arteryBaseRate: param(1, 'mg/year at age 40 with typical active MGP', 'ILLUSTRATIVE'),
  arteryReferenceAge: param(40, 'years (age at which arteryBaseRate applies)', 'ILLUSTRATIVE'),
  arteryAgeDoubling: param(10, 'years for the age risk to double', 'ILLUSTRATIVE'),
  arteryMgpProtectionScale: param(
    0.1,
    'carboxylated MGP fraction at which protection is 63 % complete',
    'LUO_1997',
    'PRICE_1998',
    'ILLUSTRATIVE',
  ),
  arteryUnprotectedMultiplier: param(
    15,
    'rate with no active MGP / rate with full protection',
    'LUO_1997',
    'PRICE_1998',
    'ILLUSTRATIVE',
  ),
  arteryHypercalcaemiaExponent: param(
    12,
    'exponent of serum calcium relative to reference',
    'PRICE_2000',
    'ILLUSTRATIVE',
  ),
  arteryHypercalcaemiaCap: param(
    30,
    'largest multiple of the deposition rate that high calcium can cause',
    'ILLUSTRATIVE',
  ),
} as const;

export type ParamName = keyof typeof P;
