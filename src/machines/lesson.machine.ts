/**
 * The lesson runner: walks a scene's steps (predict → observe → explain). The simulation controller invokes it
 * with a scene and forwards the presenter's events; on entering a step the runner tells its parent
 * (`lesson.stepEntered`), and the controller applies that step to the simulation (inputs, view, compare, run).
 *
 * Per step kind:
 *  - predict: open → committed (the class picks an answer; it may change its mind) → revealed. Next needs a
 *    committed answer, so a class cannot skip the prediction; the reveal may wait until after the observation.
 *  - observe: running → done (the controller sends `observe.done` when the span has played; `observe.again`
 *    plays it again).
 *  - explain: one state.
 * Back is always allowed (except on the first step) and keeps earlier predictions, so a class can revisit them.
 */
import { assign, enqueueActions, sendParent, setup } from 'xstate';
import type { Scene, SceneStep } from '../lesson/sceneSchema';

export interface LessonInput {
  readonly scene: Scene;
  /** Step to open at (a share link can point into a scene); out-of-range values clamp. */
  readonly step?: number;
}

export interface LessonContext {
  readonly scene: Scene;
  readonly index: number;
  /** Committed prediction per step index. */
  readonly predictions: Readonly<Record<number, string>>;
  /** Step indices whose prediction has been revealed. */
  readonly revealed: readonly number[];
}

export type LessonEvent =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'goto'; index: number }
  | { type: 'choose'; choice: string }
  | { type: 'reveal' }
  | { type: 'observe.done' }
  | { type: 'observe.again' };

/** What the runner tells the controller whenever a step is entered (also on re-entry after Back). */
export interface LessonStepEntered {
  readonly type: 'lesson.stepEntered';
  readonly index: number;
  readonly step: SceneStep;
}

const clampIndex = (scene: Scene, index: number): number =>
  Number.isInteger(index) ? Math.min(scene.steps.length - 1, Math.max(0, index)) : 0;

const stepAt = (context: LessonContext): SceneStep => {
  const step = context.scene.steps[context.index];
  if (!step) throw new Error(`scene ${context.scene.id} has no step ${context.index}`);
  return step;
};

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  guards: {
    isPredict: ({ context }) => stepAt(context).kind === 'predict',
    isObserve: ({ context }) => stepAt(context).kind === 'observe',
    hasPrediction: ({ context }) => context.predictions[context.index] !== undefined,
    isRevealed: ({ context }) => context.revealed.includes(context.index),
    hasNext: ({ context }) => context.index < context.scene.steps.length - 1,
    hasPrevious: ({ context }) => context.index > 0,
    validChoice: ({ context, event }) => {
      if (event.type !== 'choose') return false;
      const step = stepAt(context);
      return step.kind === 'predict' && step.choices.some((c) => c.id === event.choice);
    },
    validGoto: ({ context, event }) =>
      event.type === 'goto' &&
      Number.isInteger(event.index) &&
      event.index >= 0 &&
      event.index < context.scene.steps.length &&
      // Jumping ahead may not skip an uncommitted prediction.
      context.scene.steps
        .slice(0, event.index)
        .every((step, i) => step.kind !== 'predict' || context.predictions[i] !== undefined),
  },
  actions: {
    /** Tells the controller which step is now showing; tests replace this to run the runner alone. */
    announceStep: sendParent(
      ({ context }): LessonStepEntered => ({
        type: 'lesson.stepEntered',
        index: context.index,
        step: stepAt(context),
      }),
    ),
    forward: assign({ index: ({ context }) => context.index + 1 }),
    backward: assign({ index: ({ context }) => context.index - 1 }),
    jump: assign({ index: ({ context, event }) => (event.type === 'goto' ? event.index : context.index) }),
    commit: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'choose') return;
      enqueue.assign({ predictions: { ...context.predictions, [context.index]: event.choice } });
    }),
    markRevealed: assign({
      revealed: ({ context }) =>
        context.revealed.includes(context.index) ? context.revealed : [...context.revealed, context.index],
    }),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => ({
    scene: input.scene,
    index: clampIndex(input.scene, input.step ?? 0),
    predictions: {},
    revealed: [],
  }),
  initial: 'step',
  states: {
    step: {
      entry: 'announceStep',
      initial: 'routing',
      on: {
        next: [
          { guard: 'isPredict', target: '.predict.blocked' },
          { guard: 'hasNext', target: 'step', reenter: true, actions: 'forward' },
          { target: 'finished' },
        ],
        back: { guard: 'hasPrevious', target: 'step', reenter: true, actions: 'backward' },
        goto: { guard: 'validGoto', target: 'step', reenter: true, actions: 'jump' },
      },
      states: {
        routing: {
          always: [
            { guard: 'isPredict', target: 'predict' },
            { guard: 'isObserve', target: 'observe' },
            { target: 'explain' },
          ],
        },
        predict: {
          initial: 'routing',
          on: {
            reveal: { guard: 'hasPrediction', target: '.revealed', actions: 'markRevealed' },
          },
          states: {
            routing: {
              always: [
                { guard: 'isRevealed', target: 'revealed' },
                { guard: 'hasPrediction', target: 'committed' },
                { target: 'open' },
              ],
            },
            open: {
              on: { choose: { guard: 'validChoice', target: 'committed', actions: 'commit' } },
            },
            /** Next was pressed before the class committed: the step stays, and says why. */
            blocked: {
              on: { choose: { guard: 'validChoice', target: 'committed', actions: 'commit' } },
            },
            committed: {
              on: {
                choose: { guard: 'validChoice', target: 'committed', actions: 'commit' },
                next: [
                  { guard: 'hasNext', target: '#lesson.step', reenter: true, actions: 'forward' },
                  { target: '#lesson.finished' },
                ],
              },
            },
            revealed: {
              on: {
                next: [
                  { guard: 'hasNext', target: '#lesson.step', reenter: true, actions: 'forward' },
                  { target: '#lesson.finished' },
                ],
              },
            },
          },
        },
        observe: {
          initial: 'running',
          states: {
            running: { on: { 'observe.done': 'done' } },
            done: { on: { 'observe.again': { target: 'running', actions: 'announceStep' } } },
          },
        },
        explain: {},
      },
    },
    /** The end card: the class can go back through the steps or start the scene again. */
    finished: {
      on: {
        back: { target: 'step', reenter: true },
        goto: { guard: 'validGoto', target: 'step', actions: 'jump' },
      },
    },
  },
});

/** The phase the presenter UI shows for a runner snapshot. */
export type LessonPhase =
  | 'predict.open'
  | 'predict.blocked'
  | 'predict.committed'
  | 'predict.revealed'
  | 'observe.running'
  | 'observe.done'
  | 'explain'
  | 'finished';

export function lessonPhase(value: unknown): LessonPhase {
  if (value === 'finished') return 'finished';
  const step = (value as { step?: unknown } | null)?.step;
  if (step === 'explain') return 'explain';
  if (step && typeof step === 'object') {
    const [kind, sub] = Object.entries(step)[0] ?? [];
    if (kind === 'predict' || kind === 'observe') return `${kind}.${String(sub)}` as LessonPhase;
  }
  return 'explain';
}
