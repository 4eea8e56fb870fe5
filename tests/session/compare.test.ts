/**
 * Side-by-side compare in a running Session: condition B (`session.b`) is A's inputs with a patch, made with A's
 * seed and advanced by the one controller clock. A Session with a silent frame source, frames sent by hand.
 */
import { describe, expect, it } from 'vitest';
import { fromCallback } from 'xstate';
import type { SimulationEmitted, SimulationEvent } from '../../src/machines/simulation.machine';
import { TICKS_PER_DAY } from '../../src/model/integrator';
import { type Run, Session } from '../../src/session/session';

const silentFrames = fromCallback(() => () => {});
const newSession = () => new Session({ frameSource: silentFrames });
const ctx = (s: Session) => s.actor.getSnapshot().context;
const frames = (s: Session, count: number, dtMs = 250) => {
  for (let i = 0; i < count; i++) s.actor.send({ type: 'frame', dtMs });
};
const recordEmits = (s: Session) => {
  const emitted: SimulationEmitted[] = [];
  s.actor.on('*', (e) => emitted.push(e));
  return emitted;
};
const runB = (s: Session): Run => {
  if (!s.b) throw new Error('not comparing');
  return s.b;
};
/** Everything the day view shows of a run, to compare two runs exactly. */
const dayState = (run: Run) => ({
  tick: run.world.model.tick,
  totals: { ...run.world.model.totals },
  compartment: Array.from(run.world.compartment),
  points: run.day.points,
});

describe('compare.start', () => {
  it("makes B from A's inputs plus the patch, with A's seed, and starts both runs again from tick 0", () => {
    const s = newSession();
    s.actor.send({ type: 'seed.set', seed: 1234 });
    s.actor.send({ type: 'step', ticks: 50 });
    const emitted = recordEmits(s);
    s.actor.send({ type: 'compare.start', patch: { d3IuPerDay: 0 } });

    const inputs = ctx(s).inputs;
    const compare = { ...inputs, d3IuPerDay: 0 };
    expect(ctx(s).compare).toEqual(compare);
    expect(ctx(s).tick).toBe(0);
    expect(s.a.world.model.tick).toBe(0);
    expect(runB(s).world.model.tick).toBe(0);
    expect(s.a.world.inputs).toEqual(inputs);
    expect(runB(s).world.inputs).toEqual(compare);
    expect(emitted).toEqual([
      { type: 'compare.changed', inputs: compare },
      { type: 'world.reset', inputs, compare, seed: 1234, view: 'day' },
    ]);

    // Same seed: B runs exactly like a fresh session of B's inputs with that seed.
    const fresh = new Session({ frameSource: silentFrames, input: { inputs: compare, seed: 1234 } });
    s.actor.send({ type: 'step', ticks: 60 });
    fresh.actor.send({ type: 'step', ticks: 60 });
    expect(dayState(runB(s))).toEqual(dayState(fresh.a));
  });

  it('keeps the valid part of a patch and reports the rest', () => {
    const s = newSession();
    const emitted = recordEmits(s);
    s.actor.send({ type: 'compare.start', patch: { k2UgPerDay: 0, d3IuPerDay: -5, colour: 'red' } });
    expect(ctx(s).compare).toEqual({ ...ctx(s).inputs, k2UgPerDay: 0 });
    expect(emitted[0]?.type).toBe('inputs.rejected');
    expect(runB(s).world.inputs).toEqual(ctx(s).compare);
  });

  it('with no patch gives a B identical to A, tick by tick (same seed, same inputs)', () => {
    const s = newSession();
    s.actor.send({ type: 'seed.set', seed: 99 });
    s.actor.send({ type: 'compare.start' });
    expect(ctx(s).compare).toEqual(ctx(s).inputs);
    s.actor.send({ type: 'play' });
    for (let i = 0; i < 50; i++) {
      s.actor.send({ type: 'frame', dtMs: 250 });
      expect(runB(s).world.model.totals).toEqual(s.a.world.model.totals);
      expect(runB(s).world.model.tick).toBe(s.a.world.model.tick);
    }
    expect(ctx(s).tick).toBe(300);
    expect(dayState(runB(s))).toEqual(dayState(s.a));
    // Still twins after both restart from another seed.
    s.actor.send({ type: 'seed.set', seed: 5 });
    frames(s, 20);
    expect(dayState(runB(s))).toEqual(dayState(s.a));
  });
});

