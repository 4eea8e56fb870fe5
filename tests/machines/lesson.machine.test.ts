/**
 * The lesson runner (src/machines/lesson.machine.ts), alone: its parent is replaced by a stub `announceStep`.
 * Model-based part: for every scene in scenes/ and a few fixture scenes, the whole state graph (xstate/graph) under
 * every presenter event is built, then checked for reachability (every step, every phase, the end card), for dead
 * ends (the end card is reachable from everywhere) and for skipped predictions (never possible).
 */
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { type Scene, SceneSchema } from '../../src/lesson/sceneSchema';
import { loadSceneLibrary } from '../../src/lesson/scenesPlugin';
import { type LessonEvent, type LessonPhase, lessonMachine, lessonPhase } from '../../src/machines/lesson.machine';

const text = (en: string) => ({ en });

/** Two to four choices with ids c1…cn, the first being the answer. */
const predict = (question: string, choices = 3): Scene['steps'][number] => ({
  kind: 'predict',
  question: text(question),
  choices: Array.from({ length: choices }, (_, i) => ({ id: `c${i + 1}`, text: text(`choice ${i + 1}`) })),
  answer: 'c1',
  reveal: text('because'),
});
const observe = (minutes: number): Scene['steps'][number] => ({
  kind: 'observe',
  prompt: text('watch'),
  run: { minutes },
});
const explain = (words: string): Scene['steps'][number] => ({
  kind: 'explain',
  text: text(words),
  evidence: 'activeAbsorption',
});

const scene = (id: string, steps: Scene['steps']): Scene => ({
  id,
  order: 100,
  title: text(id),
  summary: text(`${id} summary`),
  preset: {},
  steps,
});

/** Fixture scenes with the shapes a real scene may take (each checked against the schema below). */
const FIXTURES: readonly Scene[] = [
  scene('fixture-full-cycle', [predict('what happens?'), observe(60), explain('why'), predict('and now?', 2)]),
  scene('fixture-one-explain', [explain('only this')]),
  scene('fixture-one-predict', [predict('only a question', 4)]),
  scene('fixture-observe-first', [observe(30), observe(1440), explain('two runs'), explain('done')]),
  scene('fixture-back-to-back-predictions', [
    explain('intro'),
    predict('first', 2),
    predict('second', 2),
    observe(10),
    predict('third', 2),
    explain('end'),
  ]),
];

const SCENES_DIR = fileURLToPath(new URL('../../scenes', import.meta.url));
const REAL_SCENES: readonly Scene[] = loadSceneLibrary(SCENES_DIR).scenes;
const ALL_SCENES = [...REAL_SCENES, ...FIXTURES];

/** The runner with its parent notification replaced, so it runs (and is traversed) alone. */
const quietRunner = lessonMachine.provide({ actions: { announceStep: () => {} } });
type Snap = SnapshotFrom<typeof lessonMachine>;

/** Every presenter event that can matter in a snapshot, including invalid ones (a bad choice, goto out of range). */
function eventsFor(s: Scene) {
  return (snapshot: Snap): LessonEvent[] => {
    const step = s.steps[snapshot.context.index];
    return [
      { type: 'next' },
      { type: 'back' },
      { type: 'reveal' },
      { type: 'observe.done' },
      { type: 'observe.again' },
      ...(step?.kind === 'predict' ? step.choices.map((c) => ({ type: 'choose' as const, choice: c.id })) : []),
      { type: 'choose', choice: 'not-a-choice' },
      ...Array.from({ length: s.steps.length + 2 }, (_, i) => ({ type: 'goto' as const, index: i - 1 })),
      { type: 'goto', index: 0.5 },
    ];
  };
}

const committed = (snapshot: Snap) =>
  Object.keys(snapshot.context.predictions)
    .map(Number)
    .sort((a, b) => a - b);

/**
 * A state key that drops what cannot change behaviour: which choice was committed (guards only ask whether one
 * was) and the scene object itself. States with the same key take the same transitions to the same keys.
 */
const keyOf = (snapshot: Snap): string =>
  JSON.stringify([
    snapshot.value,
    snapshot.context.index,
    committed(snapshot),
    [...snapshot.context.revealed].sort((a, b) => a - b),
  ]);

function graphOf(s: Scene, step?: number) {
  const input = step === undefined ? { scene: s } : { scene: s, step };
  return getAdjacencyMap(quietRunner, { input, events: eventsFor(s), serializeState: keyOf });
}
type Graph = ReturnType<typeof graphOf>;
const nodeAt = (graph: Graph, k: string) => graph[k as keyof Graph];

