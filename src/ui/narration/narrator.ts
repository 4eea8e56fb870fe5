/**
 * Narration of the running simulation for screen-reader users: a few meaningful sentences, never a stream of
 * numbers. The narrator watches snapshots of what the page shows and speaks only when something a sighted
 * student would notice has happened: a change of habit and the first full day that shows its effect, blood
 * calcium leaving or returning to its normal range, the artery wall's drive changing, five more years gone by.
 * Sentences wait their turn (one per `gapMs` at most); a newer sentence of the same kind replaces a waiting one,
 * and the most important kind goes first. Pure: no DOM, time is passed in, so tests can drive it.
 */
import { formatPercent, t } from '../../i18n';
import type { Inputs } from '../../model/inputs';
import { serumStatus } from '../../model/physiology';
import type { YearPoint } from '../../model/years';
import type { DaySummary } from '../../session/dayRecord';
import { formatMg, formatSerum } from '../format';

/** Shortest time between two spoken sentences, ms. Long enough to finish a sentence at a normal speech rate. */
export const NARRATION_GAP_MS = 6000;
/** Below this share of MGP switched on, the wall is called poorly guarded (default habit: about 45 %). */
const LOW_ACTIVE_MGP = 0.3;
/** The artery wall's drive must change by this factor before it is worth a sentence. */
const ARTERY_CHANGE_FACTOR = 1.5;
/** Absorption changes smaller than this (share points) are "about the same". */
const SAME_ABSORPTION = 0.02;
const MINUTES_PER_DAY = 1440;
/** In the years view, progress is spoken once per this many years of age. */
const YEARS_BETWEEN_REPORTS = 5;

export interface NarrationFrame {
  readonly view: 'day' | 'years';
  /** While A and B are compared, the comparison's own headline speaks; the narrator keeps quiet. */
  readonly comparing: boolean;
  readonly inputs: Inputs;
  /** Share of MGP switched on (0 when MGP is absent). */
  readonly activeMgp: number;
  /** The habit's drive for mineral in the artery wall, mg/day (model units; only its changes are spoken). */
  readonly arteryDrive: number;
  readonly today?: DaySummary | undefined;
  readonly lastDay?: DaySummary | null | undefined;
  readonly latestYear?: YearPoint | null | undefined;
}

type Kind = 'serum' | 'effect' | 'artery' | 'progress';
/** Most important first: a blood-calcium alarm outranks everything. */
const ORDER: readonly Kind[] = ['serum', 'effect', 'artery', 'progress'];

interface Change {
  /** The habit before the first change not yet reported: the effect is described against it. */
  readonly from: Inputs;
  /** The day (1-based) on which the change was made: its effect is judged on the first full day after it. */
  readonly onDay: number;
  /** The last full day before the change, for "down from …"; null when there was none. */
  readonly before: DaySummary | null;
}

export class Narrator {
  private readonly waiting = new Map<Kind, string>();
  private lastSpokenAt = Number.NEGATIVE_INFINITY;
  private previous: NarrationFrame | null = null;
  private change: Change | null = null;
  private serum: 'low' | 'normal' | 'high' = 'normal';
  /** Simulated minute since which blood calcium has been back in range (NaN while it is not). */
  private normalSince = Number.NaN;
  private reportedDay = 0;
  private reportedAge = Number.NaN;
  private reportedBone = Number.NaN;
  /** The artery wall's drive when last spoken about (or at the start): slow slider drags add up against it. */
  private arteryBaseline: { drive: number; mgpAbsent: boolean } | null = null;

  constructor(private readonly gapMs = NARRATION_GAP_MS) {}

  /** Forget everything (after Reset): the next frame is a fresh start. */
  reset(): void {
    this.waiting.clear();
    this.previous = null;
    this.change = null;
    this.serum = 'normal';
    this.normalSince = Number.NaN;
    this.reportedDay = 0;
    this.reportedAge = Number.NaN;
    this.reportedBone = Number.NaN;
    this.arteryBaseline = null;
  }

