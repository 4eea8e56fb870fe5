/**
 * The simulation controller, run against the real wiring (Session: controller + world + life course) with a
 * silent frame source, frames sent by hand. Model-based part: every simple path through the controller's states
 * (xstate/graph) is replayed and the wiring's invariants are checked after each event.
 */
import { describe, expect, it } from 'vitest';
import { fromCallback, initialTransition, transition } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { type SimulationEvent, simulationMachine } from '../../src/machines/simulation.machine';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { Session } from '../../src/session/session';

const silentFrames = fromCallback(() => () => {});
const newSession = () => new Session({ frameSource: silentFrames });
const ctx = (s: Session) => s.actor.getSnapshot().context;
const frames = (s: Session, dtMs: number, count: number) => {
  for (let i = 0; i < count; i++) s.actor.send({ type: 'frame', dtMs });
};

describe('clock', () => {
  it('starts paused; step advances exactly one tick, only while paused', () => {
    const s = newSession();
    expect(s.actor.getSnapshot().matches({ clock: 'paused' })).toBe(true);
    s.actor.send({ type: 'step' });
    expect(ctx(s).tick).toBe(1);
    expect(s.world.model.tick).toBe(1);
    s.actor.send({ type: 'play' });
    s.actor.send({ type: 'step' });
    expect(ctx(s).tick).toBe(1);
  });

  it('turns frames into ticks while running and ignores them when paused', () => {
    const s = newSession();
    frames(s, 1000, 5);
    expect(ctx(s).tick).toBe(0);
    s.actor.send({ type: 'play' });
    frames(s, 250, 4); // one real second at normal speed: a simulated day is a minute, so 24 ticks
    expect(ctx(s).tick).toBe(24);
    expect(s.world.model.tick).toBe(24);
    s.actor.send({ type: 'toggle' });
    frames(s, 250, 4);
    expect(ctx(s).tick).toBe(24);
  });

  it('changes ticks per second with speed, never the tick itself', () => {
    const ticksPerSecond = (speed: 'slow' | 'normal' | 'fast') => {
      const s = newSession();
      s.actor.send({ type: 'speed.set', speed });
      s.actor.send({ type: 'play' });
      frames(s, 100, 10);
      return ctx(s).tick;
    };
    expect([ticksPerSecond('slow'), ticksPerSecond('normal'), ticksPerSecond('fast')]).toEqual([6, 24, 96]);
  });

  it('gives the same world at 60, 30 and ragged frame rates for the same real time', () => {
    const run = (dts: number[]) => {
      const s = newSession();
      s.actor.send({ type: 'play' });
      for (const dt of dts) s.actor.send({ type: 'frame', dtMs: dt });
      return { tick: ctx(s).tick, packets: Array.from(s.world.compartment) };
    };
    const sixty = run(Array.from({ length: 600 }, (_, i) => (i % 3 === 2 ? 16 : 17))); // 10,000 ms
    const thirty = run(Array.from({ length: 300 }, (_, i) => (i % 3 === 2 ? 34 : 33)));
    const ragged = run([5, 35, 12, 48, ...Array.from({ length: 9900 / 99 }, () => 99)]);
    expect(sixty.tick).toBe(240);
    expect(thirty).toEqual(sixty);
    expect(ragged).toEqual(sixty);
  });

  it('drops a backlog instead of replaying it, and ignores nonsense frame times', () => {
    const s = newSession();
    s.actor.send({ type: 'speed.set', speed: 'fast' });
    s.actor.send({ type: 'play' });
    s.actor.send({ type: 'frame', dtMs: 3_600_000 }); // an hour-long stall counts as 250 ms
    expect(ctx(s).tick).toBe(24);
    s.actor.send({ type: 'frame', dtMs: Number.NaN });
    s.actor.send({ type: 'frame', dtMs: -50 });
    expect(ctx(s).tick).toBe(24);
  });

  it('suspends while the tab is hidden and resumes when it is visible', () => {
    const s = newSession();
    s.actor.send({ type: 'play' });
    s.actor.send({ type: 'visibility.hidden' });
    expect(s.actor.getSnapshot().matches({ clock: 'suspended' })).toBe(true);
    frames(s, 250, 8);
    expect(ctx(s).tick).toBe(0);
    s.actor.send({ type: 'visibility.visible' });
    frames(s, 250, 4);
    expect(ctx(s).tick).toBe(24);
    // A tab hidden while paused stays paused.
    s.actor.send({ type: 'pause' });
    s.actor.send({ type: 'visibility.hidden' });
    s.actor.send({ type: 'visibility.visible' });
    expect(s.actor.getSnapshot().matches({ clock: 'paused' })).toBe(true);
  });

  it('runs the frame source only while running', () => {
    let started = 0;
    let stopped = 0;
    const counting = fromCallback(() => {
      started++;
      return () => {
        stopped++;
      };
    });
    const s = new Session({ frameSource: counting });
    expect(started).toBe(0);
    s.actor.send({ type: 'play' });
    expect([started, stopped]).toEqual([1, 0]);
    s.actor.send({ type: 'visibility.hidden' });
    expect([started, stopped]).toEqual([1, 1]);
    s.actor.send({ type: 'visibility.visible' });
    s.actor.send({ type: 'pause' });
    expect([started, stopped]).toEqual([2, 2]);
  });
});

