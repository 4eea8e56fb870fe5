/**
 * Guided lessons in the controller (the `lesson` region of src/machines/simulation.machine.ts), run against the real
 * wiring: a Session (controller + runner + worlds + life courses) with a silent frame source, frames sent by hand.
 * Each step the runner enters must leave the simulation exactly as configAt (src/lesson/sceneConfig.ts) says, and
 * an observe step must play for exactly its span, then pause and tell the runner.
 */
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, type SnapshotFrom } from 'xstate';
import { observeTicks } from '../../src/lesson/observeTicks';
import { configAt, presetInputs } from '../../src/lesson/sceneConfig';
import { type Scene, SceneSchema } from '../../src/lesson/sceneSchema';
import { loadSceneLibrary } from '../../src/lesson/scenesPlugin';
import { type lessonMachine, lessonPhase } from '../../src/machines/lesson.machine';
import { type SimulationEmitted, simulationMachine } from '../../src/machines/simulation.machine';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { Session } from '../../src/session/session';

const silentFrames = fromCallback(() => () => {});
const newSession = () => new Session({ frameSource: silentFrames });
const ctx = (s: Session) => s.actor.getSnapshot().context;
type RunnerSnapshot = SnapshotFrom<typeof lessonMachine>;
/** The lesson runner's snapshot in a controller snapshot (undefined outside a lesson). */
const runnerIn = (snapshot: { children: { lesson?: { getSnapshot(): unknown } } }) =>
  snapshot.children.lesson?.getSnapshot() as RunnerSnapshot | undefined;
const runner = (s: Session) => s.actor.getSnapshot().children.lesson;
const runnerContext = (s: Session) => runnerIn(s.actor.getSnapshot())?.context;
const phase = (s: Session) => lessonPhase(runnerIn(s.actor.getSnapshot())?.value);
const clockIs = (s: Session, state: 'paused' | 'running') => s.actor.getSnapshot().matches({ clock: state });
const inLesson = (s: Session) => s.actor.getSnapshot().matches({ lesson: 'guided' });

/** Sends 250 ms frames until the clock pauses; returns how many it took. */
function playUntilPaused(s: Session, limit = 2000): number {
  let frames = 0;
  while (clockIs(s, 'running')) {
    if (frames >= limit) throw new Error(`still running after ${limit} frames`);
    s.actor.send({ type: 'frame', dtMs: 250 });
    frames++;
  }
  return frames;
}

const text = (en: string) => ({ en });
const choices = [
  { id: 'more', text: text('more') },
  { id: 'less', text: text('less') },
];

/**
 * Starts in the day view with its own inputs, seed and speed; turns compare on, changes it along with A, turns it
 * off and switches to the years view and back; observes in minutes and in years.
 */
const SCENE: Scene = {
  id: 'fixture-controller',
  order: 100,
  title: text('fixture'),
  summary: text('a scene that uses every step change'),
  preset: { inputs: { d3IuPerDay: 400 }, seed: 42, view: 'day', speed: 'fast' },
  steps: [
    { kind: 'predict', question: text('?'), choices, answer: 'more', reveal: text('!'), highlight: ['gut'] },
    {
      kind: 'observe',
      prompt: text('watch'),
      run: { minutes: 100 },
      set: { sex: 'male' },
      highlight: ['gut', 'blood'],
    },
    { kind: 'explain', text: text('B has no K2'), evidence: 'activeAbsorption', compare: { k2UgPerDay: 0 } },
    { kind: 'observe', prompt: text('watch both'), run: { minutes: 50 } },
    {
      kind: 'explain',
      text: text('A takes warfarin, and so does B, who takes more D3 instead of no K2'),
      evidence: 'activeAbsorption',
      set: { warfarin: true },
      compare: { d3IuPerDay: 2000 },
    },
    { kind: 'explain', text: text('a life'), evidence: 'activeAbsorption', compare: false, view: 'years' },
    { kind: 'observe', prompt: text('watch the years'), run: { years: 3 }, highlight: ['bone'] },
    { kind: 'explain', text: text('back to a day'), evidence: 'activeAbsorption', view: 'day' },
  ],
};

