/**
 * The mechanisms the app shows, each with its evidence badge (DESIGN.md §1: "every mechanism shown carries an
 * evidence badge"). Grades follow SCIENCE.md §1.9 (and §1.8 for vitamin D toxicity) exactly; the brief's
 * "Probable" grade is not used because no mechanism drawn in the app carries it. A qualifier keeps the brief's
 * nuance where a bare grade would overstate: "Established (simplified)", "Debated (small effect)" and so on.
 *
 * Words live in content.json: evidence.<key>.title, evidence.<key>.summary (one plain line, ≤ 25 words),
 * evidence.grade.<grade>, evidence.qualifier.<qualifier>, evidence.layer.<layer>, evidence.inModel.<inModel>.
 */
import { t } from '../../i18n';
import type { SourceKey } from '../../model/sources';

import { MECHANISM_KEYS, type MechanismKey } from './mechanismKeys';

export { MECHANISM_KEYS, type MechanismKey };

export const EVIDENCE_GRADES = ['established', 'debated', 'hypothesis'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/** The brief's words in brackets after a grade in SCIENCE.md §1.9. */
export const GRADE_QUALIFIERS = [
  'simplified',
  'smallEffect',
  'animalGenetic',
  'biomarker',
  'recentDataSayNo',
  'weak',
  'mechanism',
] as const;
export type GradeQualifier = (typeof GRADE_QUALIFIERS)[number];

/**
 * SCIENCE.md §5.1 asks for three separate layers so that debated clinical claims are never animated as if they
 * were physiology: established physiology, vitamin K's effect on blood markers, and clinical outcomes.
 */
export const EVIDENCE_LAYERS = ['physiology', 'biomarker', 'clinical'] as const;
export type EvidenceLayer = (typeof EVIDENCE_LAYERS)[number];

/** Whether the model contains the mechanism (docs/model.md §4): fully, with illustrative sizes, or not at all. */
export const IN_MODEL = ['yes', 'illustrative', 'no'] as const;
export type InModel = (typeof IN_MODEL)[number];

export interface Evidence {
  readonly grade: EvidenceGrade;
  readonly qualifier?: GradeQualifier;
  readonly layer: EvidenceLayer;
  readonly inModel: InModel;
  readonly sources: readonly SourceKey[];
}

export const EVIDENCE: Readonly<Record<MechanismKey, Evidence>> = Object.freeze({
  // §1.9 "D3 → 25(OH)D → calcitriol (kidney, PTH-regulated)": Established (IOM 2011; Fleet 2017).
  vitaminDActivation: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['IOM_2011', 'FLEET_2017'],
  },
  // "Calcitriol → VDR → TRPV6/calbindin/PMCA1b active absorption": Established (simplified) (Fleet 2022).
  activeAbsorption: {
    grade: 'established',
    qualifier: 'simplified',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['FLEET_2022'],
  },
  // "Passive paracellular absorption dominates at high intake": Established (Fleet 2022; Heaney 1990).
  passiveAbsorption: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['FLEET_2022', 'HEANEY_1990'],
  },
  // "Absorption keeps rising with 25(OH)D above ~50 nmol/L": Debated (small effect) (Heaney 2003 vs IOM 2011,
  // Aloia 2014, Hansen 2015). The model shows only a small rise.
  extraD3Absorption: {
    grade: 'debated',
    qualifier: 'smallEffect',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['HEANEY_2003_ABSORPTION', 'IOM_2011', 'ALOIA_2014', 'HANSEN_2015'],
  },
  // "CaSR → PTH → kidney/bone/calcitriol feedback": Established (IOM 2011; Peterson & Riggs 2010).
  pthFeedback: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['IOM_2011', 'PETERSON_RIGGS_2010', 'SHRESTHA_2010'],
  },
  // "~98% renal reabsorption; PTH fine-tunes distal part": Established (Endotext; Edwards & Bonny 2018).
  kidneyReabsorption: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['ENDOTEXT_CALCIUM_BALANCE', 'EDWARDS_BONNY_2018'],
  },
  // "Osteoclast/osteoblast remodelling, RANKL/OPG": Established (Peterson & Riggs 2010; Cook 2024 review).
  boneRemodelling: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['PETERSON_RIGGS_2010', 'COOK_2024'],
  },
  // "Vitamin K cycle: GGCX, VKORC1, warfarin block": Established (IOM 2001; Tie/Stafford 2011). The one row covers
  // both the cycle and the warfarin block, so both carry its grade.
  vitaminKCycle: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['IOM_2001', 'TIE_STAFFORD_2011'],
  },
  warfarinBlock: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['IOM_2001', 'TIE_STAFFORD_2011', 'THEUWISSEN_2013'],
  },
  // "Osteocalcin carboxylation lets it bind mineral": Established (Gundberg 2012).
  osteocalcinCarboxylation: {
    grade: 'established',
    layer: 'physiology',
    inModel: 'yes',
    sources: ['GUNDBERG_2012'],
  },
  // "Osteocalcin drives bone formation or acts as a hormone": Debated (recent data say no) (Moriishi 2020). The
  // model deliberately lets osteocalcin change no calcium flow.
  osteocalcinRole: {
    grade: 'debated',
    qualifier: 'recentDataSayNo',
    layer: 'physiology',
    inModel: 'no',
    sources: ['MORIISHI_2020', 'GUNDBERG_2012'],
  },
  // "MGP inhibits arterial calcification": Established (animal/genetic) (Luo 1997; Price 1998/2000; Munroe 1999).
  // Direction in the model; sizes illustrative.
  mgpInhibits: {
    grade: 'established',
    qualifier: 'animalGenetic',
    layer: 'physiology',
    inModel: 'illustrative',
    sources: ['LUO_1997', 'PRICE_1998', 'PRICE_2000', 'MUNROE_1999'],
  },
  // "Extra vitamin K lowers ucOC and dp-ucMGP": Established (biomarker) (Knapen 2013/2015; Inaba 2015; Li 2023).
  biomarkerResponse: {
    grade: 'established',
    qualifier: 'biomarker',
    layer: 'biomarker',
    inModel: 'yes',
    sources: ['KNAPEN_2013', 'KNAPEN_2015', 'INABA_2015', 'LI_2023'],
  },
  // "Extra vitamin K reduces artery calcification/events": Debated/weak (Shea 2009; AVADEC 2022; Vlasschaert
  // 2020). The model's artery index moves a little with MGP, but only as an illustration, never a prediction.
  supplementArteryBenefit: {
    grade: 'debated',
    qualifier: 'weak',
    layer: 'clinical',
    inModel: 'illustrative',
    sources: ['SHEA_2009', 'AVADEC_2022', 'VLASSCHAERT_2020', 'LI_2023'],
  },
  // "Extra vitamin K reduces fractures": Debated/weak (Mott 2019; Inoue 2009).
  supplementFractureBenefit: {
    grade: 'debated',
    qualifier: 'weak',
    layer: 'clinical',
    inModel: 'no',
    sources: ['MOTT_2019', 'INOUE_2009'],
  },
  // §1.8: excessive vitamin D → hypercalcaemia → soft-tissue calcification is Established (the mechanism of
  // toxicity; Price 2000 uses it in rats). The model shows the direction with illustrative sizes.
  d3Toxicity: {
    grade: 'established',
    qualifier: 'mechanism',
    layer: 'physiology',
    inModel: 'illustrative',
    sources: ['PRICE_2000', 'IOM_2011'],
  },
  // "'Triage' allocation of vitamin K to liver first": Hypothesis (Vermeer 2012 overview). Not in the model: one
  // activation curve serves both proteins.
  triage: { grade: 'hypothesis', layer: 'physiology', inModel: 'no', sources: ['VERMEER_2012'] },
  // "D3 raises vitamin K need; D3+K2 synergy": Hypothesis (Price 2000, rat; no human outcome trial).
  d3k2Synergy: { grade: 'hypothesis', layer: 'physiology', inModel: 'no', sources: ['PRICE_2000'] },
});