const isFinished = (snapshot: Snap) => snapshot.value === 'finished';

/** Every state has a transition to another state, and the end card can be reached from every state. */
function expectNoDeadEnds(graph: Graph): void {
  const keys = Object.keys(graph);
  const cameFrom = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const k of keys) {
    const outgoing = Object.values(nodeAt(graph, k)?.transitions ?? {});
    const leaving = outgoing.map((t) => keyOf(t.state as Snap)).filter((to) => to !== k);
    expect(leaving.length, `state ${k} has no way out`).toBeGreaterThan(0);
    for (const to of leaving) cameFrom.get(to)?.push(k);
  }
  // Walk backwards from the end card.
  const done = new Set(keys.filter((k) => isFinished(nodeAt(graph, k)?.state as Snap)));
  expect(done.size).toBeGreaterThan(0);
  const queue = [...done];
  while (queue.length > 0) {
    const k = queue.shift() as string;
    for (const from of cameFrom.get(k) ?? []) {
      if (!done.has(from)) {
        done.add(from);
        queue.push(from);
      }
    }
  }
  expect(
    keys.filter((k) => !done.has(k)),
    'states from which the end card cannot be reached',
  ).toEqual([]);
}

describe('the scenes under test', () => {
  it('include every fixture, each a valid scene', () => {
    for (const fixture of FIXTURES) expect(() => v.parse(SceneSchema, fixture), fixture.id).not.toThrow();
    expect(new Set(ALL_SCENES.map((s) => s.id)).size).toBe(ALL_SCENES.length);
  });
});

describe.each(ALL_SCENES.map((s) => [s.id, s] as const))('model-based: scene %s', (_, s) => {
  const adjacency = graphOf(s);
  const keys = Object.keys(adjacency);
  const states = keys.map((k) => nodeAt(adjacency, k)?.state as Snap);
  const last = s.steps.length - 1;

  it('reaches every step, every phase of each step, and the end card', () => {
    for (const [i, step] of s.steps.entries()) {
      const phases = new Set(
        states.filter((st) => !isFinished(st) && st.context.index === i).map((st) => lessonPhase(st.value)),
      );
      const expected: LessonPhase[] =
        step.kind === 'predict'
          ? ['predict.open', 'predict.blocked', 'predict.committed', 'predict.revealed']
          : step.kind === 'observe'
            ? ['observe.running', 'observe.done']
            : ['explain'];
      expect([...phases].sort(), `step ${i}`).toEqual([...expected].sort());
    }
    expect(states.some(isFinished)).toBe(true);
    // The end card is only ever reached from the last step.
    for (const st of states.filter(isFinished)) expect(st.context.index).toBe(last);
  });

  it('has no dead ends: every reachable state has a way out and a path to the end card', () => {
    expectNoDeadEnds(adjacency);
  });

  it('has no dead ends either when opened at the last step (a share link into the scene)', () => {
    const fromLast = graphOf(s, last);
    expectNoDeadEnds(fromLast);
    // Earlier steps stay reachable: Back always works.
    const indices = new Set(Object.values(fromLast).map((node) => (node.state as Snap).context.index));
    expect(indices.size).toBe(s.steps.length);
  });

  it('never skips a prediction: every predict step before the current one (all of them at the end) is committed', () => {
    for (const st of states) {
      const upTo = isFinished(st) ? last : st.context.index - 1;
      for (let i = 0; i <= upTo; i++) {
        if (s.steps[i]?.kind === 'predict') expect(st.context.predictions[i], `${keyOf(st)}: step ${i}`).toBeDefined();
      }
    }
  });

  it('refuses next and any goto past an open prediction', () => {
    const open = states.filter((st) => {
      const phase = lessonPhase(st.value);
      return phase === 'predict.open' || phase === 'predict.blocked';
    });
    if (s.steps.some((step) => step.kind === 'predict')) expect(open.length).toBeGreaterThan(0);
    for (const st of open) {
      const k = keyOf(st);
      const transitions = Object.values(nodeAt(adjacency, k)?.transitions ?? {});
      expect(transitions.some((t) => t.event.type === 'next')).toBe(true);
      expect(transitions.some((t) => t.event.type === 'goto' && t.event.index === last)).toBe(true);
      for (const { event, state } of transitions) {
        const to = state as Snap;
        if (event.type === 'next') {
          expect(to.context.index, k).toBe(st.context.index);
          expect(lessonPhase(to.value), k).toBe('predict.blocked');
        }
        if (event.type === 'goto' && event.index > st.context.index)
          expect(keyOf(to), `${k} goto ${event.index}`).toBe(k);
        if (event.type === 'reveal') expect(keyOf(to), k).toBe(k);
      }
    }
  });

  it('behaves the same on a live runner, replayed along a shortest path to every phase of every step', () => {
    // Breadth-first over the graph: the first state found per (step, phase) has a shortest path.
    const initial = keys[0] as string;
    const pathTo = new Map<string, LessonEvent[]>([[initial, []]]);
    const queue = [initial];
    while (queue.length > 0) {
      const k = queue.shift() as string;
      for (const { event, state } of Object.values(nodeAt(adjacency, k)?.transitions ?? {})) {
        const to = keyOf(state as Snap);
        if (pathTo.has(to)) continue;
        pathTo.set(to, [...(pathTo.get(k) ?? []), event]);
        queue.push(to);
      }
    }
    expect(pathTo.size).toBe(keys.length);
    const phaseKey = (st: Snap) => `${isFinished(st) ? 'end' : st.context.index}:${lessonPhase(st.value)}`;
    const targets = new Map<string, string>();
    for (const k of pathTo.keys()) {
      const phase = phaseKey(nodeAt(adjacency, k)?.state as Snap);
      if (!targets.has(phase)) targets.set(phase, k);
    }
    for (const [phase, k] of targets) {
      const announced: number[] = [];
      const actor = createActor(
        lessonMachine.provide({ actions: { announceStep: ({ context }) => void announced.push(context.index) } }),
        { input: { scene: s } },
      ).start();
      for (const event of pathTo.get(k) ?? []) actor.send(event);
      const live = actor.getSnapshot();
      expect(keyOf(live), phase).toBe(k);
      // Whatever step shows was the last one announced to the controller.
      if (!isFinished(live)) expect(announced.at(-1), phase).toBe(live.context.index);
      actor.stop();
    }
  });
});