  /** Looks at one frame; returns the sentence to speak now, or null. `now` is real time in ms. */
  observe(frame: NarrationFrame, now: number): string | null {
    const before = this.previous;
    this.previous = frame;
    if (frame.comparing) {
      this.waiting.clear();
      return null;
    }
    if (before && before.view !== frame.view) {
      this.waiting.clear();
      this.reportedAge = Number.NaN;
    }
    this.arteryBaseline ??= { drive: frame.arteryDrive, mgpAbsent: frame.inputs.mgpAbsent };
    if (before && before.inputs !== frame.inputs) this.noticeHabitChange(before, frame);
    if (frame.view === 'day') this.watchDay(frame);
    else this.watchYears(frame);
    return this.speak(now);
  }

  private speak(now: number): string | null {
    if (now - this.lastSpokenAt < this.gapMs) return null;
    for (const kind of ORDER) {
      const sentence = this.waiting.get(kind);
      if (sentence === undefined) continue;
      this.waiting.delete(kind);
      this.lastSpokenAt = now;
      return sentence;
    }
    return null;
  }

  private noticeHabitChange(before: NarrationFrame, frame: NarrationFrame): void {
    if (frame.view === 'day') {
      // The change came after the previous frame: a change at midnight, before any minute of the new day has run,
      // counts for the whole of that day.
      const today = before.today ?? frame.today;
      const day = today ? (today.minutes === 0 ? today.day - 1 : today.day) : 0;
      // Changes made before the last one's effect was reported add up: the effect is of all of them together.
      this.change = {
        from: this.change?.from ?? before.inputs,
        onDay: day,
        before: this.change ? this.change.before : (before.lastDay ?? frame.lastDay ?? null),
      };
    }
    const baseline = this.arteryBaseline;
    if (!baseline) return;
    const artery = arterySentence(baseline, frame);
    if (artery) {
      this.waiting.set('artery', artery);
      this.arteryBaseline = { drive: frame.arteryDrive, mgpAbsent: frame.inputs.mgpAbsent };
    }
  }

  private watchDay(frame: NarrationFrame): void {
    const today = frame.today;
    if (!today) return;
    const status = this.serumAsSpoken(today.serumNow, (today.day - 1) * MINUTES_PER_DAY + today.minutes);
    if (status !== this.serum) {
      this.serum = status;
      this.waiting.set('serum', t(`narration.serum.${status}`, { serum: formatSerum(today.serumNow) }));
    }
    const last = frame.lastDay;
    if (!last || last.day <= this.reportedDay) return;
    this.reportedDay = last.day;
    const change = this.change;
    if (change && last.day > change.onDay) {
      this.change = null;
      // Moved back to where it started: nothing to report.
      const cause = describeChange(change.from, frame.inputs);
      if (cause !== null) this.waiting.set('effect', effectSentence(last, change.before, cause));
    } else if (!change && last.day === 1) {
      this.waiting.set('progress', t('narration.firstDay', dayParams(last)));
    }
  }

  /**
   * Blood calcium's range as spoken. Leaving the normal range is spoken at once; coming back only after a whole
   * simulated day inside it, because serum near a limit crosses it with every meal, and "above … back in range …
   * above" every few hours would be noise.
   */
  private serumAsSpoken(serum: number, minuteOfRun: number): 'low' | 'normal' | 'high' {
    const plain = serumStatus(serum);
    if (plain !== 'normal' || this.serum === 'normal') {
      this.normalSince = Number.NaN;
      return plain;
    }
    if (Number.isNaN(this.normalSince)) this.normalSince = minuteOfRun;
    return minuteOfRun - this.normalSince >= MINUTES_PER_DAY ? 'normal' : this.serum;
  }

