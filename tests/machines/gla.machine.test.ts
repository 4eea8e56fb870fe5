/** The Gla-protein machine: carboxylation needs reduced vitamin K; warfarin stops the vitamin K cycle. */

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { type GlaEvent, glaMachine } from '../../src/machines/gla.machine';

const cycleEvents: GlaEvent[] = [
  { type: 'REDUCE' },
  { type: 'CARBOXYLATE' },
  { type: 'RECYCLE' },
  { type: 'NEW_VITAMIN_K' },
  { type: 'BIND_MINERAL' },
  { type: 'CLEAR' },
];

const start = (warfarin = false) => createActor(glaMachine, { input: { warfarin } }).start();
const send = (actor: ReturnType<typeof start>, ...types: GlaEvent['type'][]) => {
  for (const type of types) actor.send({ type } as GlaEvent);
  return actor.getSnapshot();
};

describe('Gla-protein machine', () => {
  it('cannot carboxylate without reduced vitamin K', () => {
    const snap = send(start(), 'CARBOXYLATE');
    expect(snap.matches({ protein: 'glu', vitaminK: 'quinone' })).toBe(true);
  });

  it('spends reduced vitamin K on one carboxylation and leaves the epoxide', () => {
    const snap = send(start(), 'REDUCE', 'CARBOXYLATE');
    expect(snap.matches({ protein: 'gla', vitaminK: 'epoxide' })).toBe(true);
  });

  it('recycles the epoxide without warfarin but not with it', () => {
    expect(send(start(false), 'REDUCE', 'CARBOXYLATE', 'RECYCLE').matches({ vitaminK: 'quinone' })).toBe(true);
    expect(send(start(true), 'REDUCE', 'CARBOXYLATE', 'RECYCLE').matches({ vitaminK: 'epoxide' })).toBe(true);
  });

  it('lets fresh vitamin K restart the cycle under warfarin (why intake changes warfarin’s effect)', () => {
    expect(
      send(start(true), 'REDUCE', 'CARBOXYLATE', 'NEW_VITAMIN_K', 'REDUCE').matches({ vitaminK: 'hydroquinone' }),
    ).toBe(true);
  });

  it('can switch warfarin on and off', () => {
    const actor = start(false);
    actor.send({ type: 'SET_WARFARIN', on: true });
    expect(send(actor, 'REDUCE', 'CARBOXYLATE', 'RECYCLE').matches({ vitaminK: 'epoxide' })).toBe(true);
    actor.send({ type: 'SET_WARFARIN', on: false });
    expect(send(actor, 'RECYCLE').matches({ vitaminK: 'quinone' })).toBe(true);
  });

  it('only binds mineral once carboxylated', () => {
    expect(send(start(), 'BIND_MINERAL').matches({ protein: 'glu' })).toBe(true);
    expect(send(start(), 'REDUCE', 'CARBOXYLATE', 'BIND_MINERAL').matches({ protein: 'bound' })).toBe(true);
  });

  it('reaches every protein state, and under warfarin no route ever recycles vitamin K', () => {
    const serializeState = (s: { value: unknown; context: unknown }) => JSON.stringify([s.value, s.context]);
    const plain = getShortestPaths(glaMachine, { events: cycleEvents, input: { warfarin: false }, serializeState });
    expect(new Set(plain.map((p) => (p.state.value as { protein: string }).protein))).toEqual(
      new Set(['glu', 'gla', 'bound', 'cleared']),
    );
    const recyclingSteps = (warfarin: boolean) =>
      getSimplePaths(glaMachine, { events: cycleEvents, input: { warfarin }, serializeState })
        .flatMap((p) => p.steps)
        .filter((s) => s.event.type === 'RECYCLE').length;
    expect(recyclingSteps(false)).toBeGreaterThan(0);
    expect(recyclingSteps(true)).toBe(0);
  });
});