describe('a day with and without vitamin D3', () => {
  it('B, with no D3, absorbs less of the same diet than A over a whole day', () => {
    const s = newSession();
    s.actor.send({ type: 'speed.set', speed: 'fast' });
    s.actor.send({ type: 'compare.start', patch: { d3IuPerDay: 0 } });
    s.actor.send({ type: 'play' });
    frames(s, TICKS_PER_DAY / 24); // fast: 24 simulated minutes a 250 ms frame
    expect(ctx(s).tick).toBe(TICKS_PER_DAY);
    const a = s.a.day.lastDay;
    const b = runB(s).day.lastDay;
    if (!a || !b) throw new Error('the first day should be complete');
    expect([a.day, a.minutes, b.day, b.minutes]).toEqual([1, TICKS_PER_DAY, 1, TICKS_PER_DAY]);
    expect(b.eaten).toBe(a.eaten);
    expect(a.absorbed).toBeGreaterThan(0);
    expect(b.absorbed).toBeLessThan(a.absorbed);
    expect(b.absorbedShare).toBeLessThan(a.absorbedShare);
  });
});

describe('compare.set and compare.stop', () => {
  it('compare.set changes B only; in the day view both runs carry on', () => {
    const s = newSession();
    s.actor.send({ type: 'compare.start' });
    s.actor.send({ type: 'step', ticks: 30 });
    const inputs = ctx(s).inputs;
    const a = s.a.world;
    const b = runB(s).world;
    const emitted = recordEmits(s);
    s.actor.send({ type: 'compare.set', patch: { k2UgPerDay: 0 } });
    expect(ctx(s).compare).toEqual({ ...inputs, k2UgPerDay: 0 });
    expect(ctx(s).inputs).toEqual(inputs);
    expect(s.a.world.inputs).toEqual(inputs);
    expect(runB(s).world.inputs).toEqual({ ...inputs, k2UgPerDay: 0 });
    expect(emitted).toEqual([{ type: 'compare.changed', inputs: { ...inputs, k2UgPerDay: 0 } }]);
    // The same worlds, not new ones: nothing started again.
    expect(s.a.world).toBe(a);
    expect(runB(s).world).toBe(b);
    expect(ctx(s).tick).toBe(30);
    s.actor.send({ type: 'step', ticks: 30 });
    expect([s.a.world.model.tick, runB(s).world.model.tick]).toEqual([60, 60]);
    // Patches build on B, not on A.
    s.actor.send({ type: 'compare.set', patch: { warfarin: true } });
    expect(ctx(s).compare).toEqual({ ...inputs, k2UgPerDay: 0, warfarin: true });
  });

  it('compare.set ignores invalid fields, and does nothing when not comparing', () => {
    const s = newSession();
    const emitted = recordEmits(s);
    s.actor.send({ type: 'compare.set', patch: { k2UgPerDay: 0 } });
    expect(ctx(s).compare).toBeNull();
    expect(s.b).toBeNull();
    expect(emitted).toEqual([]);
    s.actor.send({ type: 'compare.start' });
    const before = ctx(s).compare;
    emitted.length = 0;
    s.actor.send({ type: 'compare.set', patch: { k2UgPerDay: 'lots' } });
    expect(ctx(s).compare).toEqual(before);
    expect(emitted.map((e) => e.type)).toEqual(['inputs.rejected']);
  });

  it('inputs.set changes A only', () => {
    const s = newSession();
    s.actor.send({ type: 'compare.start' });
    const compare = ctx(s).compare;
    s.actor.send({ type: 'inputs.set', patch: { warfarin: true } });
    expect(ctx(s).compare).toEqual(compare);
    expect(runB(s).world.inputs).toEqual(compare);
    expect(s.a.world.inputs.warfarin).toBe(true);
  });

  it('compare.stop removes B and lets A carry on', () => {
    const s = newSession();
    s.actor.send({ type: 'compare.start', patch: { k2UgPerDay: 0 } });
    s.actor.send({ type: 'step', ticks: 20 });
    const a = s.a.world;
    const emitted = recordEmits(s);
    s.actor.send({ type: 'compare.stop' });
    expect(s.b).toBeNull();
    expect(ctx(s).compare).toBeNull();
    expect(s.lifeCourseB).toBeNull();
    expect(emitted).toEqual([{ type: 'compare.changed', inputs: null }]);
    expect(s.a.world).toBe(a);
    s.actor.send({ type: 'step', ticks: 20 });
    expect(s.a.world.model.tick).toBe(40);
    // Stopping again, and a reset, leave it off.
    emitted.length = 0;
    s.actor.send({ type: 'compare.stop' });
    expect(emitted).toEqual([]);
    s.actor.send({ type: 'reset' });
    expect(s.b).toBeNull();
  });
});