/** Opens in the years view, so starting it from the day view switches view. */
const YEARS_SCENE: Scene = {
  id: 'fixture-years',
  order: 101,
  title: text('years'),
  summary: text('a life'),
  preset: { inputs: { k2UgPerDay: 0 }, seed: 7, view: 'years' },
  steps: [{ kind: 'observe', prompt: text('watch'), run: { years: 2 } }],
};

const SCENES_DIR = fileURLToPath(new URL('../../scenes', import.meta.url));
const REAL_SCENES: readonly Scene[] = loadSceneLibrary(SCENES_DIR).scenes;

/** Checks the simulation shows step `index` of `scene` as configAt describes it. */
function expectStepApplied(s: Session, scene: Scene, index: number): void {
  const where = `${scene.id} step ${index}`;
  const config = configAt(scene, index);
  const c = ctx(s);
  expect(runnerContext(s)?.index, where).toBe(index);
  expect(c.inputs, where).toEqual(config.inputs);
  expect(c.compare, where).toEqual(config.compare);
  expect(c.view, where).toBe(config.view);
  expect(s.actor.getSnapshot().matches({ view: config.view }), where).toBe(true);
  expect(c.highlight, where).toEqual(config.highlight);
  // The worlds follow the controller.
  expect(s.a.world.inputs, where).toEqual(config.inputs);
  if (config.compare) expect(s.b?.world.inputs, where).toEqual(config.compare);
  else expect(s.b, where).toBeNull();
  const step = scene.steps[index];
  if (step?.kind === 'observe') {
    expect(clockIs(s, 'running'), where).toBe(true);
    expect(c.observeUntil, where).toBe(c.tick + observeTicks(step.run));
  } else {
    expect(clockIs(s, 'paused'), where).toBe(true);
    expect(c.observeUntil, where).toBeNull();
  }
}

/** Moves on from the step showing: commits the answer on a predict step first. */
function next(s: Session, scene: Scene): void {
  const step = scene.steps[runnerContext(s)?.index ?? -1];
  if (step?.kind === 'predict') s.actor.send({ type: 'lesson.choose', choice: step.answer });
  s.actor.send({ type: 'lesson.next' });
}

describe('the fixture scenes', () => {
  it('are valid scenes', () => {
    expect(() => v.parse(SceneSchema, SCENE)).not.toThrow();
    expect(() => v.parse(SceneSchema, YEARS_SCENE)).not.toThrow();
  });
});

