/**
 * The embed API driven through a stand-in window and a real Session: every message, what it changes, what it
 * answers, and where the answer goes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installEmbedApi } from '../../src/embed/embedApi';
import { MAX_STEP_TICKS } from '../../src/embed/protocol';
import type { DayOutcome, EmbedOutcome, EmbedState, YearsOutcome } from '../../src/embed/readout';
import { DEFAULT_INPUTS, INPUT_RANGES } from '../../src/model/inputs';
import { errorOf, makeFrame, PARENT_ORIGIN, resultOf, scenes } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const ctx = (frame: ReturnType<typeof makeFrame>) => frame.session.actor.getSnapshot().context;
const clockOf = (frame: ReturnType<typeof makeFrame>) =>
  frame.session.actor.getSnapshot().matches({ clock: 'paused' }) ? 'paused' : 'running';

describe('installing', () => {
  it('says "ready" once, to any origin, with no data in it', () => {
    const frame = makeFrame();
    expect(frame.posted).toEqual([{ message: { type: 'calcium-routes:ready', v: 1 }, targetOrigin: '*' }]);
    expect(frame.listeners.size).toBe(1);
  });

  it('does nothing in a top-level page (its own messages are not commands)', () => {
    const frame = makeFrame({ topLevel: true });
    expect(frame.posted).toEqual([]);
    expect(frame.listeners.size).toBe(0);
  });

  it('stops listening when uninstalled', () => {
    const frame = makeFrame();
    frame.uninstall();
    expect(frame.listeners.size).toBe(0);
    frame.deliver({ type: 'calcium-routes:play', v: 1, id: 1 });
    expect(clockOf(frame)).toBe('paused');
    expect(frame.replies()).toEqual([]);
  });

  it('does nothing where there is no window at all (Node)', () => {
    const frame = makeFrame();
    expect(typeof window).toBe('undefined');
    const uninstall = installEmbedApi(frame.session, { scenes });
    expect(() => uninstall()).not.toThrow();
  });
});

describe('set-inputs', () => {
  it('sets the inputs it names and answers with the new state', () => {
    const frame = makeFrame();
    const reply = frame.ask({ type: 'calcium-routes:set-inputs', inputs: { d3IuPerDay: 0, warfarin: true } });
    expect(reply).toMatchObject({ type: 'calcium-routes:reply', v: 1, ok: true });
    const state = resultOf<EmbedState>(reply);
    expect(state.inputs).toEqual({ ...DEFAULT_INPUTS, d3IuPerDay: 0, warfarin: true });
    expect(ctx(frame).inputs).toEqual(state.inputs);
    expect(frame.session.world.inputs).toEqual(state.inputs);
  });

  it.each([
    ['a number out of range', { calciumMgPerDay: INPUT_RANGES.calciumMgPerDay.max + 1 }, /between 0 and 3000/],
    ['a string for a number', { d3IuPerDay: '600' }, /d3IuPerDay must be a number/],
    ['NaN', { k2UgPerDay: Number.NaN }, /k2UgPerDay must be a number/],
    ['Infinity', { ageYears: Number.POSITIVE_INFINITY }, /ageYears must be a number/],
    ['a number for a boolean', { warfarin: 1 }, /warfarin must be true or false/],
    ['an unknown form', { k2Form: 'mk9' }, /k2Form must be mk7 or mk4/],
    ['an unknown input', { vitaminC: 100 }, /vitaminC is not an input/],
    ['null', { sex: null }, /sex must be female or male/],
  ])('refuses %s and changes nothing, not even the valid values beside it', (_, bad, message) => {
    const frame = makeFrame();
    const reply = frame.ask({ type: 'calcium-routes:set-inputs', inputs: { calciumMgPerDay: 500, ...bad } });
    expect(errorOf(reply)).toMatch(message);
    expect(errorOf(reply)).toMatch(/Nothing was changed\.$/);
    expect(ctx(frame).inputs).toEqual(DEFAULT_INPUTS);
  });

  it.each([
    ['no inputs field', {}, /inputs: is missing/],
    ['an empty object', { inputs: {} }, /inputs: must name at least one input/],
    ['an array', { inputs: [1000] }, /inputs: must be an object/],
    ['a string', { inputs: 'calciumMgPerDay=0' }, /inputs: must be an object/],
  ])('refuses %s', (_, body, message) => {
    const frame = makeFrame();
    expect(errorOf(frame.ask({ type: 'calcium-routes:set-inputs', ...body }))).toMatch(message);
    expect(ctx(frame).inputs).toEqual(DEFAULT_INPUTS);
  });
});

describe('load-scene', () => {
  it('starts a scene at its first step, or at the step asked for, and says so', () => {
    const frame = makeFrame();
    const scene = scenes.find((s) => s.id === 'no-vitamin-d');
    if (!scene) throw new Error('scene missing');
    const first = resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:load-scene', scene: scene.id }));
    expect(first.scene).toEqual({ id: scene.id, step: 0, steps: scene.steps.length });
    expect(frame.announced).toEqual([`Setup loaded: ${scene.title.en}`]);
    const third = resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:load-scene', scene: scene.id, step: 2 }));
    expect(third.scene).toEqual({ id: scene.id, step: 2, steps: scene.steps.length });
    expect(ctx(frame).scene?.id).toBe(scene.id);
  });

  it('refuses a scene that does not exist, naming the ones that do', () => {
    const frame = makeFrame();
    const error = errorOf(frame.ask({ type: 'calcium-routes:load-scene', scene: 'no-such-scene' }));
    expect(error).toMatch(/there is no scene "no-such-scene"/);
    for (const scene of scenes) expect(error).toContain(scene.id);
    expect(ctx(frame).scene).toBeNull();
  });

  it.each([
    ['a step past the last', { scene: 'warfarin', step: 99 }, /step must be from 0 to 8/],
    ['a negative step', { scene: 'warfarin', step: -1 }, /step: must be 0 or more/],
    ['a fractional step', { scene: 'warfarin', step: 1.5 }, /step: must be a step number/],
    ['a scene id that is not a slug', { scene: '../warfarin' }, /scene: must be a scene id/],
    ['a number for a scene', { scene: 3 }, /scene: must be a scene id/],
  ])('refuses %s', (_, body, message) => {
    const frame = makeFrame();
    expect(errorOf(frame.ask({ type: 'calcium-routes:load-scene', ...body }))).toMatch(message);
    expect(ctx(frame).scene).toBeNull();
    expect(frame.announced).toEqual([]);
  });
});

describe('play, pause and step', () => {
  it('plays and pauses the clock', () => {
    const frame = makeFrame();
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:play' })).clock).toBe('running');
    expect(clockOf(frame)).toBe('running');
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:pause' })).clock).toBe('paused');
    expect(clockOf(frame)).toBe('paused');
  });

  it('steps one minute by default, or as many as asked, while paused', () => {
    const frame = makeFrame();
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:step' })).tick).toBe(1);
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:step', ticks: 600 })).tick).toBe(601);
    expect(frame.session.world.model.tick).toBe(601);
    const day = resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:step', ticks: MAX_STEP_TICKS.day }));
    expect(day.tick).toBe(601 + MAX_STEP_TICKS.day);
  });

  it('steps years in the years view', () => {
    const frame = makeFrame();
    frame.ask({ type: 'calcium-routes:set-view', view: 'years' });
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:step', ticks: 3 })).tick).toBe(3);
    expect(frame.session.lifeCourse.years).toBe(3);
  });

  it('refuses to step while running, and steps too big for one message', () => {
    const frame = makeFrame();
    frame.ask({ type: 'calcium-routes:play' });
    expect(errorOf(frame.ask({ type: 'calcium-routes:step' }))).toMatch(/only while paused.*calcium-routes:pause/);
    frame.ask({ type: 'calcium-routes:pause' });
    expect(errorOf(frame.ask({ type: 'calcium-routes:step', ticks: MAX_STEP_TICKS.day + 1 }))).toMatch(
      /at most 1440 minutes per message in the day view/,
    );
    frame.ask({ type: 'calcium-routes:set-view', view: 'years' });
    expect(errorOf(frame.ask({ type: 'calcium-routes:step', ticks: 11 }))).toMatch(/at most 10 years/);
    for (const ticks of [0, -5, 2.5, '10', null]) {
      expect(errorOf(frame.ask({ type: 'calcium-routes:step', ticks }))).toMatch(/^Refused calcium-routes:step: ticks/);
    }
    expect(ctx(frame).tick).toBe(0);
  });

  it('stops stepping where a lesson observation ends', () => {
    const frame = makeFrame();
    // Warfarin's second step observes one day; starting there plays it, so pause first.
    frame.ask({ type: 'calcium-routes:load-scene', scene: 'warfarin', step: 1 });
    frame.ask({ type: 'calcium-routes:pause' });
    const state = resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:step', ticks: 1440 }));
    expect(state.tick).toBe(1440);
    expect(ctx(frame).observeUntil).toBeNull();
  });
});

describe('set-speed, set-view and reset', () => {
  it('sets the speed and the view', () => {
    const frame = makeFrame();
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:set-speed', speed: 'fast' })).speed).toBe('fast');
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:set-view', view: 'years' })).view).toBe('years');
    expect(ctx(frame).view).toBe('years');
    expect(errorOf(frame.ask({ type: 'calcium-routes:set-view', view: 'weeks' }))).toMatch(
      /view: must be "day" or "years"/,
    );
    expect(errorOf(frame.ask({ type: 'calcium-routes:set-speed', speed: 'warp' }))).toMatch(/speed: must be "slow"/);
  });

  it('reset starts the run again with the same inputs; reset with defaults restores everything', () => {
    const frame = makeFrame();
    frame.ask({ type: 'calcium-routes:set-inputs', inputs: { d3IuPerDay: 0 } });
    frame.ask({ type: 'calcium-routes:step', ticks: 120 });
    const again = resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:reset' }));
    expect(again.tick).toBe(0);
    expect(again.inputs.d3IuPerDay).toBe(0);
    expect(frame.session.world.model.tick).toBe(0);

    frame.ask({ type: 'calcium-routes:load-scene', scene: 'warfarin' });
    const defaults = resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:reset', defaults: true }));
    expect(defaults.inputs).toEqual(DEFAULT_INPUTS);
    expect(defaults.scene).toBeNull();
    expect(errorOf(frame.ask({ type: 'calcium-routes:reset', defaults: 'yes' }))).toMatch(/defaults: must be true/);
  });
});

describe('get-outcome', () => {
  it("reports today's amounts as the app's table reads them, JSON-safe", () => {
    const frame = makeFrame();
    const start = resultOf<EmbedOutcome>(frame.ask({ type: 'calcium-routes:get-outcome' }));
    expect(start.a.current).toMatchObject({ kind: 'day', day: 1, minutes: 0, eaten: 0, absorbedShare: null });
    expect(start.b).toBeNull();

    frame.ask({ type: 'calcium-routes:step', ticks: 600 });
    const outcome = resultOf<EmbedOutcome>(frame.ask({ type: 'calcium-routes:get-outcome' }));
    const today = frame.session.day.today(frame.session.world.model);
    const habit = frame.session.world.currentHabit;
    expect(outcome.view).toBe('day');
    expect(outcome.tick).toBe(600);
    expect(outcome.a.current).toEqual({
      kind: 'day',
      day: 1,
      minutes: 600,
      eaten: today.eaten,
      absorbed: today.absorbed,
      absorbedShare: today.absorbedShare,
      faeces: today.faeces,
      urine: today.urine,
      boneIn: today.boneIn,
      boneOut: today.boneOut,
      artery: today.artery,
      serum: today.serumNow,
      serumMin: today.serumMin,
      serumMax: today.serumMax,
      carboxylated: { osteocalcin: habit.carboxylatedOsteocalcin, mgp: habit.activeMgp },
    });
    expect(outcome.a.current.eaten).toBeGreaterThan(0);
    expect(outcome.a.lastDay).toBeNull();
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it('shows a change of inputs in the amounts (no calcium eaten, none absorbed)', () => {
    const frame = makeFrame();
    frame.ask({ type: 'calcium-routes:set-inputs', inputs: { calciumMgPerDay: 0 } });
    frame.ask({ type: 'calcium-routes:step', ticks: 600 });
    const none = resultOf<EmbedOutcome>(frame.ask({ type: 'calcium-routes:get-outcome' })).a.current as DayOutcome;
    expect(none.eaten).toBe(0);
    const other = makeFrame();
    other.ask({ type: 'calcium-routes:step', ticks: 600 });
    const some = resultOf<EmbedOutcome>(other.ask({ type: 'calcium-routes:get-outcome' })).a.current as DayOutcome;
    expect(some.eaten).toBeGreaterThan(0);
    expect(some.absorbed).toBeGreaterThan(none.absorbed);
  });

  it('keeps the last complete day after midnight', () => {
    const frame = makeFrame();
    frame.ask({ type: 'calcium-routes:step', ticks: 1440 });
    frame.ask({ type: 'calcium-routes:step', ticks: 60 });
    const outcome = resultOf<EmbedOutcome>(frame.ask({ type: 'calcium-routes:get-outcome' }));
    expect(outcome.a.current).toMatchObject({ day: 2, minutes: 60 });
    expect(outcome.a.lastDay).toMatchObject({ kind: 'day', day: 1, minutes: 1440 });
    expect(outcome.a.lastDay?.absorbedShare).toBeGreaterThan(0);
    expect(outcome.a.lastDay?.absorbedShare).toBeLessThan(1);
  });

  it('reports the life course in the years view, and B while comparing', () => {
    const frame = makeFrame();
    frame.session.actor.send({ type: 'compare.start', patch: { warfarin: true } });
    frame.ask({ type: 'calcium-routes:set-view', view: 'years' });
    frame.ask({ type: 'calcium-routes:step', ticks: 5 });
    const outcome = resultOf<EmbedOutcome>(frame.ask({ type: 'calcium-routes:get-outcome' }));
    const a = outcome.a.current as YearsOutcome;
    const course = frame.session.lifeCourse;
    const latest = course.series.at(-1);
    expect(a).toMatchObject({
      kind: 'years',
      startAge: DEFAULT_INPUTS.ageYears,
      age: DEFAULT_INPUTS.ageYears + 5,
      years: 5,
      serum: latest?.serumCalciumMmolL,
      boneMineralMg: latest?.boneMineralMg,
      bonePercentOfStart: latest?.bonePercentOfStart,
      arteryWallMg: latest?.arteryMg,
    });
    // Five years of a 1000 mg/day habit.
    expect(a.eaten).toBeCloseTo(5 * 365.25 * DEFAULT_INPUTS.calciumMgPerDay, -2);
    expect(a.absorbedShare).toBeGreaterThan(0.1);
    const b = outcome.b?.current as YearsOutcome;
    expect(outcome.b?.inputs.warfarin).toBe(true);
    expect(b.carboxylated.mgp).toBeLessThan(a.carboxylated.mgp);
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });
});

describe('get-state and list-scenes', () => {
  it('reports the state', () => {
    const frame = makeFrame();
    expect(resultOf<EmbedState>(frame.ask({ type: 'calcium-routes:get-state' }))).toEqual({
      inputs: DEFAULT_INPUTS,
      compare: null,
      view: 'day',
      speed: 'normal',
      seed: 1,
      clock: 'paused',
      tick: 0,
      scene: null,
    });
  });

  it('lists the scenes with their titles', () => {
    const frame = makeFrame();
    const list = resultOf<{ id: string; title: { en: string }; steps: number }[]>(
      frame.ask({ type: 'calcium-routes:list-scenes' }),
    );
    expect(list.map((s) => s.id)).toEqual(scenes.map((s) => s.id));
    expect(list[0]?.title.en).toBe(scenes[0]?.title.en);
  });
});

describe('who is answered, and where', () => {
  it('answers at the origin of the message, never "*"', () => {
    const frame = makeFrame();
    frame.ask({ type: 'calcium-routes:get-state' });
    frame.ask({ type: 'calcium-routes:get-outcome' }, 'http://127.0.0.1:8080');
    frame.ask({ type: 'calcium-routes:nope' }, 'https://other.example');
    const replies = frame.posted.slice(1);
    expect(replies.map((p) => p.targetOrigin)).toEqual([
      PARENT_ORIGIN,
      'http://127.0.0.1:8080',
      'https://other.example',
    ]);
  });

  it('ignores messages from any window but the parent: itself, a sibling frame, a popup, none', () => {
    const frame = makeFrame();
    for (const source of [frame.window, {}, null, undefined]) {
      frame.deliver({ type: 'calcium-routes:set-inputs', v: 1, id: 'x', inputs: { calciumMgPerDay: 0 } }, { source });
      frame.deliver({ type: 'calcium-routes:play', v: 1, id: 'y' }, { source });
    }
    expect(frame.replies()).toEqual([]);
    expect(ctx(frame).inputs).toEqual(DEFAULT_INPUTS);
    expect(clockOf(frame)).toBe('paused');
  });

  it('carries out commands from a parent with an opaque origin but sends it no data', () => {
    const frame = makeFrame();
    frame.deliver({ type: 'calcium-routes:set-inputs', v: 1, id: 1, inputs: { d3IuPerDay: 0 } }, { origin: 'null' });
    frame.deliver({ type: 'calcium-routes:get-outcome', v: 1, id: 2 }, { origin: 'null' });
    expect(ctx(frame).inputs.d3IuPerDay).toBe(0);
    expect(frame.posted).toHaveLength(1);
    expect(frame.warnings).toHaveLength(1);
    expect(frame.warnings[0]).toMatch(/no origin a reply can be sent to/);
  });

  it('runs a request without an id and answers nothing', () => {
    const frame = makeFrame();
    frame.deliver({ type: 'calcium-routes:set-inputs', v: 1, inputs: { k2UgPerDay: 360 } });
    frame.deliver({ type: 'calcium-routes:play', v: 1 });
    expect(ctx(frame).inputs.k2UgPerDay).toBe(360);
    expect(clockOf(frame)).toBe('running');
    expect(frame.posted).toHaveLength(1);
  });
});