  private watchYears(frame: NarrationFrame): void {
    const latest = frame.latestYear;
    if (!latest) return;
    if (Number.isNaN(this.reportedAge)) {
      this.reportedAge = latest.ageYears;
      this.reportedBone = latest.bonePercentOfStart;
      return;
    }
    if (latest.ageYears < this.reportedAge + YEARS_BETWEEN_REPORTS) return;
    const trend = latest.bonePercentOfStart - this.reportedBone;
    this.reportedAge = latest.ageYears;
    this.reportedBone = latest.bonePercentOfStart;
    const direction = Math.abs(trend) < 0.5 ? 'steady' : trend < 0 ? 'falling' : 'rising';
    this.waiting.set(
      'progress',
      t(`narration.years.${direction}`, {
        age: latest.ageYears,
        bone: formatPercent(latest.bonePercentOfStart / 100, 1),
        artery: formatMg(latest.arteryMg),
      }),
    );
  }
}

function dayParams(day: DaySummary): Record<string, string | number> {
  return {
    day: day.day,
    eaten: formatMg(day.eaten),
    share: formatPercent(Number.isNaN(day.absorbedShare) ? 0 : day.absorbedShare),
    urine: formatMg(day.urine),
  };
}

function effectSentence(day: DaySummary, previous: DaySummary | null, cause: string): string {
  const share = Number.isNaN(day.absorbedShare) ? 0 : day.absorbedShare;
  const before = previous && !Number.isNaN(previous.absorbedShare) ? previous.absorbedShare : null;
  const params = { ...dayParams(day), cause };
  if (before === null) return t('narration.effect.noBaseline', params);
  const direction = Math.abs(share - before) < SAME_ABSORPTION ? 'same' : share < before ? 'fell' : 'rose';
  return t(`narration.effect.${direction}`, { ...params, before: formatPercent(before) });
}

function arterySentence(baseline: { drive: number; mgpAbsent: boolean }, frame: NarrationFrame): string | null {
  if (frame.inputs.mgpAbsent && !baseline.mgpAbsent) return t('narration.artery.noMgp');
  const ratio = frame.arteryDrive / Math.max(1e-12, baseline.drive);
  const mgp = formatPercent(frame.activeMgp);
  if (ratio >= ARTERY_CHANGE_FACTOR) {
    return frame.activeMgp < LOW_ACTIVE_MGP
      ? t('narration.artery.fasterLowMgp', { mgp })
      : t('narration.artery.faster');
  }
  if (ratio <= 1 / ARTERY_CHANGE_FACTOR) return t('narration.artery.slower', { mgp });
  return null;
}

const NUMERIC: readonly (keyof Inputs &
  ('calciumMgPerDay' | 'd3IuPerDay' | 'k2UgPerDay' | 'k1UgPerDay' | 'ageYears'))[] = [
  'calciumMgPerDay',
  'd3IuPerDay',
  'k2UgPerDay',
  'k1UgPerDay',
  'ageYears',
];

/** "after lowering vitamin D3", "after starting warfarin", …; null when nothing a student set has changed. */
export function describeChange(a: Inputs, b: Inputs): string | null {
  const causes: string[] = [];
  for (const key of NUMERIC) {
    if (a[key] === b[key]) continue;
    causes.push(
      t(b[key] < a[key] ? 'narration.cause.lowered' : 'narration.cause.raised', { input: t(`narration.input.${key}`) }),
    );
  }
  if (a.k2Form !== b.k2Form) causes.push(t('narration.cause.form', { form: t(`control.k2Form.${b.k2Form}`) }));
  if (a.warfarin !== b.warfarin)
    causes.push(t(b.warfarin ? 'narration.cause.warfarinOn' : 'narration.cause.warfarinOff'));
  if (a.sex !== b.sex) causes.push(t('narration.cause.sex', { sex: t(`control.sex.${b.sex}`) }));
  if (a.mgpAbsent !== b.mgpAbsent) causes.push(t(b.mgpAbsent ? 'narration.cause.mgpOff' : 'narration.cause.mgpOn'));
  if (causes.length === 0) return null;
  return causes.length === 1 ? (causes[0] ?? null) : t('narration.cause.several');
}