describe('lesson.start', () => {
  it('applies the preset over the defaults (not over what was set), with its seed, and restarts the world', () => {
    const s = newSession();
    s.actor.send({ type: 'inputs.set', patch: { k2UgPerDay: 0 } });
    s.actor.send({ type: 'seed.set', seed: 9 });
    s.actor.send({ type: 'compare.start' });
    s.actor.send({ type: 'step', ticks: 45 });
    s.actor.send({ type: 'play' });
    const emitted: SimulationEmitted[] = [];
    s.actor.on('*', (e) => emitted.push(e));

    s.actor.send({ type: 'lesson.start', scene: SCENE });
    const inputs = { ...DEFAULT_INPUTS, ...SCENE.preset.inputs };
    expect(inLesson(s)).toBe(true);
    expect(ctx(s).inputs).toEqual(inputs);
    expect(ctx(s).seed).toBe(42);
    expect(ctx(s).speed).toBe('fast');
    expect(ctx(s).view).toBe('day');
    expect(ctx(s).compare).toBeNull();
    expect(s.b).toBeNull();
    expect(ctx(s).tick).toBe(0);
    expect(s.world.model.tick).toBe(0);
    expect(s.world.inputs).toEqual(inputs);
    expect(clockIs(s, 'paused')).toBe(true); // step 0 is a prediction
    expect(phase(s)).toBe('predict.open');
    expect(ctx(s).highlight).toEqual(['gut']);
    expect(emitted).toContainEqual({ type: 'world.reset', inputs, compare: null, seed: 42, view: 'day' });

    // The world restarted from the preset's seed: it runs exactly like a fresh session made with the preset.
    const fresh = new Session({ frameSource: silentFrames, input: { inputs: presetInputs(SCENE.preset), seed: 42 } });
    s.actor.send({ type: 'step', ticks: 60 });
    fresh.actor.send({ type: 'step', ticks: 60 });
    expect(Array.from(s.world.compartment)).toEqual(Array.from(fresh.world.compartment));
    expect(s.world.model.totals).toEqual(fresh.world.model.totals);
  });

  it("switches to the preset's view, starting the life again", () => {
    const s = newSession();
    s.actor.send({ type: 'step', ticks: 30 });
    s.actor.send({ type: 'lesson.start', scene: YEARS_SCENE });
    expect(ctx(s).view).toBe('years');
    expect(s.actor.getSnapshot().matches({ view: 'years' })).toBe(true);
    expect(ctx(s).inputs).toEqual(presetInputs(YEARS_SCENE.preset));
    expect(ctx(s).seed).toBe(7);
    expect(ctx(s).tick).toBe(0);
    expect(s.lifeCourse.years).toBe(0);
    expect(s.lifeCourse.inputs).toEqual(presetInputs(YEARS_SCENE.preset));
  });

  it('opens at the requested step (clamped) with the setup the steps before it build up', () => {
    for (const [step, expected] of [
      [4, 4],
      [99, SCENE.steps.length - 1],
      [-2, 0],
    ] as const) {
      const s = newSession();
      s.actor.send({ type: 'lesson.start', scene: SCENE, step });
      expectStepApplied(s, SCENE, expected);
    }
  });

  it('starts a new scene over a running one', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE, step: 4 });
    s.actor.send({ type: 'lesson.start', scene: YEARS_SCENE });
    expect(ctx(s).scene?.id).toBe(YEARS_SCENE.id);
    expectStepApplied(s, YEARS_SCENE, 0);
  });
});

describe('observe steps', () => {
  it('play for exactly the span in minutes, then pause and tell the runner', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE });
    next(s, SCENE);
    expectStepApplied(s, SCENE, 1);
    expect(phase(s)).toBe('observe.running');
    // Fast speed brings 24 ticks a 250 ms frame: four full frames, then 4 of the fifth's 24.
    expect(playUntilPaused(s)).toBe(5);
    expect(ctx(s).tick).toBe(100);
    expect(s.world.model.tick).toBe(100);
    expect(clockIs(s, 'paused')).toBe(true);
    expect(ctx(s).observeUntil).toBeNull();
    expect(phase(s)).toBe('observe.done');
    // Observe again plays the same span once more, from where it stopped.
    s.actor.send({ type: 'lesson.observeAgain' });
    expect(clockIs(s, 'running')).toBe(true);
    expect(phase(s)).toBe('observe.running');
    playUntilPaused(s);
    expect(ctx(s).tick).toBe(200);
    expect(s.world.model.tick).toBe(200);
    expect(phase(s)).toBe('observe.done');
  });

  it('stop at the span when the class presses play again, or steps', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE });
    next(s, SCENE);
    s.actor.send({ type: 'pause' });
    s.actor.send({ type: 'step', ticks: 60 });
    s.actor.send({ type: 'step', ticks: 60 }); // only 40 of these are left in the span
    expect(ctx(s).tick).toBe(100);
    expect(s.world.model.tick).toBe(100);
    expect(phase(s)).toBe('observe.done');
  });

  it('play both runs of a comparison together', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE });
    next(s, SCENE);
    playUntilPaused(s);
    next(s, SCENE); // explain: compare starts, both runs from tick 0
    expect(s.a.world.model.tick).toBe(0);
    expect(s.b?.world.model.tick).toBe(0);
    next(s, SCENE); // observe 50 minutes
    expectStepApplied(s, SCENE, 3);
    playUntilPaused(s);
    expect(ctx(s).tick).toBe(50);
    expect(s.a.world.model.tick).toBe(50);
    expect(s.b?.world.model.tick).toBe(50);
    expect(phase(s)).toBe('observe.done');
  });

  it('play for exactly the span in years', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE });
    s.actor.send({ type: 'lesson.choose', choice: 'less' });
    s.actor.send({ type: 'lesson.goto', index: 6 });
    expectStepApplied(s, SCENE, 6);
    expect(ctx(s).tick).toBe(0);
    playUntilPaused(s);
    expect(ctx(s).tick).toBe(3);
    expect(s.lifeCourse.years).toBe(3);
    expect(clockIs(s, 'paused')).toBe(true);
    expect(phase(s)).toBe('observe.done');
  });
});