describe('inputs, seed and reset', () => {
  it('applies valid inputs to the running world and rejects invalid ones with a message', () => {
    const s = newSession();
    const emitted: string[] = [];
    s.actor.on('*', (e) => emitted.push(e.type));
    s.actor.send({ type: 'inputs.set', patch: { calciumMgPerDay: 500, d3IuPerDay: -3, sex: 'robot' } });
    expect(ctx(s).inputs.calciumMgPerDay).toBe(500);
    expect(ctx(s).inputs.d3IuPerDay).toBe(DEFAULT_INPUTS.d3IuPerDay);
    expect(s.world.inputs.calciumMgPerDay).toBe(500);
    expect(emitted).toEqual(['inputs.rejected', 'inputs.changed']);
  });

  it('restores every default on Reset all, restarting the world', () => {
    const s = newSession();
    s.actor.send({ type: 'inputs.set', patch: { warfarin: true, k2UgPerDay: 400 } });
    s.actor.send({ type: 'speed.set', speed: 'fast' });
    s.actor.send({ type: 'step' });
    s.actor.send({ type: 'resetAll' });
    expect(ctx(s).inputs).toEqual(DEFAULT_INPUTS);
    expect(ctx(s).speed).toBe('normal');
    expect(ctx(s).tick).toBe(0);
    expect(s.world.model.tick).toBe(0);
    expect(s.world.inputs).toEqual(DEFAULT_INPUTS);
  });

  it('restarts the world from the new seed, and refuses a bad seed', () => {
    const s = newSession();
    s.actor.send({ type: 'seed.set', seed: 1.5 });
    expect(ctx(s).seed).toBe(1);
    s.actor.send({ type: 'seed.set', seed: 77 });
    expect(ctx(s).seed).toBe(77);
    const again = new Session({ frameSource: silentFrames, input: { seed: 77 } });
    s.world.run(300);
    again.world.run(300);
    expect(Array.from(s.world.compartment)).toEqual(Array.from(again.world.compartment));
  });

  it('ignores invalid initial input instead of failing to start', () => {
    const s = new Session({
      frameSource: silentFrames,
      input: { seed: -4, speed: 'warp' as never, inputs: { ...DEFAULT_INPUTS, ageYears: 400 } },
    });
    expect(ctx(s).seed).toBe(1);
    expect(ctx(s).speed).toBe('normal');
    expect(ctx(s).inputs.ageYears).toBe(DEFAULT_INPUTS.ageYears);
  });
});

describe('years view', () => {
  it('plays a year per tick, and a new habit starts the life again', () => {
    const s = newSession();
    s.actor.send({ type: 'view.set', view: 'years' });
    s.actor.send({ type: 'step' });
    s.actor.send({ type: 'step' });
    expect(s.lifeCourse.years).toBe(2);
    s.actor.send({ type: 'inputs.set', patch: { calciumMgPerDay: 300 } });
    expect(ctx(s).tick).toBe(0);
    expect(s.lifeCourse.years).toBe(0);
    expect(s.lifeCourse.inputs.calciumMgPerDay).toBe(300);
  });
});

describe('model-based: every simple path through the controller', () => {
  const events: SimulationEvent[] = [
    { type: 'play' },
    { type: 'pause' },
    { type: 'toggle' },
    { type: 'step' },
    { type: 'frame', dtMs: 250 },
    { type: 'view.set', view: 'years' },
    { type: 'view.set', view: 'day' },
    { type: 'visibility.hidden' },
    { type: 'visibility.visible' },
  ];
  const paths = getSimplePaths(simulationMachine, {
    events,
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
  });

  it('covers all six clock × view states', () => {
    expect(new Set(paths.map((p) => JSON.stringify(p.state.value))).size).toBe(6);
  });

  it.each(paths.map((p) => [p.steps.map((s) => s.event.type).join(' → '), p] as const))(
    'keeps the world in step with the clock along %s',
    (_, path) => {
      const s = newSession();
      for (const step of path.steps.slice(1)) {
        s.actor.send(step.event as SimulationEvent);
        const snap = s.actor.getSnapshot();
        expect(snap.value).toEqual(step.state.value);
        const { view, tick } = snap.context;
        if (view === 'day') expect(s.world.model.tick).toBe(tick);
        else expect(s.lifeCourse.years).toBe(tick);
      }
    },
  );

  it('emits world.advance as an action the pure transition returns, without running it', () => {
    const [paused] = initialTransition(simulationMachine, {});
    const [next, actions] = transition(simulationMachine, paused, { type: 'step' });
    expect(next.context.tick).toBe(1);
    expect(actions.some((a) => JSON.stringify(a).includes('world.advance'))).toBe(true);
  });
});