describe('compare in the years view', () => {
  it('compare.set starts both lives again, and the two life courses keep the same length', () => {
    const s = newSession();
    s.actor.send({ type: 'speed.set', speed: 'fast' }); // a year a 250 ms frame
    s.actor.send({ type: 'view.set', view: 'years' });
    s.actor.send({ type: 'compare.start', patch: { k2UgPerDay: 0 } });
    s.actor.send({ type: 'play' });
    frames(s, 3);
    const lengths = () => [ctx(s).tick, s.lifeCourse.series.length, s.lifeCourseB?.series.length];
    expect(lengths()).toEqual([3, 3, 3]);

    s.actor.send({ type: 'compare.set', patch: { warfarin: true } });
    expect(lengths()).toEqual([0, 0, 0]);
    expect(s.lifeCourseB?.inputs).toEqual(ctx(s).compare);
    expect(s.lifeCourse.inputs).toEqual(ctx(s).inputs);
    expect(ctx(s).compare?.warfarin).toBe(true);
    expect(ctx(s).inputs.warfarin).toBe(false);
    frames(s, 2);
    expect(lengths()).toEqual([2, 2, 2]);

    // A new habit for A starts both lives again too.
    s.actor.send({ type: 'inputs.set', patch: { k2UgPerDay: 0 } });
    expect(lengths()).toEqual([0, 0, 0]);
    frames(s, 1);
    expect(lengths()).toEqual([1, 1, 1]);
  });
});

describe('A and B on one clock', () => {
  it('keep the same world tick through play, steps, resets and every compare change', () => {
    const s = newSession();
    s.actor.send({ type: 'compare.start', patch: { k2UgPerDay: 0 } });
    const script: SimulationEvent[] = [
      { type: 'step' },
      { type: 'step', ticks: 17 },
      { type: 'play' },
      { type: 'frame', dtMs: 250 },
      { type: 'frame', dtMs: 16 },
      { type: 'frame', dtMs: 33 },
      { type: 'speed.set', speed: 'fast' },
      { type: 'frame', dtMs: 250 },
      { type: 'compare.set', patch: { warfarin: true } },
      { type: 'frame', dtMs: 250 },
      { type: 'inputs.set', patch: { k2UgPerDay: 0 } },
      { type: 'frame', dtMs: 100 },
      { type: 'pause' },
      { type: 'step', ticks: 60 },
      { type: 'seed.set', seed: 8 },
      { type: 'step', ticks: 5 },
      { type: 'reset' },
      { type: 'step', ticks: 3 },
      { type: 'view.set', view: 'years' },
      { type: 'step' },
      { type: 'compare.set', patch: { warfarin: false } },
      { type: 'step' },
      { type: 'view.set', view: 'day' },
      { type: 'step', ticks: 9 },
      { type: 'compare.start', patch: { k2UgPerDay: 0 } },
      { type: 'toggle' },
      { type: 'frame', dtMs: 250 },
    ];
    for (const event of script) {
      s.actor.send(event);
      const where = JSON.stringify(event);
      expect(runB(s).world.model.tick, where).toBe(s.a.world.model.tick);
      if (ctx(s).view === 'day') expect(s.a.world.model.tick, where).toBe(ctx(s).tick);
      else expect(s.lifeCourseB?.years, where).toBe(s.lifeCourse.years);
    }
    expect(ctx(s).tick).toBeGreaterThan(0);
  });
});
