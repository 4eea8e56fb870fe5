/**
 * The claims checker: claims that popular vitamin K2 articles make, each with the verdict of SCIENCE.md §4
 * ("Claim-by-claim evidence table"). Grades follow §4 exactly; where §4 adds words to a grade ("Supported (as
 * cofactor; biomarker level)", "Partly supported / misquoted", "Unverified / likely inaccurate") a qualifier keeps
 * them, as evidence.ts does for the mechanism badges. §4 splits claims 3 and 13 in two (a/b), so there are 22
 * claims, in §4's order.
 *
 * Wording (SCIENCE.md §5): claims about amounts (#7, #12, #13b, #18) are written as claims being checked, never as
 * advice; trial doses appear only as "the study dose"; the verdict of #13b carries the §5.3 meaning (spacing doses
 * does not prevent the warfarin interaction; changes to vitamin K intake are for the clinician), and both warfarin
 * claims show the §5.3 notice beside their verdict.
 *
 * Words live in claims.json: claims.<id>.claim (the claim in plain words), claims.<id>.reason (why the verdict, one
 * line, at most 30 words), claims.<id>.source (the best sources, for people), claims.grade.<grade> (and
 * .description), claims.qualifier.<qualifier>, claims.badge.
 */
import { t } from '../../i18n';
import type { SourceKey } from '../../model/sources';

export const CLAIM_IDS = [
  'carboxylation',
  'halfLives',
  'nattoHigh',
  'nattoLow',
  'cheese',
  'liver',
  'eggYolk',
  'lumbarFracture',
  'rotterdam',
  'atherosclerosisDelay',
  'depositionEfficiency',
  'fatAbsorption',
  'nauseaThreshold',
  'warfarinInteraction',
  'warfarinSpacing',
  'gutSynthesisAge',
  'muscleCramps',
  'liverCancer',
  'japanApproval',
  'chinaGuideline',
  'generalIntake',
  'parkinsons',
] as const;

export type ClaimId = (typeof CLAIM_IDS)[number];

/** SCIENCE.md §4's grades, plus "Unverified", which §4 gives claim 18. */
export const CLAIM_GRADES = [
  'supported',
  'partlySupported',
  'weak',
  'unsupported',
  'contradicted',
  'unverified',
] as const;
export type ClaimGrade = (typeof CLAIM_GRADES)[number];

/** The words §4 puts after a grade, in brackets or after a slash. */
export const CLAIM_QUALIFIERS = [
  'cofactorBiomarker',
  'orderOfMagnitude',
  'likelyGarbled',
  'misquoted',
  'strongly',
  'singleTrialWrongNumber',
  'likelyInaccurate',
  'onlyIfK2',
  'preclinicalOnly',
] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];

/**
 * A mark for each grade beside its name, so the verdict never depends on colour alone (the panel also gives each
 * grade its own border style). Decorative: screen readers get the grade in words.
 */
export const GRADE_ICONS: Readonly<Record<ClaimGrade, string>> = Object.freeze({
  supported: '✓',
  partlySupported: '◐',
  weak: '≈',
  unsupported: '∅',
  contradicted: '✗',
  unverified: '?',
});

/** A safety notice the panel shows beside a claim's verdict. */
export type ClaimSafety = 'warfarin';

export interface Claim {
  /** The row of SCIENCE.md §4 ("3a", "13b", …), for tracing a verdict back to the brief. */
  readonly row: string;
  readonly grade: ClaimGrade;
  readonly qualifier?: ClaimQualifier;
  /** §4's "best source(s)", as keys of src/model/sources.ts (each also a heading in docs/sources.md). */
  readonly sources: readonly SourceKey[];
  readonly safety?: ClaimSafety;
}

