/**
 * The shapes the outcome panels share (table, charts, live summary, highlights). Pure types: the numbers come from
 * the model's integrator (src/session/dayRecord.ts), never from counting drawn packets, so what the panels say does
 * not depend on how many packets are on screen.
 */

/** Where calcium can be said to have gone (or come from) during a day; the keys tie table rows, chart lines and
 * regions of the body map together for highlighting. */
export const DESTINATIONS = ['absorbed', 'faeces', 'urine', 'boneIn', 'boneOut', 'artery'] as const;
export type DestinationKey = (typeof DESTINATIONS)[number];

/** Cumulative amounts since midnight of the current simulated day, mg, plus the serum reading at that minute. */
export interface DayPoint {
  /** Minute of the day, 0–1440. */
  readonly minute: number;
  readonly eaten: number;
  readonly absorbed: number;
  readonly faeces: number;
  readonly urine: number;
  readonly boneIn: number;
  readonly boneOut: number;
  /** Artery-wall mineral laid down, mg, at true scale (the model's illustrative rate, not the drawn exaggeration). */
  readonly artery: number;
  /** Total serum calcium, mmol/L. */
  readonly serum: number;
}
