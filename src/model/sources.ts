/**
 * Source keys. Every physiological number in src/model, and every food value, evidence grade and claim verdict in
 * the teaching content (src/ui/content), names one or more of these; docs/sources.md gives each key its full
 * citation (a test keeps the two lists identical). CALIBRATION and ILLUSTRATIVE are honest labels, not papers: they
 * mark values we chose so the model reproduces cited targets, or that no human data pin down.
 */
export const SOURCE_KEYS = [
  'IUPAC_ATOMIC_WEIGHTS',
  'PETERSON_RIGGS_2010',
  'SHRESTHA_2010',
  'FLEET_2017',
  'FLEET_2022',
  'ENDOTEXT_CALCIUM_BALANCE',
  'IOM_2011',
  'IOM_2001',
  'HEANEY_1989',
  'HEANEY_1990',
  'HEANEY_2003_ABSORPTION',
  'HEANEY_2003_DOSE_RESPONSE',
  'ALOIA_2014',
  'HANSEN_2015',
  'VITAMIN_D_TOXICITY_RECALLED',
  'QUEST_VITAMIN_D_FAQ',
  'SCHURGERS_2007',
  'KNAPEN_2014',
  'SATO_2012',
  'GARBER_1999',
  'INABA_2015',
  'NAKAMURA_2014',
  'BINKLEY_2002',
  'KNAPEN_2015',
  'AVADEC_2022',
  'THEUWISSEN_2013',
  'LUO_1997',
  'PRICE_1998',
  'PRICE_2000',
  'CLINICAL_BONE_LOSS_SUMMARIES',
  'MENOPAUSE_AGE_RECALLED',
  // Cited by the teaching content (src/ui/content: food equivalents and evidence badges), not by model parameters.
  'NIH_ODS_CALCIUM',
  'NIH_ODS_VITAMIN_D',
  'NIH_ODS_VITAMIN_K',
  'EDWARDS_BONNY_2018',
  'COOK_2024',
  'TIE_STAFFORD_2011',
  'MUNROE_1999',
  'GUNDBERG_2012',
  'MORIISHI_2020',
  'KNAPEN_2013',
  'LI_2023',
  'MOTT_2019',
  'INOUE_2009',
  'SHEA_2009',
  'VLASSCHAERT_2020',
  'VERMEER_2012',
  // Cited only by the claims checker (src/ui/content/claims.ts): SCIENCE.md §4's best sources for each claim.
  'VERMEER_2018',
  'FU_2017',
  'WALTHER_2021',
  'DTU_CHEESE_2021',
  'SCHURGERS_VERMEER_2000',
  'GELEIJNSE_2004',
  'BEULENS_2009',
  'IWAMOTO_2000',
  'UEMATSU_1996',
  'GIJSBERS_1996',
  'EFSA_2017',
  'VKM_VITAMIN_K',
  'GLAKAY_LABEL',
  'BOOTH_SUTTIE_1998',
  'KARL_2017',
  'TAN_2024',
  'HABU_2004',
  'YOSHIDA_2011',
  'CHINA_DRI_2018',
  'NIE_2025',
  'VOS_2012',
  'YU_2020',
  'CALIBRATION',
  'ILLUSTRATIVE',
] as const;

export type SourceKey = (typeof SOURCE_KEYS)[number];

/** A model constant: its value, its unit, and where it comes from. */
export interface Param {
  readonly value: number;
  readonly unit: string;
  readonly sources: readonly SourceKey[];
}

export function param(value: number, unit: string, ...sources: SourceKey[]): Param {
  return Object.freeze({ value, unit, sources: Object.freeze(sources) });
}
