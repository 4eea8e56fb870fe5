/**
 * The particle world: calcium packets of a fixed mass in typed arrays, moved each tick by the lifecycle table with
 * the rate model's hazards and a seeded PRNG. A shadow integrator supplies the hazards and the hormone levels, so
 * packets are a stochastic sample of the same physiology: amounts come from the integrator; packets show them.
 *
 * The skeleton, artery wall and the two exits are reservoirs counted in packet units, not packets: the skeleton
 * alone would be 200,000 packets. Calcium is conserved exactly in packet units (see conservationUnits()).
 */
import { CODE, COMPARTMENTS, FLUX_EVENTS, type FluxEvent, NO_MOVE, type TransitionTable } from './compartments';
import type { Inputs } from './inputs';
import { cloneState, leaveProbability, type ModelState, mealAtTick, stepIntegrator, typicalStart } from './integrator';
import { deriveHabit, emptyHazards, type Habit, type Hazards } from './physiology';
import { createPrng, type Prng, poisson } from './prng';
import { ProteinMarkers } from './proteins';

export const DEFAULT_PACKET_MG = 5;
/** Moves kept in the log: over a simulated day's worth, far more than one frame brings. */
export const MOVE_LOG_SIZE = 1 << 14;
const FREE = NO_MOVE;
const N_COMPARTMENTS = COMPARTMENTS.length;
const N_EVENTS = FLUX_EVENTS.length;
const RESORB_EVENT = FLUX_EVENTS.indexOf('RESORB');

const C = CODE;

/** Which hazard drives each event, in FLUX_EVENTS order. RESORB is zero-order and handled separately. */
const HAZARD_OF_EVENT: readonly (keyof Hazards | null)[] = FLUX_EVENTS.map((e) => {
  const map: Record<string, keyof Hazards | null> = {
    ABSORB_ACTIVE: 'absorbActive',
    ABSORB_PASSIVE: 'absorbPassive',
    PASS_TO_FAECES: 'passToFaeces',
    PUMP_TO_BLOOD: 'pumpToBlood',
    FILTER: 'filter',
    REABSORB: 'reabsorb',
    EXCRETE_URINE: 'excreteUrine',
    EXCHANGE_TO_BONE: 'exchangeToBone',
    EXCHANGE_FROM_BONE: 'exchangeFromBone',
    MINERALISE: 'mineralise',
    RESORB: null,
    SECRETE_TO_GUT: 'secreteToGut',
    NUCLEATE_ARTERY: 'nucleateArtery',
  };
  return map[e] ?? null;
});

/** The first-order hazards, in a fixed order so each tick copies them into a typed array once. */
const RATE_KEYS = [...new Set(HAZARD_OF_EVENT.filter((k): k is keyof Hazards => k !== null))];
const ARTERY_RATE = RATE_KEYS.indexOf('nucleateArtery');

/** Compartments a packet leaves the animation for: its calcium joins a reservoir. */
const RESERVOIR = new Set([C.boneMineral, C.arteryWall, C.urine, C.faeces]);

export interface WorldOptions {
  readonly inputs: Inputs;
  readonly seed: number;
  readonly table: TransitionTable;
  /** Calcium per packet, mg (stated on screen). */
  readonly packetMg?: number;
  /**
   * Multiplies the artery-wall hazard so day-view deposits are visible. 1 = true scale. The integrator and all
   * reported amounts stay at true scale; only packets are affected, and the app must say so on screen.
   */
  readonly arteryExaggeration?: number;
  /** Start from this integrator state instead of the settled typical day. */
  readonly start?: ModelState;
  /**
   * Osteocalcin and MGP markers for the view: the protein table compiled from the Gla-protein machine and how
   * many of each to keep. Without it the world has no markers (the model's numbers do not depend on them).
   */
  readonly proteins?: { readonly table: Uint8Array; readonly count: number };
}

