/**
 * Where each calcium packet is drawn, frame by frame. The world decides *what* happens to a packet (its
 * compartment changes by sampled events); this module decides only how that looks: undirected jiggle inside
 * tissues, bulk flow round the blood loop, and a short journey along a fixed route when a packet changes place.
 *
 * Packets of calcium are identical, so when the world moves "some packet in blood" to the kidney, the view lets
 * the blood packet that is drawn nearest the kidney make the trip (it swaps the two packets' drawn positions).
 * Events then happen where a packet is, and nothing is ever drawn steering towards a destination.
 *
 * Pure TypeScript over typed arrays, no Pixi, so it is tested in Node. It reads the world; it never changes it.
 */
import { CODE } from '../model/compartments';
import { LOOP_LENGTH, loopPoint, nearestLoopS, type PathPoint } from './bloodPath';
import { ARTERY, BLOOD_LOOP, BONE, GUT, inRect, KIDNEY, LOOP_PORTS, type Point, type Rect } from './layout';

const FREE = 255;
const C = CODE;

export const MODE_HIDDEN = 0;
export const MODE_TISSUE = 1;
export const MODE_BLOOD = 2;
export const MODE_TRAVEL = 3;

/** Exit journeys end in a reservoir: the packet fades where it arrives. */
export const EXIT_KINDS = ['faeces', 'urine', 'bone', 'artery'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

export interface MotionSettings {
  /** Blood flow speed, logical px per second of visual time. */
  flowSpeed: number;
  /** Jiggle step size, logical px per √second; 0 turns jiggle off (reduced motion). */
  jiggle: number;
  /** Seconds of visual time a change of place takes. */
  travelSeconds: number;
}

export const DEFAULT_MOTION: MotionSettings = { flowSpeed: 150, jiggle: 36, travelSeconds: 0.9 };
export const REDUCED_MOTION: MotionSettings = { flowSpeed: 60, jiggle: 0, travelSeconds: 1.2 };

/** What the world exposes that motion needs (a structural subset of World, so tests can pass a fake). */
export interface WorldView {
  readonly compartment: Uint8Array;
  readonly moveSlot: Int32Array;
  readonly moveFrom: Uint8Array;
  readonly moveTo: Uint8Array;
  readonly moveSerial: number;
}

const GHOSTS = 512;
const FADE_SECONDS = 0.5;
const TISSUE_MARGIN = 6;

export class PacketMotion {
  settings: MotionSettings = { ...DEFAULT_MOTION };
  capacity = 0;
  mode = new Uint8Array(0);
  /** The compartment each slot is drawn in (FREE when not drawn). */
  shown = new Uint8Array(0);
  x = new Float32Array(0);
  y = new Float32Array(0);
  /** Blood: arc length along the loop and offset across the vessel. */
  private s = new Float32Array(0);
  private lane = new Float32Array(0);
  /** Enterocyte: which cell the packet is in. */
  private cell = new Uint8Array(0);
  // Travel: start, turning point, end, progress 0..1 and rate per visual second.
  private ax = new Float32Array(0);
  private ay = new Float32Array(0);
  private mx = new Float32Array(0);
  private my = new Float32Array(0);
  private bx = new Float32Array(0);
  private by = new Float32Array(0);
  private t = new Float32Array(0);

  // Ghosts: packets on their way into a reservoir (their slot may already hold a new packet).
  readonly ghostX = new Float32Array(GHOSTS);
  readonly ghostY = new Float32Array(GHOSTS);
  /** 0 = unused; otherwise 1 + index into EXIT_KINDS. */
  readonly ghostKind = new Uint8Array(GHOSTS);
  /** Drawn opacity, 0..1. */
  readonly ghostAlpha = new Float32Array(GHOSTS);
  private readonly ghostT = new Float32Array(GHOSTS);
  private readonly ghostPath = new Float32Array(GHOSTS * 6);
  private nextGhost = 0;
  /** Exits that finished their journey since the last call to `takeArrivals`, by kind. */
  private readonly arrivals = new Int32Array(EXIT_KINDS.length);

  private readonly probe: PathPoint = { x: 0, y: 0, nx: 0, ny: 0 };
  private readonly random: () => number;

  constructor(random: () => number = Math.random) {
    this.random = random;
  }

  /** Moves of the current world already shown. */
  private readSerial = 0;

  /** Takes the world as it is without animation (start, reset, or a move log that ran ahead of us). */
  syncAll(world: WorldView): void {
    this.readSerial = world.moveSerial;
    this.ensureCapacity(world.compartment.length);
    for (let slot = 0; slot < world.compartment.length; slot++) this.place(slot, world.compartment[slot] as number);
    this.ghostKind.fill(0);
    this.ghostAlpha.fill(0);
  }

  /**
   * Reads the moves the world logged since the last frame, starts their journeys, then advances everything by
   * `dt` seconds of visual time (0 while paused: nothing moves).
   */
  update(world: WorldView, dt: number): void {
    this.ensureCapacity(world.compartment.length);
    const size = world.moveSlot.length;
    if (world.moveSerial - this.readSerial > size) {
      this.syncAll(world);
    } else {
      for (let k = this.readSerial; k < world.moveSerial; k++) {
        const i = k % size;
        this.applyMove(world.moveSlot[i] as number, world.moveFrom[i] as number, world.moveTo[i] as number);
      }
      this.readSerial = world.moveSerial;
    }
    // Packets the log does not mention: meals (new packets in the gut) and anything out of step.
    const comp = world.compartment;
    for (let slot = 0; slot < comp.length; slot++) {
      const c = comp[slot] as number;
      if (c === this.shown[slot]) continue;
      if (c === FREE) this.hide(slot);
      else if (c === C.gutLumen && this.shown[slot] === FREE) this.arriveFromMeal(slot);
      else this.place(slot, c);
    }
    if (dt > 0) this.advance(dt);
  }

  /** Exits completed since the last call, by kind (index as in EXIT_KINDS); resets the count. */
  takeArrivals(): Int32Array {
    const copy = this.arrivals.slice();
    this.arrivals.fill(0);
    return copy;
  }

  private applyMove(slot: number, from: number, to: number): void {
    if (from === C.boneMineral) {
      // Resorption: a new packet leaves the osteoclast's pit for the blood.
      const o = BONE.osteoclast;
      this.x[slot] = o.x + o.w / 2;
      this.y[slot] = o.y + o.h / 2;
      this.shown[slot] = from;
      this.travel(slot, o.x - 4, o.y + o.h / 2, BLOOD_LOOP.right, o.y + o.h / 2, C.blood);
      return;
    }
    if (this.shown[slot] !== from) this.place(slot, from);
    else if (this.mode[slot] === MODE_TRAVEL) this.finishJourney(slot);
    if (from === C.blood) this.swapWithNearestBlood(slot, portFor(to));
    const x = this.x[slot] as number;
    const y = this.y[slot] as number;
    switch (to) {
      case C.enterocyte: {
        const cell = nearestCell(y);
        this.cell[slot] = cell;
        const r = GUT.cells[cell] as Rect;
        this.travel(slot, r.x + 4, clamp(y, r.y + 10, r.y + r.h - 10), ...this.randomIn(r), to);
        return;
      }
      case C.blood:
        this.travelToBlood(slot, from, x, y);
        return;
      case C.gutLumen: {
        const jy = nearestJunction(y);
        this.travel(slot, GUT.cells[0]?.x ?? 148, jy, ...this.randomIn(GUT.lumen), to);
        return;
      }
      case C.kidneyFiltrate: {
        const g = KIDNEY.glomerulus;
        this.travel(slot, g.x, g.y, ...this.randomIn(KIDNEY.tubule), to);
        return;
      }
      case C.boneSurface: {
        const r = BONE.surface;
        this.travel(slot, r.x, clamp(y, r.y + 8, r.y + r.h - 8), ...this.randomIn(r), to);
        return;
      }
      case C.faeces:
        this.exit(slot, 'faeces', GUT.faecesExit.x, GUT.lumen.y + GUT.lumen.h, GUT.faecesExit.x, GUT.faecesExit.y);
        return;
      case C.urine: {
        const d = KIDNEY.duct;
        this.exit(slot, 'urine', d.x + d.w / 2, d.y + 20, KIDNEY.urineExit.x, KIDNEY.urineExit.y);
        return;
      }
      case C.boneMineral: {
        const ob = nearestRect(BONE.osteoblasts, x);
        this.exit(slot, 'bone', ob.x + ob.w / 2, ob.y + ob.h, ob.x + ob.w / 2, ob.y - 14);
        return;
      }
      case C.arteryWall: {
        const site = ARTERY.depositSites[Math.floor(this.random() * ARTERY.depositSites.length)] as Point;
        this.exit(slot, 'artery', ARTERY.lining.x + 10, site.y, site.x, site.y);
        return;
      }
      default:
        this.place(slot, to);
    }
  }

  /** Into blood from a tissue: out of the tissue, then joins the flow at the nearest point of the loop. */
  private travelToBlood(slot: number, from: number, x: number, y: number): void {
    switch (from) {
      case C.gutLumen: {
        const jy = nearestJunction(y);
        this.travel(slot, GUT.cells[0]?.x ?? 148, jy, BLOOD_LOOP.left, jy, C.blood);
        return;
      }
      case C.enterocyte: {
        const cell = GUT.cells[this.cell[slot] as number] ?? GUT.cells[0];
        const right = (cell?.x ?? 148) + (cell?.w ?? 104);
        this.travel(slot, right, y, BLOOD_LOOP.left, y, C.blood);
        return;
      }
      case C.kidneyFiltrate:
        this.travel(slot, x, KIDNEY.tubule.y - 4, x, BLOOD_LOOP.bottom, C.blood);
        return;
      case C.boneSurface:
        this.travel(slot, BONE.surface.x - 6, y, BLOOD_LOOP.right, y, C.blood);
        return;
      default:
        this.place(slot, C.blood);
        return;
    }
  }

  private travel(slot: number, mx: number, my: number, bx: number, by: number, to: number): void {
    this.ax[slot] = this.x[slot] as number;
    this.ay[slot] = this.y[slot] as number;
    this.mx[slot] = mx;
    this.my[slot] = my;
    this.bx[slot] = bx;
    this.by[slot] = by;
    this.t[slot] = 0;
    this.mode[slot] = MODE_TRAVEL;
    this.shown[slot] = to;
  }

  private exit(slot: number, kind: ExitKind, mx: number, my: number, bx: number, by: number): void {
    const g = this.nextGhost;
    this.nextGhost = (g + 1) % GHOSTS;
    this.ghostKind[g] = EXIT_KINDS.indexOf(kind) + 1;
    this.ghostX[g] = this.x[slot] as number;
    this.ghostY[g] = this.y[slot] as number;
    this.ghostAlpha[g] = 1;
    this.ghostT[g] = 0;
    const p = g * 6;
    this.ghostPath.set([this.ghostX[g] as number, this.ghostY[g] as number, mx, my, bx, by], p);
    this.hide(slot);
  }

  /** Lets the blood packet drawn nearest to `port` be the one that leaves (packets are identical). */
  private swapWithNearestBlood(slot: number, port: Point | null): void {
    if (!port) return;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let k = 0; k < this.capacity; k++) {
      if (this.mode[k] !== MODE_BLOOD) continue;
      const d = ((this.x[k] as number) - port.x) ** 2 + ((this.y[k] as number) - port.y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best < 0 || best === slot || this.mode[slot] !== MODE_BLOOD) return;
    swap(this.x, slot, best);
    swap(this.y, slot, best);
    swap(this.s, slot, best);
    swap(this.lane, slot, best);
  }

  private arriveFromMeal(slot: number): void {
    this.x[slot] = GUT.mealPoint.x + (this.random() - 0.5) * 30;
    this.y[slot] = GUT.mealPoint.y;
    const [bx, by] = this.randomIn(GUT.lumen);
    this.travel(slot, bx, GUT.lumen.y + 20, bx, by, C.gutLumen);
  }

  /** Puts a packet straight into its compartment's usual place, without a journey. */
  private place(slot: number, code: number): void {
    this.shown[slot] = code;
    if (code === FREE) {
      this.mode[slot] = MODE_HIDDEN;
      return;
    }
    if (code === C.blood) {
      this.s[slot] = this.random() * LOOP_LENGTH;
      this.lane[slot] = (this.random() - 0.5) * (BLOOD_LOOP.width - 14);
      this.mode[slot] = MODE_BLOOD;
      this.flowTo(slot);
      return;
    }
    if (code === C.enterocyte) this.cell[slot] = Math.floor(this.random() * GUT.cells.length);
    const region = this.regionOf(slot, code);
    if (!region) {
      this.mode[slot] = MODE_HIDDEN;
      return;
    }
    [this.x[slot], this.y[slot]] = this.randomIn(region);
    this.mode[slot] = MODE_TISSUE;
  }

  private hide(slot: number): void {
    this.shown[slot] = FREE;
    this.mode[slot] = MODE_HIDDEN;
  }

  private regionOf(slot: number, code: number): Rect | null {
    switch (code) {
      case C.gutLumen:
        return GUT.lumen;
      case C.enterocyte:
        return GUT.cells[this.cell[slot] as number] ?? GUT.cells[0] ?? null;
      case C.kidneyFiltrate:
        return KIDNEY.tubule;
      case C.boneSurface:
        return BONE.surface;
      default:
        return null;
    }
  }

  private advance(dt: number): void {
    const { flowSpeed, jiggle, travelSeconds } = this.settings;
    const step = jiggle * Math.sqrt(dt);
    const travelRate = dt / travelSeconds;
    for (let slot = 0; slot < this.capacity; slot++) {
      switch (this.mode[slot]) {
        case MODE_TISSUE: {
          if (step === 0) break;
          const region = this.regionOf(slot, this.shown[slot] as number);
          if (!region) break;
          this.x[slot] = clamp(
            (this.x[slot] as number) + (this.random() - 0.5) * step,
            region.x + TISSUE_MARGIN,
            region.x + region.w - TISSUE_MARGIN,
          );
          this.y[slot] = clamp(
            (this.y[slot] as number) + (this.random() - 0.5) * step,
            region.y + TISSUE_MARGIN,
            region.y + region.h - TISSUE_MARGIN,
          );
          break;
        }
        case MODE_BLOOD:
          this.s[slot] = ((this.s[slot] as number) + flowSpeed * dt) % LOOP_LENGTH;
          if (step > 0) {
            const half = BLOOD_LOOP.width / 2 - 7;
            this.lane[slot] = clamp((this.lane[slot] as number) + (this.random() - 0.5) * step * 0.3, -half, half);
          }
          this.flowTo(slot);
          break;
        case MODE_TRAVEL: {
          const t = Math.min(1, (this.t[slot] as number) + travelRate);
          this.t[slot] = t;
          this.alongPath(slot, t);
          if (t >= 1) this.land(slot);
          break;
        }
        default:
          break;
      }
    }
    this.advanceGhosts(dt, travelRate);
  }

  private alongPath(slot: number, t: number): void {
    const e = ease(t);
    if (e < 0.5) {
      const f = e * 2;
      this.x[slot] = lerp(this.ax[slot] as number, this.mx[slot] as number, f);
      this.y[slot] = lerp(this.ay[slot] as number, this.my[slot] as number, f);
    } else {
      const f = e * 2 - 1;
      this.x[slot] = lerp(this.mx[slot] as number, this.bx[slot] as number, f);
      this.y[slot] = lerp(this.my[slot] as number, this.by[slot] as number, f);
    }
  }

  /** A packet that moves again before it arrived is first put where its journey was going. */
  private finishJourney(slot: number): void {
    this.x[slot] = this.bx[slot] as number;
    this.y[slot] = this.by[slot] as number;
    this.land(slot);
  }

  private land(slot: number): void {
    const code = this.shown[slot] as number;
    if (code === C.blood) {
      this.s[slot] = nearestLoopS({ x: this.x[slot] as number, y: this.y[slot] as number });
      this.lane[slot] = (this.random() - 0.5) * (BLOOD_LOOP.width - 14);
      this.mode[slot] = MODE_BLOOD;
      this.flowTo(slot);
      return;
    }
    const region = this.regionOf(slot, code);
    this.mode[slot] = region ? MODE_TISSUE : MODE_HIDDEN;
    if (region && !inRect(region, this.x[slot] as number, this.y[slot] as number)) {
      [this.x[slot], this.y[slot]] = this.randomIn(region);
    }
  }

  private advanceGhosts(dt: number, travelRate: number): void {
    for (let g = 0; g < GHOSTS; g++) {
      const kind = this.ghostKind[g] as number;
      if (kind === 0) continue;
      const t = this.ghostT[g] as number;
      if (t < 1) {
        const next = Math.min(1, t + travelRate);
        this.ghostT[g] = next;
        const p = g * 6;
        const path = this.ghostPath;
        const e = ease(next);
        const f = e < 0.5 ? e * 2 : e * 2 - 1;
        const o = e < 0.5 ? p : p + 2;
        this.ghostX[g] = lerp(path[o] as number, path[o + 2] as number, f);
        this.ghostY[g] = lerp(path[o + 1] as number, path[o + 3] as number, f);
        if (next >= 1) this.arrivals[kind - 1] = (this.arrivals[kind - 1] as number) + 1;
      } else {
        const alpha = (this.ghostAlpha[g] as number) - dt / FADE_SECONDS;
        this.ghostAlpha[g] = Math.max(0, alpha);
        if (alpha <= 0) this.ghostKind[g] = 0;
      }
    }
  }

  private flowTo(slot: number): void {
    const p = loopPoint(this.s[slot] as number, this.probe);
    const lane = this.lane[slot] as number;
    this.x[slot] = p.x + p.nx * lane;
    this.y[slot] = p.y + p.ny * lane;
  }

  private randomIn(r: Rect): [number, number] {
    const m = TISSUE_MARGIN;
    return [r.x + m + this.random() * (r.w - 2 * m), r.y + m + this.random() * (r.h - 2 * m)];
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    const grow = <T extends Float32Array | Uint8Array>(a: T, make: (n: number) => T, fill = 0): T => {
      const b = make(n);
      if (fill) b.fill(fill);
      b.set(a);
      return b;
    };
    const f32 = (k: number) => new Float32Array(k);
    const u8 = (k: number) => new Uint8Array(k);
    this.mode = grow(this.mode, u8);
    this.shown = grow(this.shown, u8, FREE);
    this.cell = grow(this.cell, u8);
    this.x = grow(this.x, f32);
    this.y = grow(this.y, f32);
    this.s = grow(this.s, f32);
    this.lane = grow(this.lane, f32);
    this.ax = grow(this.ax, f32);
    this.ay = grow(this.ay, f32);
    this.mx = grow(this.mx, f32);
    this.my = grow(this.my, f32);
    this.bx = grow(this.bx, f32);
    this.by = grow(this.by, f32);
    this.t = grow(this.t, f32);
    this.capacity = n;
  }
}

/** Where on the loop a packet leaving blood for `to` departs from. */
function portFor(to: number): Point | null {
  switch (to) {
    case C.gutLumen:
      return LOOP_PORTS.gut;
    case C.kidneyFiltrate:
      return LOOP_PORTS.kidneyIn;
    case C.boneSurface:
      return LOOP_PORTS.bone;
    case C.arteryWall:
      return LOOP_PORTS.artery;
    default:
      return null;
  }
}

function nearestCell(y: number): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  GUT.cells.forEach((r, i) => {
    const d = Math.abs(r.y + r.h / 2 - y);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

function nearestJunction(y: number): number {
  let best = GUT.junctionY[0] as number;
  for (const jy of GUT.junctionY) if (Math.abs(jy - y) < Math.abs(best - y)) best = jy;
  return best;
}

function nearestRect(rects: readonly Rect[], x: number): Rect {
  let best = rects[0] as Rect;
  for (const r of rects) if (Math.abs(r.x + r.w / 2 - x) < Math.abs(best.x + best.w / 2 - x)) best = r;
  return best;
}

function swap(a: Float32Array, i: number, j: number): void {
  const v = a[i] as number;
  a[i] = a[j] as number;
  a[j] = v;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
const lerp = (a: number, b: number, f: number): number => a + (b - a) * f;
/** Smooth start and stop, so journeys read as movement rather than teleporting. */
const ease = (t: number): number => t * t * (3 - 2 * t);