describe('moving through a scene', () => {
  it('applies the cumulative setup of each step on next, back and goto (inputs, compare on and off, view)', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE });
    const last = SCENE.steps.length - 1;
    for (let i = 0; i <= last; i++) {
      expectStepApplied(s, SCENE, i);
      if (i < last) next(s, SCENE);
    }
    for (let i = last - 1; i >= 0; i--) {
      s.actor.send({ type: 'lesson.back' });
      expectStepApplied(s, SCENE, i);
    }
    for (const i of [5, 2, 7, 4, 0]) {
      s.actor.send({ type: 'lesson.goto', index: i });
      expectStepApplied(s, SCENE, i);
    }
  });

  it('keeps the step and its setup when next is pressed before a prediction is made', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE });
    s.actor.send({ type: 'lesson.next' });
    s.actor.send({ type: 'lesson.goto', index: 3 });
    expect(phase(s)).toBe('predict.blocked');
    expectStepApplied(s, SCENE, 0);
    s.actor.send({ type: 'lesson.choose', choice: 'less' });
    s.actor.send({ type: 'lesson.reveal' });
    expect(phase(s)).toBe('predict.revealed');
  });

  it('ends on the end card, paused, and goes back to the last step', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE, step: 7 });
    s.actor.send({ type: 'lesson.next' });
    expect(phase(s)).toBe('finished');
    expect(inLesson(s)).toBe(true);
    expect(clockIs(s, 'paused')).toBe(true);
    s.actor.send({ type: 'lesson.back' });
    expectStepApplied(s, SCENE, 7);
  });
});

describe('leaving a lesson', () => {
  it('lesson.stop returns to free play and keeps the inputs the lesson had set', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE, step: 4 });
    const { inputs, compare } = configAt(SCENE, 4);
    s.actor.send({ type: 'lesson.stop' });
    expect(s.actor.getSnapshot().matches({ lesson: 'free' })).toBe(true);
    expect(runner(s)).toBeUndefined();
    expect(ctx(s).scene).toBeNull();
    expect(ctx(s).highlight).toEqual([]);
    expect(ctx(s).observeUntil).toBeNull();
    expect(ctx(s).inputs).toEqual(inputs);
    expect(s.world.inputs).toEqual(inputs);
    expect(ctx(s).compare).toEqual(compare);
    // Lesson events do nothing now.
    s.actor.send({ type: 'lesson.next' });
    s.actor.send({ type: 'lesson.goto', index: 0 });
    expect(ctx(s).inputs).toEqual(inputs);
    expect(s.actor.getSnapshot().matches({ lesson: 'free' })).toBe(true);
  });

  it('lesson.stop during an observation cancels the span', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE, step: 1 });
    s.actor.send({ type: 'frame', dtMs: 250 });
    s.actor.send({ type: 'lesson.stop' });
    expect(ctx(s).observeUntil).toBeNull();
    s.actor.send({ type: 'play' });
    for (let i = 0; i < 10; i++) s.actor.send({ type: 'frame', dtMs: 250 });
    expect(ctx(s).tick).toBe(24 * 11); // no longer stopped at 100
    expect(s.world.model.tick).toBe(24 * 11);
  });

  it('resetAll during a lesson ends it and restores every default', () => {
    const s = newSession();
    s.actor.send({ type: 'lesson.start', scene: SCENE, step: 3 });
    s.actor.send({ type: 'frame', dtMs: 250 });
    const emitted: string[] = [];
    s.actor.on('*', (e) => emitted.push(e.type));
    s.actor.send({ type: 'resetAll' });
    expect(s.actor.getSnapshot().matches({ lesson: 'free' })).toBe(true);
    expect(runner(s)).toBeUndefined();
    expect(ctx(s).scene).toBeNull();
    expect(ctx(s).inputs).toEqual(DEFAULT_INPUTS);
    expect(ctx(s).compare).toBeNull();
    expect(ctx(s).speed).toBe('normal');
    expect(ctx(s).highlight).toEqual([]);
    expect(ctx(s).observeUntil).toBeNull();
    expect(ctx(s).tick).toBe(0);
    expect(s.b).toBeNull();
    expect(s.world.model.tick).toBe(0);
    expect(s.world.inputs).toEqual(DEFAULT_INPUTS);
    expect(emitted.filter((type) => type === 'world.reset')).toHaveLength(1);
  });
});