export class World {
  readonly packetMg: number;
  readonly table: TransitionTable;
  /** Compartment code per slot, FREE (255) when the slot is unused. Slots are stable while a packet lives. */
  compartment: Uint8Array;
  /** Packets per compartment (reservoir compartments stay 0: their calcium is in the reservoir counters). */
  readonly counts = new Int32Array(N_COMPARTMENTS);
  /** Events applied in the last tick, by FLUX_EVENTS code. */
  readonly lastTickEvents = new Int32Array(N_EVENTS);
  /** Events applied since the world was made, by FLUX_EVENTS code. */
  readonly eventTotals = new Float64Array(N_EVENTS);
  /**
   * The most recent moves (slot, from, to), for the renderer and a tracer: a ring of MOVE_LOG_SIZE entries, move
   * number k at index k % MOVE_LOG_SIZE. Readers keep their own count of moves read, so reading never changes the
   * world; a reader that falls more than MOVE_LOG_SIZE behind resynchronises from `compartment`.
   */
  readonly moveSlot = new Int32Array(MOVE_LOG_SIZE);
  readonly moveFrom = new Uint8Array(MOVE_LOG_SIZE);
  readonly moveTo = new Uint8Array(MOVE_LOG_SIZE);
  /** Moves recorded since the world was made. */
  moveSerial = 0;

  // Reservoirs, in packet units (exact integers).
  boneMineralUnits: number;
  arteryUnits = 0;
  urineUnits = 0;
  faecesUnits = 0;
  eatenUnits = 0;
  private readonly initialUnits: number;

  readonly model: ModelState;
  /** Osteocalcin molecules in bone, drawn as markers (null when the world was made without proteins). */
  readonly osteocalcin: ProteinMarkers | null;
  /** Matrix Gla protein molecules in the artery wall, drawn as markers. */
  readonly mgp: ProteinMarkers | null;
  private habit: Habit;
  private readonly rng: Prng;
  private arteryExaggeration: number;
  private readonly hazards: Hazards = emptyHazards();
  private freeSlots: Int32Array;
  private freeCount = 0;
  private mealCarry = 0;
  // Per-compartment sampling thresholds, rebuilt each tick: leave probability and cumulative event cut-offs.
  private readonly leave = new Float64Array(N_COMPARTMENTS);
  private readonly cut = new Float64Array(N_COMPARTMENTS * N_EVENTS);
  private readonly cutEvent = new Uint8Array(N_COMPARTMENTS * N_EVENTS);
  private readonly cutCount = new Uint8Array(N_COMPARTMENTS);
  private readonly cutRate = new Uint8Array(N_COMPARTMENTS * N_EVENTS);
  private readonly rates = new Float64Array(RATE_KEYS.length);
  /** (slot, event) pairs chosen in this tick's sampling pass; sized for every packet, so it never overflows. */
  private pending = new Int32Array(0);

  constructor(options: WorldOptions) {
    this.packetMg = options.packetMg ?? DEFAULT_PACKET_MG;
    if (!(this.packetMg > 0)) throw new Error('packetMg must be a positive number of mg');
    this.table = options.table;
    this.arteryExaggeration = options.arteryExaggeration ?? 1;
    this.habit = deriveHabit(options.inputs);
    this.rng = createPrng(options.seed);
    this.indexMoves();
    const proteins = options.proteins;
    this.osteocalcin = proteins
      ? new ProteinMarkers(proteins.count, proteins.table, options.seed, this.habit.carboxylatedOsteocalcin)
      : null;
    this.mgp = proteins
      ? new ProteinMarkers(
          proteins.count,
          proteins.table,
          options.seed + 1,
          this.habit.carboxylatedMgp,
          !options.inputs.mgpAbsent,
        )
      : null;
    this.model = options.start ? cloneState(options.start) : typicalStart(this.habit);

    const m = this.packetMg;
    const initial: [number, number][] = [
      [C.gutLumen, Math.round(this.model.gut / m)],
      [C.enterocyte, Math.round(this.model.enterocyte / m)],
      [C.blood, Math.round(this.model.ecf / m)],
      [C.kidneyFiltrate, Math.round(this.model.filtrate / m)],
      [C.boneSurface, Math.round(this.model.boneSurface / m)],
    ];
    const live = initial.reduce((sum, [, n]) => sum + n, 0);
    const capacity = Math.max(64, Math.ceil(live * 1.5));
    this.compartment = new Uint8Array(capacity).fill(FREE);
    this.freeSlots = new Int32Array(capacity);
    let slot = 0;
    for (const [code, n] of initial) {
      for (let k = 0; k < n; k++) this.place(slot++, code);
    }
    for (let s = capacity - 1; s >= slot; s--) this.freeSlots[this.freeCount++] = s;
    this.pending = new Int32Array(2 * capacity);
    this.boneMineralUnits = Math.round(this.model.boneMineral / m);
    this.initialUnits = live + this.boneMineralUnits;
  }

