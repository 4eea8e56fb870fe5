/**
 * Plain statements attached to a result when a run leaves what the model is fit to describe, or shows something a
 * reader must not miss. The app and the CLI show them beside the numbers instead of letting extreme inputs print
 * confident nonsense.
 */
import { P } from './params';

export type WarningCode = 'serum-high' | 'serum-low' | 'serum-outside-model' | 'skeleton-depleted';

export interface ModelWarning {
  readonly code: WarningCode;
  readonly message: string;
}

const MESSAGES: Readonly<Record<WarningCode, string>> = {
  'serum-high':
    'Blood calcium rose above the normal range (hypercalcaemia), as in vitamin D toxicity: it is no longer held steady.',
  'serum-low': 'Blood calcium fell below the normal range (hypocalcaemia): the body could no longer hold it steady.',
  'serum-outside-model':
    'Blood calcium left the range the model describes: in a real body this would be a medical emergency, so these numbers are not meaningful.',
  'skeleton-depleted':
    'The skeleton fell below 40 % of its starting calcium. The bone equations are not made for losses this large; treat these years as illustrative only.',
};

export interface WarningInputs {
  readonly serumMin: number;
  readonly serumMax: number;
  /** Lowest skeleton calcium as a share of the start (1 for day runs). */
  readonly skeletonShareMin: number;
}

export function modelWarnings({ serumMin, serumMax, skeletonShareMin }: WarningInputs): ModelWarning[] {
  const codes: WarningCode[] = [];
  if (serumMax > P.serumNormalHigh.value) codes.push('serum-high');
  if (serumMin < P.serumNormalLow.value) codes.push('serum-low');
  if (serumMin < P.serumModelLow.value || serumMax > P.serumModelHigh.value) codes.push('serum-outside-model');
  if (skeletonShareMin < P.skeletonModelFloor.value) codes.push('skeleton-depleted');
  return codes.map((code) => ({ code, message: MESSAGES[code] }));
}
