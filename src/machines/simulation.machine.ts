/**
 * The simulation controller. Parallel regions:
 *  - clock: paused ⇄ running (the frame source is invoked only while running); `step` works only when paused;
 *    a tab hidden while running is suspended and resumes when visible again.
 *  - view: day ⇄ years. Entering a view records it in context, so frame handling knows the tick length.
 * Inputs, speed and seed live in context and every change is validated. The machine never touches the world:
 * effects leave through `emit`, and the wiring (src/main.ts, tests, the CLI) acts on them.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { DEFAULT_INPUTS, type InputProblem, type Inputs, validateInputPatch } from '../model/inputs';
import { advanceClock, MAX_TICKS_PER_FRAME, type Speed, type View } from './clock';
import { frameSource } from './frameSource';

export interface SimulationContext {
  readonly inputs: Inputs;
  readonly seed: number;
  readonly speed: Speed;
  readonly view: View;
  /** Ticks played in the current view since the last reset (minutes in day view, years in years view). */
  readonly tick: number;
  /** Sub-tick remainder carried between frames (integer tick-milliseconds). */
  readonly carry: number;
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
  | { type: 'visibility.visible' };

export type SimulationEmitted =
  | { type: 'world.advance'; ticks: number; view: View }
  | { type: 'world.reset'; inputs: Inputs; seed: number; view: View }
  | { type: 'inputs.changed'; inputs: Inputs }
  | { type: 'inputs.rejected'; problems: readonly InputProblem[] }
  | { type: 'view.changed'; view: View };

export interface SimulationInput {
  readonly inputs?: Inputs;
  readonly seed?: number;
  readonly speed?: Speed;
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
  actors: { frameSource },
  actions: {
    advanceFromFrame: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'frame') return;
      const { ticks, carry } = advanceClock(context.carry, event.dtMs, context.view, context.speed);
      enqueue.assign({ tick: context.tick + ticks, carry });
      if (ticks > 0) enqueue.emit({ type: 'world.advance', ticks, view: context.view });
    }),
    stepOnce: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'step') return;
      const wanted = event.ticks ?? 1;
      const ticks = Number.isInteger(wanted) ? Math.min(MAX_TICKS_PER_FRAME[context.view], Math.max(1, wanted)) : 1;
      enqueue.assign({ tick: context.tick + ticks });
      enqueue.emit({ type: 'world.advance', ticks, view: context.view });
    }),
    setSpeed: assign(({ context, event }) => ({
      speed: event.type === 'speed.set' && SPEEDS.includes(event.speed) ? event.speed : context.speed,
    })),
    setSeed: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'seed.set' || !isSeed(event.seed) || event.seed === context.seed) return;
      enqueue.assign({ seed: event.seed, tick: 0, carry: 0 });
      enqueue.emit({ type: 'world.reset', inputs: context.inputs, seed: event.seed, view: context.view });
    }),
    setInputs: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'inputs.set') return;
      const { patch, problems } = validateInputPatch(event.patch);
      if (problems.length > 0) enqueue.emit({ type: 'inputs.rejected', problems });
      if (Object.keys(patch).length === 0) return;
      const inputs: Inputs = { ...context.inputs, ...patch };
      // A years run is one life under one habit, so a new habit starts it again; the day view carries on.
      enqueue.assign(context.view === 'years' ? { inputs, tick: 0, carry: 0 } : { inputs });
      enqueue.emit({ type: 'inputs.changed', inputs });
    }),
    restart: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ tick: 0, carry: 0 });
      enqueue.emit({ type: 'world.reset', inputs: context.inputs, seed: context.seed, view: context.view });
    }),
    restoreDefaults: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ inputs: DEFAULT_INPUTS, speed: 'normal', tick: 0, carry: 0 });
      enqueue.emit({ type: 'inputs.changed', inputs: DEFAULT_INPUTS });
      enqueue.emit({ type: 'world.reset', inputs: DEFAULT_INPUTS, seed: context.seed, view: context.view });
    }),
    enterView: enqueueActions(({ enqueue }, params: { view: View }) => {
      enqueue.assign({ view: params.view });
    }),
    announceView: enqueueActions(({ context, enqueue }, params: { view: View }) => {
      enqueue.assign({ tick: 0, carry: 0 });
      enqueue.emit({ type: 'view.changed', view: params.view });
      enqueue.emit({ type: 'world.reset', inputs: context.inputs, seed: context.seed, view: params.view });
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
  }),
  on: {
    'speed.set': { actions: 'setSpeed' },
    'inputs.set': { actions: 'setInputs' },
    'seed.set': { actions: 'setSeed' },
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