  get inputs(): Inputs {
    return this.habit.inputs;
  }

  get currentHabit(): Habit {
    return this.habit;
  }

  /** Live packets (those drawn on screen). */
  get liveCount(): number {
    return this.compartment.length - this.freeCount;
  }

  /** Intakes change the habit at once; fast pools and hormones then adapt through the dynamics. */
  setInputs(inputs: Inputs): void {
    this.habit = deriveHabit(inputs);
  }

  /**
   * Day-view drawing scale for artery-wall events (1 = the model's rate). Only the drawn packets change: the
   * shadow integrator, and every amount reported from it, stay at true scale.
   */
  setArteryExaggeration(factor: number): void {
    if (!(factor >= 1 && Number.isFinite(factor))) throw new Error('artery exaggeration must be a finite number ≥ 1');
    this.arteryExaggeration = factor;
  }

  /** Advances one tick (one simulated minute). */
  step(): void {
    const m = this.packetMg;
    this.lastTickEvents.fill(0);

    // Meals: whole packets now, the fraction carried to the next meal so nothing is lost to rounding.
    const meal = mealAtTick(this.model.tick, this.habit);
    if (meal > 0) {
      const exact = meal / m + this.mealCarry;
      const n = Math.floor(exact);
      this.mealCarry = exact - n;
      this.eat(n);
    }

    // The shadow integrator steps first and hands over the hazards it used for this tick.
    const h = stepIntegrator(this.model, this.habit, this.hazards);
    this.prepareThresholds(h);

    // Sample first in a tight loop that only notes who moves, then do the bookkeeping for those few.
    const movers = sampleMovers(this.compartment, this.rng.next, this.leave, this.cut, this.cutEvent, this.pending);
    const pending = this.pending;
    for (let k = 0; k < movers; k++) {
      const slot = pending[2 * k] as number;
      const e = pending[2 * k + 1] as number;
      const c = this.compartment[slot] as number;
      this.move(slot, c, this.table[c * N_EVENTS + e] as number, e);
    }

    // Osteoclast resorption releases calcium from the skeleton reservoir as new packets in blood.
    const released = poisson(this.rng, h.resorbMgPerHour / 60 / m);
    for (let k = 0; k < released; k++) this.resorbOne();

    this.osteocalcin?.step(this.habit.carboxylatedOsteocalcin);
    this.mgp?.step(this.habit.carboxylatedMgp, !this.habit.inputs.mgpAbsent);
  }

  /** Puts packets of eaten calcium in the gut lumen; returns the slot of the last one. */
  eat(packets: number): number {
    let slot = -1;
    for (let k = 0; k < packets; k++) slot = this.create(C.gutLumen);
    this.eatenUnits += packets;
    return slot;
  }

  /** Releases one packet from the skeleton reservoir into blood (an osteoclast event); returns its slot or -1. */
  resorbOne(): number {
    if (this.boneMineralUnits < 1) return -1;
    this.boneMineralUnits--;
    const slot = this.create(C.blood);
    this.record(slot, C.boneMineral, C.blood, RESORB_EVENT);
    return slot;
  }

  /**
   * Applies one lifecycle event to one packet exactly as the sampler does, through the compiled table. Returns
   * false (and changes nothing) when the move is not legal from where the packet is. For model-based tests and
   * for a tracer that follows one packet.
   */
  applyEvent(slot: number, event: FluxEvent): boolean {
    const from = this.compartment[slot];
    const e = FLUX_EVENTS.indexOf(event);
    if (from === undefined || from === FREE || e < 0) return false;
    const to = this.table[from * N_EVENTS + e] as number;
    if (to === NO_MOVE) return false;
    this.move(slot, from, to, e);
    return true;
  }

  run(ticks: number): void {
    for (let i = 0; i < ticks; i++) this.step();
  }

  /** Total calcium in packet units; constant for the life of the world apart from what was eaten. */
  conservationUnits(): { start: number; eaten: number; now: number } {
    const now = this.liveCount + this.boneMineralUnits + this.arteryUnits + this.urineUnits + this.faecesUnits;
    return { start: this.initialUnits, eaten: this.eatenUnits, now };
  }