export const CLAIMS: Readonly<Record<ClaimId, Claim>> = Object.freeze({
  // #1 "K2 (MK-7) carboxylates osteocalcin and MGP": Supported (as cofactor; biomarker level).
  carboxylation: {
    row: '1',
    grade: 'supported',
    qualifier: 'cofactorBiomarker',
    sources: ['SCHURGERS_2007', 'KNAPEN_2013', 'KNAPEN_2015', 'INABA_2015'],
  },
  // #2 "MK-4 half-life ~12 h vs MK-7 72–96 h": Partly supported.
  halfLives: { row: '2', grade: 'partlySupported', sources: ['SCHURGERS_2007', 'SATO_2012'] },
  // #3a "Natto has 870 µg K2 per 100 g": Supported (order of magnitude).
  nattoHigh: { row: '3a', grade: 'supported', qualifier: 'orderOfMagnitude', sources: ['NIH_ODS_VITAMIN_K'] },
  // #3b "Natto has 100–200 µg/100 g": Contradicted.
  nattoLow: { row: '3b', grade: 'contradicted', sources: ['NIH_ODS_VITAMIN_K'] },
  // #4 "Hard cheese 30–50 µg/100 g": Partly supported (DTU 2021; Walther 2021; Fu 2017; Vermeer 2018).
  cheese: {
    row: '4',
    grade: 'partlySupported',
    sources: ['DTU_CHEESE_2021', 'WALTHER_2021', 'FU_2017', 'VERMEER_2018'],
  },
  // #5 "Goose/chicken liver MK-4 20–30 µg/100 g": Weak.
  liver: { row: '5', grade: 'weak', sources: ['NIH_ODS_VITAMIN_K', 'SCHURGERS_VERMEER_2000', 'SATO_2012'] },
  // #6 "Egg yolk 5–10 µg per egg": Partly supported.
  eggYolk: { row: '6', grade: 'partlySupported', sources: ['NIH_ODS_VITAMIN_K'] },
  // #7 "… cuts lumbar fracture risk by 23%": Unsupported (likely garbled).
  lumbarFracture: {
    row: '7',
    grade: 'unsupported',
    qualifier: 'likelyGarbled',
    sources: ['MOTT_2019', 'KNAPEN_2013'],
  },
  // #8 "Rotterdam Study: 52% lower coronary calcification": Partly supported / misquoted.
  rotterdam: {
    row: '8',
    grade: 'partlySupported',
    qualifier: 'misquoted',
    sources: ['GELEIJNSE_2004', 'BEULENS_2009'],
  },
  // #9 "K2 delays atherosclerosis by 15–20 years": Unsupported.
  atherosclerosisDelay: { row: '9', grade: 'unsupported', sources: ['VLASSCHAERT_2020', 'AVADEC_2022', 'SHEA_2009'] },
  // #10 "K2 + D3 increases bone calcium deposition efficiency by 40%": Unsupported.
  depositionEfficiency: { row: '10', grade: 'unsupported', sources: ['IWAMOTO_2000', 'AVADEC_2022'] },
  // #11 "Taking it with fat increases absorption 30–50%": Partly supported.
  fatAbsorption: { row: '11', grade: 'partlySupported', sources: ['UEMATSU_1996', 'GIJSBERS_1996', 'GARBER_1999'] },
  // #12 ">450 µg/day causes nausea": Unsupported (IOM 2001; EFSA 2017; VKM; AVADEC).
  nauseaThreshold: {
    row: '12',
    grade: 'unsupported',
    sources: ['IOM_2001', 'EFSA_2017', 'VKM_VITAMIN_K', 'AVADEC_2022'],
  },
  // #13a "Warfarin interaction exists": Supported (strongly) (NIH ODS; Theuwissen 2013; Schurgers 2007; Glakay).
  warfarinInteraction: {
    row: '13a',
    grade: 'supported',
    qualifier: 'strongly',
    sources: ['NIH_ODS_VITAMIN_K', 'THEUWISSEN_2013', 'SCHURGERS_2007', 'GLAKAY_LABEL'],
    safety: 'warfarin',
  },
  // #13b "…so take K2 4 h apart from warfarin": Contradicted. The verdict carries §5.3.
  warfarinSpacing: {
    row: '13b',
    grade: 'contradicted',
    sources: ['THEUWISSEN_2013', 'SCHURGERS_2007'],
    safety: 'warfarin',
  },
  // #14 "Gut K2 synthesis falls 30% after age 50": Unsupported.
  gutSynthesisAge: { row: '14', grade: 'unsupported', sources: ['BOOTH_SUTTIE_1998', 'KARL_2017'] },
  // #15 "K2 cuts muscle cramps 40% in 8 weeks": Partly supported (single trial; number doesn't match).
  muscleCramps: { row: '15', grade: 'partlySupported', qualifier: 'singleTrialWrongNumber', sources: ['TAN_2024'] },
  // #16 "K2 prevents cirrhosis progressing to liver cancer (Habu et al.)": Weak.
  liverCancer: { row: '16', grade: 'weak', sources: ['HABU_2004', 'YOSHIDA_2011'] },
  // #17 "Japan approved K2 (menatetrenone) for osteoporosis": Supported (Glakay label; Inoue 2009 for the caveat).
  japanApproval: { row: '17', grade: 'supported', sources: ['GLAKAY_LABEL', 'INOUE_2009'] },
  // #18 "China guideline 50–120 µg/day": Unverified / likely inaccurate.
  chinaGuideline: { row: '18', grade: 'unverified', qualifier: 'likelyInaccurate', sources: ['CHINA_DRI_2018'] },
  // #19 "General intake 20–30 µg/day": Partly supported (only if it means K2) (Booth & Suttie 1998; Nie 2025;
  // Rotterdam).
  generalIntake: {
    row: '19',
    grade: 'partlySupported',
    qualifier: 'onlyIfK2',
    sources: ['BOOTH_SUTTIE_1998', 'NIE_2025', 'GELEIJNSE_2004'],
  },
  // #20 "K2 treats Parkinson's disease": Unsupported (preclinical only).
  parkinsons: { row: '20', grade: 'unsupported', qualifier: 'preclinicalOnly', sources: ['VOS_2012', 'YU_2020'] },
});

