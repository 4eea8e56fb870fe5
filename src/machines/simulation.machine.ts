/**
 * The simulation controller. Parallel regions:
 *  - clock: paused ⇄ running (the frame source is invoked only while running); `step` works only when paused;
 *    a tab hidden while running is suspended and resumes when visible again.
 *  - view: day ⇄ years. Entering a view records it in context, so frame handling knows the tick length.
 *  - lesson: free ⇄ guided. Guided invokes the lesson runner with a scene; the runner reports each step it
 *    enters and the controller applies it (inputs, view, compare, highlights; an observe step plays for its span
 *    and then pauses).
 * Inputs, speed, seed and the compare condition (B) live in context and every change is validated. Compare runs B
 * beside A with the same seed on the same clock. The machine never touches the world:
 * effects leave through `emit`, and the wiring (src/main.ts, tests, the CLI) acts on them.
 */
import { assign, enqueueActions, sendTo, setup } from 'xstate';
import { observeTicks } from '../lesson/observeTicks';
import { configAt, presetInputs, sameInputs } from '../lesson/sceneConfig';
import type { Preset, Scene, SceneRegion } from '../lesson/sceneSchema';
import { DEFAULT_INPUTS, type InputProblem, type Inputs, validateInputPatch } from '../model/inputs';
import { advanceClock, MAX_TICKS_PER_FRAME, type Speed, type View } from './clock';
import { frameSource } from './frameSource';
import { type LessonEvent, type LessonStepEntered, lessonMachine } from './lesson.machine';

export interface SimulationContext {
  readonly inputs: Inputs;
  readonly seed: number;
  readonly speed: Speed;
  readonly view: View;
  /** Ticks played in the current view since the last reset (minutes in day view, years in years view). */
  readonly tick: number;
  /** Sub-tick remainder carried between frames (integer tick-milliseconds). */
  readonly carry: number;
  /** Condition B's inputs while comparing, else null. */
  readonly compare: Inputs | null;
  /** The scene being run (guided lesson), else null. */
  readonly scene: Scene | null;
  /** Step the lesson runner opens at. */
  readonly sceneStartStep: number;
  /** An observe step plays until this tick, then pauses; null when no observation is under way. */
  readonly observeUntil: number | null;
  /** Regions the current lesson step highlights. */
  readonly highlight: readonly SceneRegion[];
}

export type SimulationEvent =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'toggle' }
  /** One tick unless `ticks` says more (at most one frame's worth, MAX_TICKS_PER_FRAME). */
  | { type: 'step'; ticks?: number }
  | { type: 'frame'; dtMs: number }
  | { type: 'speed.set'; speed: Speed }
  | { type: 'inputs.set'; patch: Readonly<Record<string, unknown>> }
  | { type: 'seed.set'; seed: number }
  | { type: 'view.set'; view: View }
  | { type: 'reset' }
  | { type: 'resetAll' }
  | { type: 'visibility.hidden' }
  | { type: 'visibility.visible' }
  /** Compare: B starts as A's inputs with `patch` applied; both runs start again together. */
  | { type: 'compare.start'; patch?: Readonly<Record<string, unknown>> }
  | { type: 'compare.set'; patch: Readonly<Record<string, unknown>> }
  | { type: 'compare.stop' }
  /** A named setup without a lesson (the presets menu, share links). */
  | { type: 'preset.apply'; preset: Preset }
  | { type: 'lesson.start'; scene: Scene; step?: number }
  | { type: 'lesson.stop' }
  | { type: 'lesson.next' }
  | { type: 'lesson.back' }
  | { type: 'lesson.goto'; index: number }
  | { type: 'lesson.choose'; choice: string }
  | { type: 'lesson.reveal' }
  | { type: 'lesson.observeAgain' }
  | LessonStepEntered
  | { type: 'lesson.observe.begin'; ticks: number };

export type SimulationEmitted =
  | { type: 'world.advance'; ticks: number; view: View }
  | { type: 'world.reset'; inputs: Inputs; compare: Inputs | null; seed: number; view: View }
  | { type: 'inputs.changed'; inputs: Inputs }
  | { type: 'inputs.rejected'; problems: readonly InputProblem[] }
  | { type: 'view.changed'; view: View }
  | { type: 'compare.changed'; inputs: Inputs | null };

export interface SimulationInput {
  readonly inputs?: Inputs;
  readonly seed?: number;
  readonly speed?: Speed;
  readonly compare?: Inputs | null;
}

export const SPEEDS: readonly Speed[] = ['slow', 'normal', 'fast'];
export const DEFAULT_SEED = 1;
export const isSeed = (seed: unknown): seed is number =>
  typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;

