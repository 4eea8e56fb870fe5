/**
 * The day record (src/session/dayRecord.ts) as the running wiring keeps it: a Session with a silent frame source,
 * advanced by `step` events, so what is checked here is what the outcome panels read in the app.
 */
import { describe, expect, it } from 'vitest';
import { fromCallback } from 'xstate';
import { MAX_TICKS_PER_FRAME } from '../../src/machines/clock';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { referenceState, runTicks, TICKS_PER_DAY, type Totals } from '../../src/model/integrator';
import { deriveHabit, serumCalcium } from '../../src/model/physiology';
import { simulate } from '../../src/model/simulate';
import { DayRecord, type DaySummary, SAMPLE_MINUTES } from '../../src/session/dayRecord';
import { Session } from '../../src/session/session';
import type { DayPoint } from '../../src/ui/outcomeTypes';

const silentFrames = fromCallback(() => () => {});
const newSession = () => new Session({ frameSource: silentFrames });
const ctx = (s: Session) => s.actor.getSnapshot().context;

/** Steps `ticks` simulated minutes in steps of at most one frame's worth. */
function advance(s: Session, ticks: number): void {
  for (let left = ticks; left > 0; left -= MAX_TICKS_PER_FRAME.day) {
    s.actor.send({ type: 'step', ticks: Math.min(left, MAX_TICKS_PER_FRAME.day) });
  }
}

const AMOUNTS = ['eaten', 'absorbed', 'faeces', 'urine', 'boneIn', 'boneOut', 'artery'] as const;

/** What a day point should say, from two integrator totals: cumulative amounts since `midnight`. */
function expectedAmounts(now: Totals, midnight: Totals): Record<(typeof AMOUNTS)[number], number> {
  return {
    eaten: now.eaten - midnight.eaten,
    absorbed: now.absorbedActive + now.absorbedPassive - midnight.absorbedActive - midnight.absorbedPassive,
    faeces: now.faeces - midnight.faeces,
    urine: now.urine - midnight.urine,
    boneIn: now.mineralised - midnight.mineralised,
    boneOut: now.resorbed - midnight.resorbed,
    artery: now.artery - midnight.artery,
  };
}

function expectAmounts(actual: DayPoint | DaySummary, expected: Record<(typeof AMOUNTS)[number], number>): void {
  for (const key of AMOUNTS) expect(actual[key], key).toBeCloseTo(expected[key], 9);
}

