/**
 * The mechanisms the app shows an evidence badge for. Kept apart from evidence.ts (which needs the string
 * catalogues) so the build-time scene checker can name the valid keys without loading any UI code.
 */
export const MECHANISM_KEYS = [
  'vitaminDActivation',
  'activeAbsorption',
  'passiveAbsorption',
  'extraD3Absorption',
  'pthFeedback',
  'kidneyReabsorption',
  'boneRemodelling',
  'vitaminKCycle',
  'warfarinBlock',
  'osteocalcinCarboxylation',
  'osteocalcinRole',
  'mgpInhibits',
  'biomarkerResponse',
  'supplementArteryBenefit',
  'supplementFractureBenefit',
  'd3Toxicity',
  'triage',
  'd3k2Synergy',
] as const;

export type MechanismKey = (typeof MECHANISM_KEYS)[number];