export const simulationMachine = setup({
  types: {
    context: {} as SimulationContext,
    events: {} as SimulationEvent,
    emitted: {} as SimulationEmitted,
    input: {} as SimulationInput | undefined,
  },
  actors: { frameSource, lessonRunner: lessonMachine },
  actions: {
    advanceFromFrame: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'frame') return;
      const advance = advanceClock(context.carry, event.dtMs, context.view, context.speed);
      const ticks = limitToObservation(context, advance.ticks);
      enqueue.assign({ tick: context.tick + ticks, carry: advance.carry });
      if (ticks > 0) enqueue.emit({ type: 'world.advance', ticks, view: context.view });
      if (observationEnds(context, ticks)) {
        enqueue.assign({ observeUntil: null, carry: 0 });
        enqueue.raise({ type: 'pause' });
        enqueue.sendTo('lesson', { type: 'observe.done' } satisfies LessonEvent);
      }
    }),
    stepOnce: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'step') return;
      const wanted = event.ticks ?? 1;
      const asked = Number.isInteger(wanted) ? Math.min(MAX_TICKS_PER_FRAME[context.view], Math.max(1, wanted)) : 1;
      const ticks = limitToObservation(context, asked);
      if (ticks <= 0) return;
      enqueue.assign({ tick: context.tick + ticks });
      enqueue.emit({ type: 'world.advance', ticks, view: context.view });
      if (observationEnds(context, ticks)) {
        enqueue.assign({ observeUntil: null });
        enqueue.sendTo('lesson', { type: 'observe.done' } satisfies LessonEvent);
      }
    }),
    setSpeed: assign(({ context, event }) => ({
      speed: event.type === 'speed.set' && SPEEDS.includes(event.speed) ? event.speed : context.speed,
    })),
    setSeed: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'seed.set' || !isSeed(event.seed) || event.seed === context.seed) return;
      enqueue.assign({ seed: event.seed, tick: 0, carry: 0, observeUntil: remainingObservation(context) });
      enqueue.emit({
        type: 'world.reset',
        inputs: context.inputs,
        compare: context.compare,
        seed: event.seed,
        view: context.view,
      });
    }),
    setInputs: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'inputs.set') return;
      const { patch, problems } = validateInputPatch(event.patch);
      if (problems.length > 0) enqueue.emit({ type: 'inputs.rejected', problems });
      if (Object.keys(patch).length === 0) return;
      const inputs: Inputs = { ...context.inputs, ...patch };
      // A years run is one life under one habit, so a new habit starts it again; the day view carries on.
      enqueue.assign(
        context.view === 'years'
          ? { inputs, tick: 0, carry: 0, observeUntil: remainingObservation(context) }
          : { inputs },
      );
      enqueue.emit({ type: 'inputs.changed', inputs });
      if (context.view === 'years' && context.compare) {
        // Both lives start again together, so A and B stay on one clock.
        enqueue.emit({ type: 'world.reset', inputs, compare: context.compare, seed: context.seed, view: 'years' });
      }
    }),
    startCompare: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'compare.start') return;
      const { patch, problems } = validateInputPatch(event.patch ?? {});
      if (problems.length > 0) enqueue.emit({ type: 'inputs.rejected', problems });
      const compare: Inputs = { ...context.inputs, ...patch };
      enqueue.assign({ compare, tick: 0, carry: 0, observeUntil: remainingObservation(context) });
      enqueue.emit({ type: 'compare.changed', inputs: compare });
      enqueue.emit({ type: 'world.reset', inputs: context.inputs, compare, seed: context.seed, view: context.view });
    }),
    setCompare: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'compare.set' || !context.compare) return;
      const { patch, problems } = validateInputPatch(event.patch);
      if (problems.length > 0) enqueue.emit({ type: 'inputs.rejected', problems });
      if (Object.keys(patch).length === 0) return;
      const compare: Inputs = { ...context.compare, ...patch };
      enqueue.assign({ compare });
      enqueue.emit({ type: 'compare.changed', inputs: compare });
      if (context.view === 'years') {
        enqueue.assign({ tick: 0, carry: 0, observeUntil: remainingObservation(context) });
        enqueue.emit({ type: 'world.reset', inputs: context.inputs, compare, seed: context.seed, view: 'years' });
      }
    }),
    stopCompare: enqueueActions(({ context, enqueue }) => {
      if (!context.compare) return;
      enqueue.assign({ compare: null });
      enqueue.emit({ type: 'compare.changed', inputs: null });
    }),
    applyPreset: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'lesson.start' && event.type !== 'preset.apply') return;
      const preset = event.type === 'lesson.start' ? event.scene.preset : event.preset;
      const inputs = presetInputs(preset);
      const seed = preset.seed ?? DEFAULT_SEED;
      const view = preset.view ?? 'day';
      // A lesson turns compare on from its first step (configAt); a preset does it here.
      const compare = event.type === 'preset.apply' && preset.compare ? { ...inputs, ...preset.compare } : null;
      enqueue.assign({
        inputs,
        seed,
        speed: preset.speed ?? context.speed,
        compare,
        tick: 0,
        carry: 0,
        observeUntil: null,
        highlight: [],
      });
      if (event.type === 'lesson.start') {
        const last = event.scene.steps.length - 1;
        enqueue.assign({
          scene: event.scene,
          sceneStartStep: Math.max(0, Math.min(last, Math.trunc(event.step ?? 0) || 0)),
        });
      }
      if (context.compare || compare) enqueue.emit({ type: 'compare.changed', inputs: compare });
      enqueue.emit({ type: 'inputs.changed', inputs });
      enqueue.raise({ type: 'pause' });
      if (view !== context.view) enqueue.raise({ type: 'view.set', view });
      else enqueue.emit({ type: 'world.reset', inputs, compare, seed, view });
    }),
    applyStep: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'lesson.stepEntered' || !context.scene) return;
      const config = configAt(context.scene, event.index);
      if (!sameInputs(config.inputs, context.inputs)) {
        enqueue.raise({ type: 'inputs.set', patch: { ...config.inputs } });
      }
      if (!sameInputs(config.compare, context.compare)) {
        if (config.compare === null) enqueue.raise({ type: 'compare.stop' });
        else if (context.compare === null) enqueue.raise({ type: 'compare.start', patch: { ...config.compare } });
        else enqueue.raise({ type: 'compare.set', patch: { ...config.compare } });
      }
      if (config.view !== context.view) enqueue.raise({ type: 'view.set', view: config.view });
      enqueue.assign({ highlight: config.highlight, observeUntil: null });
      if (event.step.kind === 'observe') {
        enqueue.raise({ type: 'lesson.observe.begin', ticks: observeTicks(event.step.run) });
      } else {
        enqueue.raise({ type: 'pause' });
      }
    }),
    beginObservation: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'lesson.observe.begin') return;
      enqueue.assign({ observeUntil: context.tick + event.ticks, carry: 0 });
      enqueue.raise({ type: 'play' });
    }),
    clearLesson: assign({ scene: null, observeUntil: null, highlight: [] }),
    restart: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ tick: 0, carry: 0, observeUntil: remainingObservation(context) });
      enqueue.emit({
        type: 'world.reset',
        inputs: context.inputs,
        compare: context.compare,
        seed: context.seed,
        view: context.view,
      });
    }),
    restoreDefaults: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ inputs: DEFAULT_INPUTS, speed: 'normal', tick: 0, carry: 0, compare: null, observeUntil: null });
      enqueue.emit({ type: 'inputs.changed', inputs: DEFAULT_INPUTS });
      if (context.compare) enqueue.emit({ type: 'compare.changed', inputs: null });
      enqueue.emit({
        type: 'world.reset',
        inputs: DEFAULT_INPUTS,
        compare: null,
        seed: context.seed,
        view: context.view,
      });
    }),
    enterView: enqueueActions(({ enqueue }, params: { view: View }) => {
      enqueue.assign({ view: params.view });
    }),
    announceView: enqueueActions(({ context, enqueue }, params: { view: View }) => {
      enqueue.assign({ tick: 0, carry: 0, observeUntil: null });
      if (context.observeUntil !== null) {
        // An observation counts ticks of the view it began in; switching view ends it rather than rescale it.
        enqueue.raise({ type: 'pause' });
        enqueue.sendTo('lesson', { type: 'observe.done' } satisfies LessonEvent);
      }
      enqueue.emit({ type: 'view.changed', view: params.view });
      enqueue.emit({
        type: 'world.reset',
        inputs: context.inputs,
        compare: context.compare,
        seed: context.seed,
        view: params.view,
      });
    }),
  },
}).createMachine({
  id: 'simulation',
  type: 'parallel',
  context: ({ input }) => ({
    inputs: input?.inputs ? { ...DEFAULT_INPUTS, ...validateInputPatch({ ...input.inputs }).patch } : DEFAULT_INPUTS,
    seed: isSeed(input?.seed) ? input.seed : DEFAULT_SEED,
    speed: input?.speed && SPEEDS.includes(input.speed) ? input.speed : 'normal',
    view: 'day',
    tick: 0,
    carry: 0,
    compare: input?.compare ? { ...DEFAULT_INPUTS, ...validateInputPatch({ ...input.compare }).patch } : null,
    scene: null,
    sceneStartStep: 0,
    observeUntil: null,
    highlight: [],
  }),
  on: {
    'speed.set': { actions: 'setSpeed' },
    'inputs.set': { actions: 'setInputs' },
    'seed.set': { actions: 'setSeed' },
    'compare.start': { actions: 'startCompare' },
    'compare.set': { actions: 'setCompare' },
    'compare.stop': { actions: 'stopCompare' },
    reset: { actions: 'restart' },
    resetAll: { actions: 'restoreDefaults' },
  },
  states: {
    clock: {
      initial: 'paused',
      states: {
        paused: {
          on: { play: 'running', toggle: 'running', step: { actions: 'stepOnce' } },
        },
        running: {
          invoke: { src: 'frameSource', id: 'frameSource' },
          on: {
            pause: 'paused',
            toggle: 'paused',
            frame: { actions: 'advanceFromFrame' },
            'visibility.hidden': 'suspended',
          },
        },
        suspended: {
          on: { 'visibility.visible': 'running', play: 'running', pause: 'paused', toggle: 'paused' },
        },
      },
    },
    lesson: {
      initial: 'free',
      states: {
        free: {
          on: {
            'lesson.start': { target: 'guided', actions: 'applyPreset' },
            'preset.apply': { actions: 'applyPreset' },
          },
        },
        guided: {
          invoke: {
            id: 'lesson',
            src: 'lessonRunner',
            input: ({ context }) => {
              if (!context.scene) throw new Error('a guided lesson needs a scene');
              return { scene: context.scene, step: context.sceneStartStep };
            },
          },
          on: {
            'lesson.start': { target: 'guided', reenter: true, actions: 'applyPreset' },
            'lesson.stop': { target: 'free', actions: 'clearLesson' },
            'preset.apply': { target: 'free', actions: ['clearLesson', 'applyPreset'] },
            resetAll: { target: 'free', actions: ['restoreDefaults', 'clearLesson'] },
            'lesson.stepEntered': { actions: 'applyStep' },
            'lesson.observe.begin': { actions: 'beginObservation' },
            'lesson.next': { actions: sendTo('lesson', { type: 'next' } satisfies LessonEvent) },
            'lesson.back': { actions: sendTo('lesson', { type: 'back' } satisfies LessonEvent) },
            'lesson.reveal': { actions: sendTo('lesson', { type: 'reveal' } satisfies LessonEvent) },
            'lesson.observeAgain': { actions: sendTo('lesson', { type: 'observe.again' } satisfies LessonEvent) },
            'lesson.goto': {
              actions: sendTo('lesson', ({ event }) => ({ type: 'goto', index: event.index }) satisfies LessonEvent),
            },
            'lesson.choose': {
              actions: sendTo(
                'lesson',
                ({ event }) => ({ type: 'choose', choice: event.choice }) satisfies LessonEvent,
              ),
            },
          },
        },
      },
    },
    view: {
      initial: 'day',
      states: {
        day: {
          entry: { type: 'enterView', params: { view: 'day' } },
          on: {
            'view.set': {
              guard: ({ event }) => event.view === 'years',
              target: 'years',
              actions: { type: 'announceView', params: { view: 'years' } },
            },
          },
        },
        years: {
          entry: { type: 'enterView', params: { view: 'years' } },
          on: {
            'view.set': {
              guard: ({ event }) => event.view === 'day',
              target: 'day',
              actions: { type: 'announceView', params: { view: 'day' } },
            },
          },
        },
      },
    },
  },
});

/**
 * The observation's end once the clock goes back to tick 0 (a reset, a new seed, a new habit in the years view):
 * what was left of the span still plays, so the lesson's observe step ends as it should.
 */
function remainingObservation(context: SimulationContext): number | null {
  return context.observeUntil === null ? null : Math.max(1, context.observeUntil - context.tick);
}

/** Ticks of `ticks` that fit before the current observation's end (all of them when none is under way). */
function limitToObservation(context: SimulationContext, ticks: number): number {
  return context.observeUntil === null ? ticks : Math.max(0, Math.min(ticks, context.observeUntil - context.tick));
}

function observationEnds(context: SimulationContext, ticks: number): boolean {
  return context.observeUntil !== null && context.tick + ticks >= context.observeUntil;
}