describe('day record in a session', () => {
  it('starts at minute 0 of day 1 with nothing yet eaten or moved', () => {
    const s = newSession();
    const { points } = s.day;
    expect(points).toHaveLength(1);
    const first = points[0] as DayPoint;
    expect(first.minute).toBe(0);
    for (const key of AMOUNTS) expect(first[key], key).toBe(0);
    expect(first.serum).toBeCloseTo(serumCalcium(s.world.model.ecf), 12);
    expect(s.day.lastDay).toBeNull();
    const today = s.day.today(s.world.model);
    expect(today.day).toBe(1);
    expect(today.minutes).toBe(0);
    expect(today.absorbedShare).toBeNaN(); // nothing has left the gut yet
  });

  it('samples every SAMPLE_MINUTES on a fixed grid, whatever the step sizes', () => {
    const s = newSession();
    for (let k = 0; k < 31; k++) s.actor.send({ type: 'step', ticks: 7 });
    for (let k = 0; k < 9; k++) s.actor.send({ type: 'step' });
    expect(s.world.model.tick).toBe(7 * 31 + 9);
    const minutes = s.day.points.map((p) => p.minute);
    const expected = Array.from({ length: Math.floor(226 / SAMPLE_MINUTES) + 1 }, (_, i) => i * SAMPLE_MINUTES);
    expect(minutes).toEqual(expected);
  });

  it('keeps cumulative amounts since midnight that never go down, equal to the integrator at each sample', () => {
    const s = newSession();
    const midnight = { ...s.world.model.totals };
    let samples = 0;
    for (let step = 0; step < TICKS_PER_DAY / MAX_TICKS_PER_FRAME.day - 1; step++) {
      s.actor.send({ type: 'step', ticks: MAX_TICKS_PER_FRAME.day });
      // A 60-tick step ends on the sample grid, so the latest point is now.
      const last = s.day.points[s.day.points.length - 1] as DayPoint;
      expect(last.minute).toBe(s.world.model.tick % TICKS_PER_DAY);
      expectAmounts(last, expectedAmounts(s.world.model.totals, midnight));
      expect(last.serum).toBeCloseTo(serumCalcium(s.world.model.ecf), 12);
      samples++;
    }
    expect(samples).toBe(23);
    const { points } = s.day;
    for (let i = 1; i < points.length; i++) {
      for (const key of AMOUNTS) {
        expect((points[i] as DayPoint)[key], `${key} at minute ${points[i]?.minute}`).toBeGreaterThanOrEqual(
          (points[i - 1] as DayPoint)[key],
        );
      }
    }
    // Three meals by 23:00: the whole day's calcium has been eaten.
    expect((points[points.length - 1] as DayPoint).eaten).toBeCloseTo(DEFAULT_INPUTS.calciumMgPerDay, 9);
  });

  it('closes a complete day at midnight and starts the next one from zero', () => {
    const s = newSession();
    const midnight0 = { ...s.world.model.totals };
    advance(s, TICKS_PER_DAY - SAMPLE_MINUTES);
    const dayOnePoints = [...s.day.points];
    expect(dayOnePoints).toHaveLength(TICKS_PER_DAY / SAMPLE_MINUTES);
    expect(s.day.lastDay).toBeNull();
    advance(s, SAMPLE_MINUTES);
    expect(s.world.model.tick).toBe(TICKS_PER_DAY);
    const midnight1 = { ...s.world.model.totals };

    const last = s.day.lastDay as DaySummary;
    expect(last).not.toBeNull();
    expect(last.day).toBe(1);
    expect(last.minutes).toBe(TICKS_PER_DAY);
    expectAmounts(last, expectedAmounts(midnight1, midnight0));
    expect(last.eaten).toBeCloseTo(DEFAULT_INPUTS.calciumMgPerDay, 9);
    expect(last.secreted).toBeCloseTo(midnight1.secreted - midnight0.secreted, 9);
    expect(last.absorbedShare).toBeCloseTo(last.absorbed / (last.absorbed + last.faeces), 12);
    const serums = [...dayOnePoints.map((p) => p.serum), serumCalcium(s.world.model.ecf)];
    expect(last.serumMin).toBeCloseTo(Math.min(...serums), 12);
    expect(last.serumMax).toBeCloseTo(Math.max(...serums), 12);
    expect(last.serumNow).toBeCloseTo(serumCalcium(s.world.model.ecf), 12);

    // The new day opens at minute 0 with nothing yet.
    expect(s.day.points).toHaveLength(1);
    const opening = s.day.points[0] as DayPoint;
    expect(opening.minute).toBe(0);
    for (const key of AMOUNTS) expect(opening[key], key).toBe(0);
    const today = s.day.today(s.world.model);
    expect(today.day).toBe(2);
    expect(today.minutes).toBe(0);

    // A second midnight replaces the last day with day 2.
    advance(s, TICKS_PER_DAY);
    expect((s.day.lastDay as DaySummary).day).toBe(2);
    expectAmounts(s.day.lastDay as DaySummary, expectedAmounts(s.world.model.totals, midnight1));
    expect(s.day.points.map((p) => p.minute)).toEqual([0]);
  });

  it("reports today's amounts mid-day, between samples too, from the totals since midnight", () => {
    const s = newSession();
    advance(s, TICKS_PER_DAY);
    const midnight = { ...s.world.model.totals };
    advance(s, 12 * 60);
    for (let k = 0; k < 5; k++) s.actor.send({ type: 'step', ticks: 1 });
    const today = s.day.today(s.world.model);
    expect(today.day).toBe(2);
    expect(today.minutes).toBe(12 * 60 + 5);
    expectAmounts(today, expectedAmounts(s.world.model.totals, midnight));
    expect(today.absorbedShare).toBeCloseTo(today.absorbed / (today.absorbed + today.faeces), 12);
    expect(today.absorbedShare).toBeGreaterThan(0);
    expect(today.absorbedShare).toBeLessThan(1);
    // Samples have stopped at the last grid minute; today() is up to the tick.
    expect(s.day.points[s.day.points.length - 1]?.minute).toBe(12 * 60);
  });

  it('starts a fresh record when the world is reset, and keeps the record when only the inputs change', () => {
    const s = newSession();
    advance(s, TICKS_PER_DAY + 300);
    const record = s.day;
    s.actor.send({ type: 'inputs.set', patch: { calciumMgPerDay: 600 } });
    expect(s.day).toBe(record);
    advance(s, 60);
    expect(s.day.points.map((p) => p.minute).slice(-1)).toEqual([360]);

    s.actor.send({ type: 'reset' });
    expect(s.day).not.toBe(record);
    expect(s.world.model.tick).toBe(0);
    expect(s.day.lastDay).toBeNull();
    expect(s.day.points).toHaveLength(1);
    expect(s.day.points[0]?.minute).toBe(0);
    expect(s.day.today(s.world.model).day).toBe(1);
    for (const key of AMOUNTS) expect(s.day.points[0]?.[key], key).toBe(0);

    // A new seed restarts the world too.
    const beforeSeed = s.day;
    advance(s, 120);
    s.actor.send({ type: 'seed.set', seed: 42 });
    expect(s.day).not.toBe(beforeSeed);
    expect(s.day.points.map((p) => p.minute)).toEqual([0]);
  });

  it("matches the headless runner's fractional absorption over a settled default day", () => {
    const s = newSession();
    advance(s, TICKS_PER_DAY);
    const last = s.day.lastDay as DaySummary;
    const ode = simulate({ days: 1, mode: 'ode' });
    expect(Math.abs(last.absorbedShare - ode.fractionalAbsorption)).toBeLessThan(0.01);
    // Same integrator, same settled start: the same amounts.
    expect(last.absorbed).toBeCloseTo(ode.totalsMg.absorbed, 6);
    expect(last.faeces).toBeCloseTo(ode.totalsMg.faeces, 6);
    expect(last.urine).toBeCloseTo(ode.totalsMg.urine, 6);
    expect(last.secreted).toBeCloseTo(ode.totalsMg.secretedIntoGut, 6);
  });

  it('shows lower absorption by the end of the next day after vitamin D3 is cut to 0', () => {
    const usual = newSession();
    const deficient = newSession();
    advance(usual, TICKS_PER_DAY);
    advance(deficient, TICKS_PER_DAY);
    expect(deficient.day.lastDay?.absorbedShare).toBeCloseTo(usual.day.lastDay?.absorbedShare as number, 12);
    deficient.actor.send({ type: 'inputs.set', patch: { d3IuPerDay: 0 } });
    expect(deficient.world.inputs.d3IuPerDay).toBe(0);
    advance(usual, TICKS_PER_DAY);
    advance(deficient, TICKS_PER_DAY);
    const usualShare = (usual.day.lastDay as DaySummary).absorbedShare;
    const deficientShare = (deficient.day.lastDay as DaySummary).absorbedShare;
    expect(usual.day.lastDay?.day).toBe(2);
    expect(deficient.day.lastDay?.day).toBe(2);
    expect(deficientShare).toBeLessThan(usualShare - 0.02);
  });
});

