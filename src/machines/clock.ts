/**
 * Real time to simulation ticks, in integers so that results depend on tick counts only (a float accumulator
 * drifts: notes/xstate.md §3.4). Speed changes how many ticks a frame brings, never the length of a tick.
 */
export type Speed = 'slow' | 'normal' | 'fast';
export type View = 'day' | 'years';

/**
 * Ticks per minute of real time. Day view: a tick is a simulated minute, so normal speed plays a day in a
 * minute. Years view: a tick is a simulated year, so normal speed plays a year a second.
 */
export const TICKS_PER_REAL_MINUTE: Readonly<Record<View, Readonly<Record<Speed, number>>>> = {
  day: { slow: 360, normal: 1440, fast: 5760 },
  years: { slow: 15, normal: 60, fast: 240 },
};

/** Most ticks one frame may bring; any larger backlog (a stalled tab, a slow device) is dropped, not replayed. */
export const MAX_TICKS_PER_FRAME: Readonly<Record<View, number>> = { day: 60, years: 2 };

/** Longest frame gap counted (ms); longer gaps are treated as this long. */
export const MAX_FRAME_MS = 250;

const MS_PER_MINUTE = 60_000;

export interface ClockAdvance {
  readonly ticks: number;
  /** Remainder carried to the next frame, in tick-milliseconds (an integer). */
  readonly carry: number;
}

export function advanceClock(carry: number, dtMs: number, view: View, speed: Speed): ClockAdvance {
  const ms = Math.round(Math.min(MAX_FRAME_MS, Math.max(0, Number.isFinite(dtMs) ? dtMs : 0)));
  const total = carry + ms * TICKS_PER_REAL_MINUTE[view][speed];
  const due = Math.floor(total / MS_PER_MINUTE);
  if (due > MAX_TICKS_PER_FRAME[view]) return { ticks: MAX_TICKS_PER_FRAME[view], carry: 0 };
  return { ticks: due, carry: total - due * MS_PER_MINUTE };
}