/** The verdict in words: "Contradicted", or with its qualifier, "Partly supported (misquoted)". */
export function claimBadge(id: ClaimId): string {
  const { grade, qualifier } = CLAIMS[id];
  const label = t(`claims.grade.${grade}`);
  return qualifier ? t('claims.badge', { grade: label, qualifier: t(`claims.qualifier.${qualifier}`) }) : label;
}

export interface ClaimText {
  readonly claim: string;
  readonly reason: string;
  /** The best sources, written for people. */
  readonly source: string;
  /** The verdict in words, with its qualifier. */
  readonly badge: string;
  readonly icon: string;
  readonly gradeDescription: string;
}

/** Everything a claim's card shows. */
export function claimText(id: ClaimId): ClaimText {
  const { grade } = CLAIMS[id];
  return {
    claim: t(`claims.${id}.claim`),
    reason: t(`claims.${id}.reason`),
    source: t(`claims.${id}.source`),
    badge: claimBadge(id),
    icon: GRADE_ICONS[grade],
    gradeDescription: t(`claims.grade.${grade}.description`),
  };
}

export interface GradeLegendEntry {
  readonly grade: ClaimGrade;
  readonly icon: string;
  readonly label: string;
  readonly description: string;
}

/** What each grade means, in §4's order, for the panel's key. */
export function gradeLegend(): GradeLegendEntry[] {
  return CLAIM_GRADES.map((grade) => ({
    grade,
    icon: GRADE_ICONS[grade],
    label: t(`claims.grade.${grade}`),
    description: t(`claims.grade.${grade}.description`),
  }));
}

/** Every string key this module uses, for the catalogue test. */
export function claimStringKeys(): string[] {
  return [
    'claims.badge',
    ...CLAIM_IDS.flatMap((id) => [`claims.${id}.claim`, `claims.${id}.reason`, `claims.${id}.source`]),
    ...CLAIM_GRADES.flatMap((grade) => [`claims.grade.${grade}`, `claims.grade.${grade}.description`]),
    ...CLAIM_QUALIFIERS.map((q) => `claims.qualifier.${q}`),
  ];
}