  private prepareThresholds(h: Hazards): void {
    const rates = this.rates;
    for (let k = 0; k < RATE_KEYS.length; k++) rates[k] = h[RATE_KEYS[k] as keyof Hazards];
    rates[ARTERY_RATE] = (rates[ARTERY_RATE] as number) * this.arteryExaggeration;
    for (let c = 0; c < N_COMPARTMENTS; c++) {
      const first = c * N_EVENTS;
      const n = this.cutCount[c] as number;
      let total = 0;
      for (let k = 0; k < n; k++) total += rates[this.cutRate[first + k] as number] as number;
      const p = total > 0 ? leaveProbability(total) : 0;
      this.leave[c] = p;
      let running = 0;
      for (let k = 0; k < n; k++) {
        running += rates[this.cutRate[first + k] as number] as number;
        this.cut[first + k] = (p * running) / total;
      }
      // Guard against rounding: the last cut-off must catch every u below the leave probability.
      if (n > 0) this.cut[first + n - 1] = 2;
    }
  }

  /** Once per world: for each compartment, which events can leave it and which hazard drives each. */
  private indexMoves(): void {
    for (let c = 0; c < N_COMPARTMENTS; c++) {
      let n = 0;
      for (let e = 0; e < N_EVENTS; e++) {
        const key = HAZARD_OF_EVENT[e];
        if (!key || this.table[c * N_EVENTS + e] === NO_MOVE) continue;
        this.cutEvent[c * N_EVENTS + n] = e;
        this.cutRate[c * N_EVENTS + n] = RATE_KEYS.indexOf(key);
        n++;
      }
      this.cutCount[c] = n;
    }
  }

  private place(slot: number, code: number): void {
    this.compartment[slot] = code;
    this.counts[code] = (this.counts[code] as number) + 1;
  }

  private create(code: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount] as number;
    this.place(slot, code);
    return slot;
  }

  private move(slot: number, from: number, to: number, event: number): void {
    this.counts[from] = (this.counts[from] as number) - 1;
    this.record(slot, from, to, event);
    if (RESERVOIR.has(to)) {
      this.compartment[slot] = FREE;
      this.freeSlots[this.freeCount++] = slot;
      if (to === C.boneMineral) this.boneMineralUnits++;
      else if (to === C.arteryWall) this.arteryUnits++;
      else if (to === C.urine) this.urineUnits++;
      else this.faecesUnits++;
    } else {
      this.compartment[slot] = to;
      this.counts[to] = (this.counts[to] as number) + 1;
    }
  }

  private record(slot: number, from: number, to: number, event: number): void {
    this.lastTickEvents[event] = (this.lastTickEvents[event] as number) + 1;
    this.eventTotals[event] = (this.eventTotals[event] as number) + 1;
    const k = this.moveSerial & (MOVE_LOG_SIZE - 1);
    this.moveSlot[k] = slot;
    this.moveFrom[k] = from;
    this.moveTo[k] = to;
    this.moveSerial++;
  }

  private grow(): void {
    const old = this.compartment.length;
    const size = old * 2;
    const comp = new Uint8Array(size).fill(FREE);
    comp.set(this.compartment);
    this.compartment = comp;
    const free = new Int32Array(size);
    free.set(this.freeSlots.subarray(0, this.freeCount));
    this.freeSlots = free;
    for (let s = size - 1; s >= old; s--) this.freeSlots[this.freeCount++] = s;
    this.pending = new Int32Array(2 * size);
  }
}

/**
 * The hot loop: one draw per live packet; a packet moves when the draw falls under its compartment's leave
 * probability, and the cumulative cut-offs pick which event. Writes (slot, event) pairs to `out` and returns how
 * many. Kept small and free of `this` so the JIT can inline the PRNG into it.
 */
export function sampleMovers(
  comp: Uint8Array,
  next: () => number,
  leave: Float64Array,
  cut: Float64Array,
  cutEvent: Uint8Array,
  out: Int32Array,
): number {
  let movers = 0;
  for (let i = 0; i < comp.length; i++) {
    const c = comp[i] as number;
    if (c === FREE) continue;
    const u = next();
    if (u >= (leave[c] as number)) continue;
    let k = c * N_EVENTS;
    while (u >= (cut[k] as number)) k++;
    out[2 * movers] = i;
    out[2 * movers + 1] = cutEvent[k] as number;
    movers++;
  }
  return movers;
}