describe('step with a tick count', () => {
  it('advances by the ticks asked, at most one frame’s worth; anything not a whole number steps once', () => {
    const s = newSession();
    const stepBy = (ticks: number | undefined): number => {
      const before = ctx(s).tick;
      s.actor.send(ticks === undefined ? { type: 'step' } : { type: 'step', ticks });
      expect(s.world.model.tick).toBe(ctx(s).tick);
      return ctx(s).tick - before;
    };
    expect(stepBy(undefined)).toBe(1);
    expect(stepBy(45)).toBe(45);
    expect(stepBy(MAX_TICKS_PER_FRAME.day)).toBe(MAX_TICKS_PER_FRAME.day);
    expect(stepBy(1000)).toBe(MAX_TICKS_PER_FRAME.day);
    expect(stepBy(2.5)).toBe(1);
    expect(stepBy(Number.NaN)).toBe(1);
    expect(stepBy(Number.POSITIVE_INFINITY)).toBe(1);
    expect(stepBy(0)).toBe(1);
    expect(stepBy(-7)).toBe(1);
  });

  it('clamps to the years view’s frame limit there', () => {
    const s = newSession();
    s.actor.send({ type: 'view.set', view: 'years' });
    s.actor.send({ type: 'step', ticks: 10 });
    expect(ctx(s).tick).toBe(MAX_TICKS_PER_FRAME.years);
    expect(s.lifeCourse.years).toBe(MAX_TICKS_PER_FRAME.years);
  });

  it('is ignored while running', () => {
    const s = newSession();
    s.actor.send({ type: 'play' });
    s.actor.send({ type: 'step', ticks: 30 });
    expect(ctx(s).tick).toBe(0);
    expect(s.world.model.tick).toBe(0);
  });
});

describe('DayRecord on its own', () => {
  it('replaces a sample taken twice at the same minute rather than adding one, and does not roll over twice', () => {
    const habit = deriveHabit(DEFAULT_INPUTS);
    const state = referenceState();
    const record = new DayRecord(state);
    for (let minute = 0; minute < TICKS_PER_DAY; minute += SAMPLE_MINUTES) {
      runTicks(state, habit, record.ticksToNextSample(state));
      record.sample(state);
    }
    expect(state.tick).toBe(TICKS_PER_DAY);
    const closed = record.lastDay;
    expect(closed?.minutes).toBe(TICKS_PER_DAY);
    record.sample(state);
    expect(record.lastDay).toBe(closed);
    expect(record.points).toHaveLength(1);
    runTicks(state, habit, 3);
    expect(record.ticksToNextSample(state)).toBe(SAMPLE_MINUTES - 3);
    record.sample(state); // an off-grid sample (e.g. after a single step) is recorded at its minute
    expect(record.points.map((p) => p.minute)).toEqual([0, 3]);
  });
});
