/**
 * Compiles the protein region of the Gla-protein machine into a `(state, event) → state` table, the same way
 * calcium.table.ts does for packets. Compiled with reduced vitamin K present, so it lists every move a protein can
 * ever make; how often carboxylation happens (which warfarin and intake decide) comes from the model's rates.
 */
import { transition } from 'xstate';
import { NO_MOVE } from '../model/compartments';
import { PROTEIN_EVENTS, PROTEIN_STATES, type ProteinState } from '../model/proteins';
import { glaMachine } from './gla.machine';

export function compileProteinTable(): Uint8Array {
  const table = new Uint8Array(PROTEIN_STATES.length * PROTEIN_EVENTS.length).fill(NO_MOVE);
  PROTEIN_STATES.forEach((from, s) => {
    const snapshot = glaMachine.resolveState({
      value: { protein: from, vitaminK: 'hydroquinone' },
      context: { warfarin: false },
    });
    PROTEIN_EVENTS.forEach((type, e) => {
      const [next] = transition(glaMachine, snapshot, { type });
      const to = (next.value as { protein: ProteinState }).protein;
      if (to !== from) table[s * PROTEIN_EVENTS.length + e] = PROTEIN_STATES.indexOf(to);
    });
  });
  return table;
}

let cached: Uint8Array | undefined;

export function proteinTable(): Uint8Array {
  cached ??= compileProteinTable();
  return cached;
}
