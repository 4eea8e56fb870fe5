/**
 * The calcium lifecycle: where a packet of calcium can be, and which flux can move it where. No guards and no
 * context on purpose: the machine states which moves are legal; how likely each move is comes from the rate
 * model (src/model/physiology.ts). The world steps with a table compiled from this machine, the model-based
 * tests walk its paths, and the app can draw it as a diagram, so all three agree by construction.
 */
import { setup } from 'xstate';
import type { FluxEvent } from '../model/compartments';

type LifecycleEvent = { type: FluxEvent };

export const calciumMachine = setup({
  types: { events: {} as LifecycleEvent },
}).createMachine({
  id: 'calcium',
  initial: 'gutLumen',
  states: {
    gutLumen: {
      on: {
        ABSORB_ACTIVE: 'enterocyte',
        ABSORB_PASSIVE: 'blood',
        PASS_TO_FAECES: 'faeces',
      },
    },
    enterocyte: { on: { PUMP_TO_BLOOD: 'blood' } },
    blood: {
      on: {
        FILTER: 'kidneyFiltrate',
        EXCHANGE_TO_BONE: 'boneSurface',
        SECRETE_TO_GUT: 'gutLumen',
        NUCLEATE_ARTERY: 'arteryWall',
      },
    },
    kidneyFiltrate: { on: { REABSORB: 'blood', EXCRETE_URINE: 'urine' } },
    boneSurface: { on: { EXCHANGE_FROM_BONE: 'blood', MINERALISE: 'boneMineral' } },
    boneMineral: { on: { RESORB: 'blood' } },
    // Arterial calcification is not reversed in this model (no human data show it clearing).
    arteryWall: { type: 'final' },
    urine: { type: 'final' },
    faeces: { type: 'final' },
  },
});