export interface EvidenceText {
  readonly title: string;
  readonly summary: string;
  /** The badge: "Established", or with the qualifier, "Established (simplified)". */
  readonly badge: string;
  readonly gradeDescription: string;
  readonly inModel: string;
}

/** The badge text for a mechanism. */
export function evidenceBadge(key: MechanismKey): string {
  const { grade, qualifier } = EVIDENCE[key];
  const label = t(`evidence.grade.${grade}`);
  return qualifier ? t('evidence.badge', { grade: label, qualifier: t(`evidence.qualifier.${qualifier}`) }) : label;
}

/** Everything a mechanism's card or tooltip shows. */
export function evidenceText(key: MechanismKey): EvidenceText {
  const entry = EVIDENCE[key];
  return {
    title: t(`evidence.${key}.title`),
    summary: t(`evidence.${key}.summary`),
    badge: evidenceBadge(key),
    gradeDescription: t(`evidence.grade.${entry.grade}.description`),
    inModel: t(`evidence.inModel.${entry.inModel}`),
  };
}

/** Every string key this module uses, for the catalogue test. */
export function evidenceStringKeys(): string[] {
  return [
    'evidence.badge',
    ...MECHANISM_KEYS.flatMap((key) => [`evidence.${key}.title`, `evidence.${key}.summary`]),
    ...EVIDENCE_GRADES.flatMap((grade) => [`evidence.grade.${grade}`, `evidence.grade.${grade}.description`]),
    ...GRADE_QUALIFIERS.map((q) => `evidence.qualifier.${q}`),
    ...EVIDENCE_LAYERS.map((layer) => `evidence.layer.${layer}`),
    ...IN_MODEL.map((m) => `evidence.inModel.${m}`),
  ];
}

/** The heading of one of the three layers (SCIENCE.md §5.1), for grouping mechanisms in the Evidence panel. */
export function evidenceLayerLabel(layer: EvidenceLayer): string {
  return t(`evidence.layer.${layer}`);
}

/** The mechanisms of one layer, in display order. */
export function mechanismsInLayer(layer: EvidenceLayer): MechanismKey[] {
  return MECHANISM_KEYS.filter((key) => EVIDENCE[key].layer === layer);
}
