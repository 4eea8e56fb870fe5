/**
 * The benchmark floor: the packet loop written by hand as one plain function with a switch, over typed arrays,
 * with the same PRNG and the same per-compartment probabilities as the world, but no table, no counts, no move
 * log and no integrator. It is what the inner loop costs with nothing but the arithmetic, so world ÷ floor
 * measures the price of our structure. One module-level function (not a closure per run) keeps the JIT's view
 * of it the same at every N.
 */
import { compartmentCode } from '../../src/model/compartments';

const FREE = 255;
const GUT = compartmentCode('gutLumen');
const ENTEROCYTE = compartmentCode('enterocyte');
const BLOOD = compartmentCode('blood');
const FILTRATE = compartmentCode('kidneyFiltrate');
const SURFACE = compartmentCode('boneSurface');

/**
 * Cumulative probabilities, flat: [gut→enterocyte, gut→blood, gut→faeces, enterocyte→blood,
 * blood→filtrate, blood→surface, blood→gut, blood→artery, filtrate→blood, filtrate→urine,
 * surface→blood, surface→mineral].
 */
export type FloorProbabilities = Float64Array;

export function floorStep(comp: Uint8Array, next: () => number, p: FloorProbabilities): void {
  for (let i = 0; i < comp.length; i++) {
    const c = comp[i] as number;
    if (c === FREE) continue;
    const u = next();
    switch (c) {
      case GUT:
        if (u < (p[0] as number)) comp[i] = ENTEROCYTE;
        else if (u < (p[1] as number)) comp[i] = BLOOD;
        else if (u < (p[2] as number)) comp[i] = FREE;
        break;
      case ENTEROCYTE:
        if (u < (p[3] as number)) comp[i] = BLOOD;
        break;
      case BLOOD:
        if (u < (p[4] as number)) comp[i] = FILTRATE;
        else if (u < (p[5] as number)) comp[i] = SURFACE;
        else if (u < (p[6] as number)) comp[i] = GUT;
        else if (u < (p[7] as number)) comp[i] = FREE;
        break;
      case FILTRATE:
        if (u < (p[8] as number)) comp[i] = BLOOD;
        else if (u < (p[9] as number)) comp[i] = FREE;
        break;
      case SURFACE:
        if (u < (p[10] as number)) comp[i] = BLOOD;
        else if (u < (p[11] as number)) comp[i] = FREE;
        break;
    }
  }
}
