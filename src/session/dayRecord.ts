/**
 * What the outcome panels read in the day view: cumulative amounts since midnight of the current simulated day,
 * sampled every few minutes for the charts, and the last complete day kept for comparison. Amounts come from the
 * world's shadow integrator (the model's exact mg), not from counting drawn packets.
 */
import { type ModelState, TICKS_PER_DAY, type Totals } from '../model/integrator';
import { serumCalcium } from '../model/physiology';
import type { DayPoint } from '../ui/outcomeTypes';

/** Minutes between chart samples: 144 points a day is smooth at any chart width we draw. */
export const SAMPLE_MINUTES = 10;

export interface DaySummary {
  /** Day number, 1 for the first simulated day. */
  readonly day: number;
  /** Minutes of this day covered so far (1440 for a complete day). */
  readonly minutes: number;
  readonly eaten: number;
  readonly secreted: number;
  readonly absorbed: number;
  readonly faeces: number;
  readonly urine: number;
  readonly boneIn: number;
  readonly boneOut: number;
  readonly artery: number;
  /**
   * Of the calcium that left the gut today, the share absorbed (the rest went on to faeces); NaN before any has
   * left. Over a whole settled day this equals absorbed / (eaten + secreted), the usual fractional absorption,
   * and it is meaningful early in a day too, when last night's meal is still being absorbed.
   */
  readonly absorbedShare: number;
  readonly serumNow: number;
  readonly serumMin: number;
  readonly serumMax: number;
}

export class DayRecord {
  /** Today's samples, from minute 0 to the latest sample. */
  points: DayPoint[] = [];
  lastDay: DaySummary | null = null;
  private midnight: Totals;
  private day = 1;
  private serumMin = Number.POSITIVE_INFINITY;
  private serumMax = Number.NEGATIVE_INFINITY;

  constructor(state: ModelState) {
    this.midnight = { ...state.totals };
    this.day = Math.floor(state.tick / TICKS_PER_DAY) + 1;
    this.sample(state);
  }

  /** Ticks to run before the next sample is due. */
  ticksToNextSample(state: ModelState): number {
    return SAMPLE_MINUTES - (state.tick % SAMPLE_MINUTES);
  }

  /** Records the state at a sample boundary (or at any moment, e.g. after a single step); rolls over at midnight. */
  sample(state: ModelState): void {
    const minute = state.tick % TICKS_PER_DAY;
    if (minute === 0 && state.tick > 0 && this.points.length > 1) {
      // The state at midnight closes the old day and opens the new one.
      this.trackSerum(state);
      this.lastDay = this.summarise(state, TICKS_PER_DAY);
      this.midnight = { ...state.totals };
      this.day = state.tick / TICKS_PER_DAY + 1;
      this.points = [];
      this.serumMin = Number.POSITIVE_INFINITY;
      this.serumMax = Number.NEGATIVE_INFINITY;
    }
    this.trackSerum(state);
    const point = this.point(state, minute);
    const last = this.points[this.points.length - 1];
    if (last && last.minute === minute) this.points[this.points.length - 1] = point;
    else this.points.push(point);
  }

  today(state: ModelState): DaySummary {
    return this.summarise(state, state.tick % TICKS_PER_DAY);
  }

  private trackSerum(state: ModelState): void {
    const serum = serumCalcium(state.ecf);
    this.serumMin = Math.min(this.serumMin, serum);
    this.serumMax = Math.max(this.serumMax, serum);
  }

  private point(state: ModelState, minute: number): DayPoint {
    const d = this.delta(state.totals);
    return {
      minute,
      eaten: d.eaten,
      absorbed: d.absorbedActive + d.absorbedPassive,
      faeces: d.faeces,
      urine: d.urine,
      boneIn: d.mineralised,
      boneOut: d.resorbed,
      artery: d.artery,
      serum: serumCalcium(state.ecf),
    };
  }

  private summarise(state: ModelState, minutes: number): DaySummary {
    const d = this.delta(state.totals);
    const absorbed = d.absorbedActive + d.absorbedPassive;
    const leftGut = absorbed + d.faeces;
    return {
      day: this.day,
      minutes,
      eaten: d.eaten,
      secreted: d.secreted,
      absorbed,
      faeces: d.faeces,
      urine: d.urine,
      boneIn: d.mineralised,
      boneOut: d.resorbed,
      artery: d.artery,
      absorbedShare: leftGut > 0 ? absorbed / leftGut : Number.NaN,
      serumNow: serumCalcium(state.ecf),
      serumMin: this.serumMin,
      serumMax: this.serumMax,
    };
  }

  private delta(totals: Totals): Totals {
    const d = { ...totals };
    for (const key of Object.keys(d) as (keyof Totals)[]) d[key] = totals[key] - this.midnight[key];
    return d;
  }
}
