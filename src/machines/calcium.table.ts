/**
 * Compiles the calcium lifecycle machine into a flat transition table with xstate's own pure `transition`,
 * once at start-up (a few hundred microseconds). The world then steps packets with array lookups.
 */
import { transition } from 'xstate';
import { COMPARTMENTS, type Compartment, FLUX_EVENTS, NO_MOVE, type TransitionTable } from '../model/compartments';
import { calciumMachine } from './calcium.machine';

export function compileCalciumTable(): TransitionTable {
  const table = new Uint8Array(COMPARTMENTS.length * FLUX_EVENTS.length).fill(NO_MOVE);
  COMPARTMENTS.forEach((from, c) => {
    const snapshot = calciumMachine.resolveState({ value: from });
    FLUX_EVENTS.forEach((type, e) => {
      const [next] = transition(calciumMachine, snapshot, { type });
      if (next === snapshot) return; // unhandled: xstate returns the same object
      const to = next.value as Compartment;
      const code = COMPARTMENTS.indexOf(to);
      if (code < 0) throw new Error(`calcium machine reached unknown state ${String(next.value)}`);
      if (to !== from) table[c * FLUX_EVENTS.length + e] = code;
    });
  });
  return table;
}

let cached: TransitionTable | undefined;

/** The compiled table, built on first use and shared (it is never mutated). */
export function calciumTable(): TransitionTable {
  cached ??= compileCalciumTable();
  return cached;
}