describe('runner behaviour', () => {
  const s = FIXTURES[0] as Scene; // predict, observe, explain, predict
  const start = (step?: number) => {
    const announced: number[] = [];
    const machine = lessonMachine.provide({
      actions: { announceStep: ({ context }) => void announced.push(context.index) },
    });
    const actor = createActor(machine, { input: step === undefined ? { scene: s } : { scene: s, step } }).start();
    const send = (...events: LessonEvent[]) => {
      for (const event of events) actor.send(event);
    };
    const phase = () => lessonPhase(actor.getSnapshot().value);
    const index = () => actor.getSnapshot().context.index;
    return { actor, announced, send, phase, index };
  };

  it('opens on the first step, announcing it once', () => {
    const r = start();
    expect([r.index(), r.phase()]).toEqual([0, 'predict.open']);
    expect(r.announced).toEqual([0]);
  });

  it('lets the class change its committed answer until the reveal, then locks it', () => {
    const r = start();
    r.send({ type: 'choose', choice: 'c2' });
    expect(r.phase()).toBe('predict.committed');
    r.send({ type: 'choose', choice: 'c3' });
    expect(r.actor.getSnapshot().context.predictions).toEqual({ 0: 'c3' });
    r.send({ type: 'choose', choice: 'no-such-choice' });
    expect(r.actor.getSnapshot().context.predictions).toEqual({ 0: 'c3' });
    r.send({ type: 'reveal' });
    expect(r.phase()).toBe('predict.revealed');
    r.send({ type: 'choose', choice: 'c1' });
    expect(r.actor.getSnapshot().context.predictions).toEqual({ 0: 'c3' });
    expect(r.actor.getSnapshot().context.revealed).toEqual([0]);
  });

  it('needs a committed answer before the reveal, and before next', () => {
    const r = start();
    r.send({ type: 'reveal' });
    expect(r.phase()).toBe('predict.open');
    expect(r.actor.getSnapshot().context.revealed).toEqual([]);
    r.send({ type: 'next' });
    expect([r.index(), r.phase()]).toEqual([0, 'predict.blocked']);
    r.send({ type: 'goto', index: 2 }, { type: 'reveal' });
    expect([r.index(), r.phase()]).toEqual([0, 'predict.blocked']);
    // An invalid choice does not unblock either.
    r.send({ type: 'choose', choice: 'nope' });
    expect(r.phase()).toBe('predict.blocked');
    r.send({ type: 'choose', choice: 'c1' }, { type: 'next' });
    expect([r.index(), r.phase()]).toEqual([1, 'observe.running']);
    expect(r.announced).toEqual([0, 1]);
  });

  it('lets the reveal wait until after the observation', () => {
    const r = start();
    r.send({ type: 'choose', choice: 'c2' }, { type: 'next' }, { type: 'observe.done' }, { type: 'back' });
    expect([r.index(), r.phase()]).toEqual([0, 'predict.committed']);
    r.send({ type: 'reveal' });
    expect(r.phase()).toBe('predict.revealed');
  });

  it('keeps predictions (and reveals) when going back', () => {
    const r = start();
    r.send({ type: 'choose', choice: 'c2' }, { type: 'reveal' }, { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect([r.index(), r.phase()]).toEqual([3, 'predict.open']);
    r.send({ type: 'choose', choice: 'c1' });
    r.send({ type: 'back' }, { type: 'back' }, { type: 'back' });
    expect([r.index(), r.phase()]).toEqual([0, 'predict.revealed']);
    expect(r.actor.getSnapshot().context.predictions).toEqual({ 0: 'c2', 3: 'c1' });
    // Back on the first step does nothing.
    r.send({ type: 'back' });
    expect([r.index(), r.phase()]).toEqual([0, 'predict.revealed']);
    r.send({ type: 'goto', index: 3 });
    expect([r.index(), r.phase()]).toEqual([3, 'predict.committed']);
    expect(r.announced).toEqual([0, 1, 2, 3, 2, 1, 0, 3]);
  });

  it('plays an observation again on observe.again, announcing the step again', () => {
    const r = start();
    r.send({ type: 'choose', choice: 'c1' }, { type: 'next' });
    expect(r.announced).toEqual([0, 1]);
    // Not while it is still running.
    r.send({ type: 'observe.again' });
    expect([r.phase(), r.announced]).toEqual(['observe.running', [0, 1]]);
    r.send({ type: 'observe.done' });
    expect(r.phase()).toBe('observe.done');
    r.send({ type: 'observe.again' });
    expect([r.index(), r.phase(), r.announced]).toEqual([1, 'observe.running', [0, 1, 1]]);
    r.send({ type: 'observe.done' }, { type: 'observe.again' });
    expect(r.announced).toEqual([0, 1, 1, 1]);
  });

  it('lets the class move on while an observation is still running', () => {
    const r = start();
    r.send({ type: 'choose', choice: 'c1' }, { type: 'next' }, { type: 'next' });
    expect([r.index(), r.phase()]).toEqual([2, 'explain']);
  });

  it.each([
    [undefined, 0],
    [2, 2],
    [3, 3],
    [99, 3],
    [-5, 0],
    [1.5, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('opens at step %s as step %i (out-of-range start steps clamp)', (step, expected) => {
    const r = start(step);
    expect(r.index()).toBe(expected);
    expect(r.announced).toEqual([expected]);
  });

  it('goes from the end card back to the last step, in the phase it was left in', () => {
    const r = start();
    r.send({ type: 'choose', choice: 'c1' }, { type: 'next' }, { type: 'next' }, { type: 'next' });
    r.send({ type: 'choose', choice: 'c2' }, { type: 'next' });
    expect(r.phase()).toBe('finished');
    expect(r.announced).toEqual([0, 1, 2, 3]);
    // The end card ignores step events.
    r.send({ type: 'next' }, { type: 'reveal' }, { type: 'choose', choice: 'c1' });
    expect(r.phase()).toBe('finished');
    r.send({ type: 'back' });
    expect([r.index(), r.phase()]).toEqual([3, 'predict.committed']);
    expect(r.actor.getSnapshot().context.predictions).toEqual({ 0: 'c1', 3: 'c2' });
    expect(r.announced).toEqual([0, 1, 2, 3, 3]);
    r.send({ type: 'next' }, { type: 'goto', index: 0 });
    expect([r.index(), r.phase()]).toEqual([0, 'predict.committed']);
    expect(r.announced).toEqual([0, 1, 2, 3, 3, 0]);
  });

  it('finishes from an explain step and from an observe step (running or done)', () => {
    for (const [steps, events] of [
      [[explain('only')], [{ type: 'next' }]],
      [[observe(5)], [{ type: 'next' }]],
      [[observe(5)], [{ type: 'observe.done' }, { type: 'next' }]],
    ] as const) {
      const actor = createActor(quietRunner, { input: { scene: scene('one-step', [...steps]) } }).start();
      for (const event of events) actor.send(event);
      expect(actor.getSnapshot().value).toBe('finished');
    }
  });
});