/**
 * Every scene in scenes/, on the controller alone: no worlds to run, so spans of days or decades cost nothing and
 * every distinct setup does not have to be settled. (That the worlds follow the controller is checked above.)
 */
describe.each(REAL_SCENES.map((scene) => [scene.id, scene] as const))('scene %s in the controller', (_, scene) => {
  const start = () => {
    const machine = simulationMachine.provide({ actors: { frameSource: silentFrames as never } });
    const actor = createActor(machine, { input: {} }).start();
    actor.send({ type: 'lesson.start', scene });
    return actor;
  };
  type Controller = ReturnType<typeof start>;
  const shown = (actor: Controller) => {
    const lesson = runnerIn(actor.getSnapshot());
    return { index: lesson?.context.index, phase: lessonPhase(lesson?.value) };
  };
  const expectApplied = (actor: Controller, index: number) => {
    const where = `${scene.id} step ${index}`;
    const config = configAt(scene, index);
    const snapshot = actor.getSnapshot();
    const c = snapshot.context;
    expect(shown(actor).index, where).toBe(index);
    expect(c.inputs, where).toEqual(config.inputs);
    expect(c.compare, where).toEqual(config.compare);
    expect(c.view, where).toBe(config.view);
    expect(snapshot.matches({ view: config.view }), where).toBe(true);
    expect(c.highlight, where).toEqual(config.highlight);
    const step = scene.steps[index];
    expect(snapshot.matches({ clock: step?.kind === 'observe' ? 'running' : 'paused' }), where).toBe(true);
    expect(c.observeUntil, where).toBe(step?.kind === 'observe' ? c.tick + observeTicks(step.run) : null);
  };
  const moveOn = (actor: Controller, index: number) => {
    const step = scene.steps[index];
    if (step?.kind === 'predict') actor.send({ type: 'lesson.choose', choice: step.answer });
    actor.send({ type: 'lesson.next' });
  };

  it('applies every step on next, on back and on goto', () => {
    const actor = start();
    const last = scene.steps.length - 1;
    for (let i = 0; i <= last; i++) {
      expectApplied(actor, i);
      moveOn(actor, i);
    }
    expect(shown(actor).phase).toBe('finished');
    for (let i = last; i >= 0; i--) {
      actor.send({ type: 'lesson.back' });
      expectApplied(actor, i);
    }
    for (let i = last; i >= 0; i -= 2) {
      actor.send({ type: 'lesson.goto', index: i });
      expectApplied(actor, i);
    }
    actor.stop();
  });

  it('stops every observation exactly at its span', () => {
    const actor = start();
    for (const [i, step] of scene.steps.entries()) {
      const where = `${scene.id} step ${i}`;
      if (step.kind === 'observe') {
        const from = actor.getSnapshot().context.tick;
        for (let frames = 0; actor.getSnapshot().matches({ clock: 'running' }); frames++) {
          if (frames > 100_000) throw new Error(`${where} never stops`);
          actor.send({ type: 'frame', dtMs: 250 });
        }
        expect(actor.getSnapshot().context.tick - from, where).toBe(observeTicks(step.run));
        expect(shown(actor), where).toEqual({ index: i, phase: 'observe.done' });
      }
      moveOn(actor, i);
    }
    expect(shown(actor).phase).toBe('finished');
    actor.stop();
  });
});
