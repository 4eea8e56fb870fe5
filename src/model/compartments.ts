/**
 * Names and numeric codes of the places a calcium packet can be, and of the fluxes between them. The calcium
 * lifecycle machine (src/machines/calcium.machine.ts) uses exactly these names for its states and events; the
 * world stores the codes in typed arrays.
 */
export const COMPARTMENTS = [
  'gutLumen',
  'enterocyte',
  'blood',
  'kidneyFiltrate',
  'boneSurface',
  'boneMineral',
  'arteryWall',
  'urine',
  'faeces',
] as const;
export type Compartment = (typeof COMPARTMENTS)[number];

export const FLUX_EVENTS = [
  'ABSORB_ACTIVE',
  'ABSORB_PASSIVE',
  'PASS_TO_FAECES',
  'PUMP_TO_BLOOD',
  'FILTER',
  'REABSORB',
  'EXCRETE_URINE',
  'EXCHANGE_TO_BONE',
  'EXCHANGE_FROM_BONE',
  'MINERALISE',
  'RESORB',
  'SECRETE_TO_GUT',
  'NUCLEATE_ARTERY',
] as const;
export type FluxEvent = (typeof FLUX_EVENTS)[number];

export const compartmentCode = (name: Compartment): number => COMPARTMENTS.indexOf(name);

/** Every compartment's numeric code by name, for code that works on the typed arrays. */
export const CODE: Readonly<Record<Compartment, number>> = Object.freeze(
  Object.fromEntries(COMPARTMENTS.map((name, i) => [name, i])) as Record<Compartment, number>,
);
export const eventCode = (name: FluxEvent): number => FLUX_EVENTS.indexOf(name);

/** Table value meaning "this event is not a legal move from this compartment". */
export const NO_MOVE = 255;

/** `(compartment, event) -> compartment` as a flat table: table[c * FLUX_EVENTS.length + e]. */
export type TransitionTable = Uint8Array;
