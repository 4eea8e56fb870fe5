/**
 * Protein markers: a few osteocalcin molecules in bone and MGP molecules in the artery wall, each uncarboxylated
 * (glu), carboxylated (gla), bound to mineral, or cleared. They are what the view draws to show vitamin K at work:
 * a state change on the protein, never a carrier of calcium. Their legal moves come from the Gla-protein machine
 * (src/machines/gla.table.ts); their rates are set so that, on average, the carboxylated share (gla + bound)
 * equals the model's carboxylated fraction. A cleared protein is replaced by a newly made, uncarboxylated one.
 */
import { createPrng, type Prng } from './prng';

export const PROTEIN_STATES = ['glu', 'gla', 'bound', 'cleared'] as const;
export type ProteinState = (typeof PROTEIN_STATES)[number];
export const PROTEIN_EVENTS = ['CARBOXYLATE', 'BIND_MINERAL', 'CLEAR'] as const;

const GLU = 0;
const CLEARED = 3;
const E_CARBOXYLATE = 0;
const E_BIND = 1;
const E_CLEAR = 2;
const N_EVENTS = PROTEIN_EVENTS.length;
const TICK_HOURS = 1 / 60;

/** Renewal and binding rates are ILLUSTRATIVE: chosen so the markers visibly turn over within a simulated day. */
const RENEWAL_PER_HOUR = Math.LN2 / 12;
const BINDING_PER_HOUR = Math.LN2 / 3;

export class ProteinMarkers {
  readonly state: Uint8Array;
  private readonly table: Uint8Array;
  private readonly rng: Prng;

  /** `made` false: the protein is not made at all (MGP knockout), so there are no markers to show. */
  constructor(count: number, table: Uint8Array, seed: number, startCarboxylated: number, made = true) {
    this.table = table;
    this.state = new Uint8Array(count).fill(made ? GLU : CLEARED);
    // Its own random stream, so adding or removing markers never changes what the calcium packets do.
    this.rng = createPrng((seed ^ 0x5bd1e995) >>> 0);
    for (let i = 0; made && i < count; i++) {
      if (this.rng.next() < startCarboxylated) this.state[i] = this.rng.next() < 0.5 ? 1 : 2;
    }
  }

  /**
   * One tick. `carboxylated` is the model's carboxylated fraction for this protein; `made` is false when the
   * protein is not made at all (MGP knockout), so cleared proteins are not replaced.
   */
  step(carboxylated: number, made = true): void {
    const f = Math.min(0.999, Math.max(0, carboxylated));
    const pCarboxylate = 1 - Math.exp(-((RENEWAL_PER_HOUR * f) / (1 - f)) * TICK_HOURS);
    const pBind = 1 - Math.exp(-BINDING_PER_HOUR * TICK_HOURS);
    const pClear = 1 - Math.exp(-RENEWAL_PER_HOUR * TICK_HOURS);
    for (let i = 0; i < this.state.length; i++) {
      let s = this.state[i] as number;
      if (s === CLEARED) {
        if (made) this.state[i] = GLU;
        continue;
      }
      const u = this.rng.next();
      let event = -1;
      if (u < pClear) event = E_CLEAR;
      else if (s === GLU && u < pClear + pCarboxylate) event = E_CARBOXYLATE;
      else if (s !== GLU && u < pClear + pBind) event = E_BIND;
      if (event < 0) continue;
      const next = this.table[s * N_EVENTS + event] as number;
      if (next !== 255) s = next;
      this.state[i] = s;
    }
  }

  /** Share of markers that are carboxylated (gla or bound) among those present. */
  carboxylatedShare(): number {
    let present = 0;
    let carboxylated = 0;
    for (const s of this.state) {
      if (s === CLEARED) continue;
      present++;
      if (s !== GLU) carboxylated++;
    }
    return present === 0 ? 0 : carboxylated / present;
  }
}
