/**
 * Packet motion (src/render/packetMotion.ts) over a real particle world: what is drawn where, journeys between
 * places, exits into reservoirs, pausing, reduced motion and a move log that ran ahead of the reader.
 * Every PacketMotion gets a seeded random source, so these tests are reproducible.
 */
import { describe, expect, it } from 'vitest';
import { calciumTable } from '../../src/machines/calcium.table';
import { type Compartment, compartmentCode } from '../../src/model/compartments';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { World } from '../../src/model/world';
import {
  ARTERY,
  BLOOD_LOOP,
  BONE,
  GUT,
  inRect,
  KIDNEY,
  LOOP_PORTS,
  type Point,
  type Rect,
  STAGE_HEIGHT,
  STAGE_WIDTH,
} from '../../src/render/layout';
import {
  DEFAULT_MOTION,
  EXIT_KINDS,
  type ExitKind,
  MODE_BLOOD,
  MODE_HIDDEN,
  MODE_TISSUE,
  MODE_TRAVEL,
  PacketMotion,
  REDUCED_MOTION,
  type WorldView,
} from '../../src/render/packetMotion';

const FREE = 255;
const code = (name: Compartment): number => compartmentCode(name);
const BLOOD = code('blood');
const GUT_LUMEN = code('gutLumen');

/** A small linear congruential generator: reproducible "random" numbers in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const makeWorld = (seed = 7, arteryExaggeration = 1): World =>
  new World({ inputs: DEFAULT_INPUTS, seed, table: calciumTable(), packetMg: 10, arteryExaggeration });

const makeMotion = (seed = 1): PacketMotion => new PacketMotion(lcg(seed));

/** The rects a packet resting in a tissue compartment may be drawn in. */
const TISSUE_RECTS: ReadonlyMap<number, readonly Rect[]> = new Map<number, readonly Rect[]>([
  [code('gutLumen'), [GUT.lumen]],
  [code('enterocyte'), GUT.cells],
  [code('kidneyFiltrate'), [KIDNEY.tubule]],
  [code('boneSurface'), [BONE.surface]],
]);

/**
 * Distance from the blood loop's centre line (a rounded rectangle), computed from BLOOD_LOOP alone with the usual
 * rounded-box distance formula, independently of src/render/bloodPath.ts.
 */
function distanceFromLoop(x: number, y: number): number {
  const { left, right, top, bottom, corner: r } = BLOOD_LOOP;
  const qx = Math.abs(x - (left + right) / 2) - ((right - left) / 2 - r);
  const qy = Math.abs(y - (top + bottom) / 2) - ((bottom - top) / 2 - r);
  const signed = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  return Math.abs(signed);
}

const onStage = (x: number, y: number): boolean =>
  Number.isFinite(x) && Number.isFinite(y) && x >= 0 && x <= STAGE_WIDTH && y >= 0 && y <= STAGE_HEIGHT;

/**
 * Every drawn-state invariant that must hold after any syncAll or update; returns how many slots are travelling.
 * Blood packets must be inside the vessel even in the frame they arrive, including packets that moved again
 * before finishing a journey (they are first put where that journey was going).
 */
function expectConsistent(motion: PacketMotion, world: WorldView) {
  const comp = world.compartment;
  expect(motion.capacity).toBe(comp.length);
  const problems: string[] = [];
  let travelling = 0;
  for (let slot = 0; slot < comp.length; slot++) {
    const c = comp[slot] as number;
    const mode = motion.mode[slot] as number;
    const x = motion.x[slot] as number;
    const y = motion.y[slot] as number;
    const problem = (what: string) =>
      problems.push(`slot ${slot} (compartment ${c}, mode ${mode}, at ${x},${y}): ${what}`);
    if (motion.shown[slot] !== c) problem(`shown as ${motion.shown[slot]}`);
    if (c === FREE) {
      if (mode !== MODE_HIDDEN) problem('free slot drawn');
      continue;
    }
    if (mode === MODE_HIDDEN) problem('live packet hidden');
    else if (!onStage(x, y)) problem('off the stage');
    else if (mode === MODE_BLOOD) {
      if (c !== BLOOD) problem('flowing in blood but not in blood');
      else if (distanceFromLoop(x, y) > BLOOD_LOOP.width / 2) problem('outside the blood vessel');
    } else if (mode === MODE_TISSUE) {
      if (!TISSUE_RECTS.get(c)?.some((r) => inRect(r, x, y))) problem('resting outside its compartment');
    } else if (mode === MODE_TRAVEL) travelling++;
    else problem('unknown mode');
  }
  for (let g = 0; g < motion.ghostKind.length; g++) {
    if (motion.ghostKind[g] === 0) continue;
    const alpha = motion.ghostAlpha[g] as number;
    if (!onStage(motion.ghostX[g] as number, motion.ghostY[g] as number)) problems.push(`ghost ${g} off the stage`);
    if (!(alpha >= 0 && alpha <= 1)) problems.push(`ghost ${g} alpha ${alpha}`);
  }
  expect(problems).toEqual([]);
  return travelling;
}

/** Compartment codes of the reservoirs, in EXIT_KINDS order. */
const EXIT_CODES: Readonly<Record<ExitKind, number>> = {
  faeces: code('faeces'),
  urine: code('urine'),
  bone: code('boneMineral'),
  artery: code('arteryWall'),
};

/** Moves into each reservoir logged between two serials, by EXIT_KINDS index. */
function exitsLogged(world: WorldView, from: number, to: number): number[] {
  const counts = EXIT_KINDS.map(() => 0);
  const size = world.moveSlot.length;
  for (let k = from; k < to; k++) {
    const kind = EXIT_KINDS.findIndex((name) => EXIT_CODES[name] === world.moveTo[k % size]);
    if (kind >= 0) counts[kind] = (counts[kind] as number) + 1;
  }
  return counts;
}

/** Where a ghost of each kind must end its journey. */
function atExit(kind: ExitKind, x: number, y: number): boolean {
  const near = (p: Point) => Math.abs(x - p.x) < 0.01 && Math.abs(y - p.y) < 0.01;
  switch (kind) {
    case 'faeces':
      return near(GUT.faecesExit);
    case 'urine':
      return near(KIDNEY.urineExit);
    case 'bone':
      // Laid down in the mineralised matrix, straight above one of the bone-building cells.
      return inRect(BONE.matrix, x, y) && BONE.osteoblasts.some((ob) => Math.abs(x - (ob.x + ob.w / 2)) < 0.01);
    case 'artery':
      return ARTERY.depositSites.some(near);
  }
}

function snapshot(motion: PacketMotion) {
  return {
    x: Array.from(motion.x),
    y: Array.from(motion.y),
    mode: Array.from(motion.mode),
    shown: Array.from(motion.shown),
    ghostX: Array.from(motion.ghostX),
    ghostY: Array.from(motion.ghostY),
    ghostKind: Array.from(motion.ghostKind),
    ghostAlpha: Array.from(motion.ghostAlpha),
  };
}

/** Plays the world `frames` times: `ticks` ticks, then one update of `dt` seconds; checks invariants each frame. */
function play(world: World, motion: PacketMotion, frames: number, ticks: number, dt: number) {
  const logged = EXIT_KINDS.map(() => 0);
  const arrived = EXIT_KINDS.map(() => 0);
  let maxTravelling = 0;
  for (let f = 0; f < frames; f++) {
    const before = world.moveSerial;
    if (ticks > 0) world.run(ticks);
    exitsLogged(world, before, world.moveSerial).forEach((n, i) => {
      logged[i] = (logged[i] as number) + n;
    });
    motion.update(world, dt);
    maxTravelling = Math.max(maxTravelling, expectConsistent(motion, world));
    motion.takeArrivals().forEach((n, i) => {
      arrived[i] = (arrived[i] as number) + n;
    });
  }
  return { logged, arrived, maxTravelling };
}

describe('syncAll: the world as it is, without animation', () => {
  it('draws every live packet in its compartment and hides every free slot', () => {
    const world = makeWorld();
    const motion = makeMotion();
    motion.syncAll(world);
    expectConsistent(motion, world);
    let live = 0;
    let free = 0;
    for (let slot = 0; slot < world.compartment.length; slot++) {
      const c = world.compartment[slot] as number;
      if (c === FREE) free++;
      else live++;
      // Nothing is on a journey straight after a sync: blood flows, tissue packets rest.
      if (c !== FREE) expect(motion.mode[slot]).toBe(c === BLOOD ? MODE_BLOOD : MODE_TISSUE);
    }
    expect(live).toBe(world.liveCount);
    expect(free).toBeGreaterThan(0);
    expect(Array.from(motion.ghostKind).every((k) => k === 0)).toBe(true);
  });

  it('spreads blood packets round the whole loop and across the vessel', () => {
    const world = makeWorld();
    const motion = makeMotion();
    motion.syncAll(world);
    const { left, right, top, bottom } = BLOOD_LOOP;
    const sides = { top: 0, right: 0, bottom: 0, left: 0 };
    let offCentre = 0;
    for (let slot = 0; slot < world.compartment.length; slot++) {
      if (motion.mode[slot] !== MODE_BLOOD) continue;
      const x = motion.x[slot] as number;
      const y = motion.y[slot] as number;
      if (Math.abs(y - top) < 20) sides.top++;
      if (Math.abs(x - right) < 20) sides.right++;
      if (Math.abs(y - bottom) < 20) sides.bottom++;
      if (Math.abs(x - left) < 20) sides.left++;
      if (distanceFromLoop(x, y) > 3) offCentre++;
    }
    expect(Object.values(sides).every((n) => n > 5)).toBe(true);
    expect(offCentre).toBeGreaterThan(10);
  });
});

describe('update: playing the world', () => {
  it('keeps the drawn compartment equal to the world and every packet in its place while the world runs', () => {
    const world = makeWorld(11);
    const motion = makeMotion(2);
    motion.syncAll(world);
    // Two simulated days at 12 ticks a frame, 20 frames a second of visual time.
    const { maxTravelling, arrived } = play(world, motion, 240, 12, 0.05);
    expect(maxTravelling).toBeGreaterThan(0);
    expect(arrived.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Once the world stops changing, every journey ends within travelSeconds and packets settle in place.
    play(world, motion, Math.ceil(DEFAULT_MOTION.travelSeconds / 0.05) + 1, 0, 0.05);
    expect(expectConsistent(motion, world)).toBe(0);
  });

  it('picks up packets the world grew new slots for (a large meal)', () => {
    const world = makeWorld();
    const motion = makeMotion();
    motion.syncAll(world);
    const before = world.compartment.length;
    world.eat(world.compartment.length); // more packets than there are free slots
    expect(world.compartment.length).toBeGreaterThan(before);
    motion.update(world, 0);
    expect(motion.capacity).toBe(world.compartment.length);
    expectConsistent(motion, world);
  });

  it('brings a meal in from the meal point, then lets it settle in the gut lumen', () => {
    const world = makeWorld();
    const motion = makeMotion();
    world.run(12 * 60 + 30); // the next tick is lunch, 12:30
    motion.syncAll(world);
    const freeBefore = Array.from(world.compartment, (c) => c === FREE);
    world.step();
    motion.update(world, 0);
    const meal: number[] = [];
    for (let slot = 0; slot < world.compartment.length; slot++) {
      if (freeBefore[slot] && world.compartment[slot] === GUT_LUMEN) meal.push(slot);
    }
    expect(meal.length).toBeGreaterThan(20); // 350 mg in 10 mg packets
    for (const slot of meal) {
      // Paused: the packet is shown where meals arrive, about to travel down into the lumen.
      expect(motion.mode[slot]).toBe(MODE_TRAVEL);
      expect(motion.y[slot]).toBeCloseTo(GUT.mealPoint.y, 3);
      expect(Math.abs((motion.x[slot] as number) - GUT.mealPoint.x)).toBeLessThanOrEqual(15);
    }
    for (let f = 0; f < 20; f++) motion.update(world, 0.05);
    for (const slot of meal) {
      expect(motion.mode[slot]).toBe(MODE_TISSUE);
      expect(inRect(GUT.lumen, motion.x[slot] as number, motion.y[slot] as number)).toBe(true);
    }
  });
});

describe('paused (dt = 0)', () => {
  it('changes nothing when the world has not moved', () => {
    const world = makeWorld(5);
    const motion = makeMotion(5);
    motion.syncAll(world);
    play(world, motion, 50, 10, 0.05);
    const before = snapshot(motion);
    for (let k = 0; k < 5; k++) motion.update(world, 0);
    expect(snapshot(motion)).toEqual(before);
  });

  it('moves no packet that was already drawn when the world steps: it only starts journeys', () => {
    const world = makeWorld(6);
    const motion = makeMotion(6);
    world.run(12 * 60 + 25); // near lunch, so meals, absorption and exits all happen over the next ticks
    let checkedSteps = 0;
    let newPackets = 0;
    let ghostsSeen = 0;
    for (let step = 0; step < 40; step++) {
      motion.syncAll(world); // also clears ghosts, so every ghost below is from this step
      const shownBefore = Array.from(motion.shown);
      const key = (x: number, y: number) => `${x},${y}`;
      const drawnBefore: string[] = [];
      for (let slot = 0; slot < world.compartment.length; slot++) {
        if (motion.mode[slot] !== MODE_HIDDEN)
          drawnBefore.push(key(motion.x[slot] as number, motion.y[slot] as number));
      }
      const serial = world.moveSerial;
      world.step();
      const reborn = new Set<number>();
      for (let k = serial; k < world.moveSerial; k++) {
        if (world.moveFrom[k % world.moveSlot.length] === code('boneMineral')) {
          reborn.add(world.moveSlot[k % world.moveSlot.length] as number);
        }
      }
      motion.update(world, 0);
      // Packets that existed before the step are where some packet was drawn before: either still drawn (perhaps
      // at the start of a journey, perhaps swapped with an identical blood packet) or as a ghost leaving for a
      // reservoir. New packets (meals, resorbed calcium) are the only ones drawn somewhere new.
      const drawnAfter: string[] = [];
      for (let slot = 0; slot < world.compartment.length; slot++) {
        if (shownBefore[slot] === FREE) {
          if (motion.mode[slot] !== MODE_HIDDEN) newPackets++;
          continue;
        }
        if (reborn.has(slot)) continue;
        if (motion.mode[slot] !== MODE_HIDDEN) drawnAfter.push(key(motion.x[slot] as number, motion.y[slot] as number));
      }
      for (let g = 0; g < motion.ghostKind.length; g++) {
        if (motion.ghostKind[g] === 0) continue;
        ghostsSeen++;
        drawnAfter.push(key(motion.ghostX[g] as number, motion.ghostY[g] as number));
      }
      expect(drawnAfter.sort()).toEqual(drawnBefore.sort());
      expectConsistent(motion, world);
      checkedSteps++;
    }
    expect(checkedSteps).toBe(40);
    expect(newPackets).toBeGreaterThan(0);
    expect(ghostsSeen).toBeGreaterThan(0);
  });
});

describe('events happen where a packet is', () => {
  it('lets the blood packet drawn nearest the destination leave blood', () => {
    const world = makeWorld(8);
    const motion = makeMotion(8);
    const PORTS = new Map<number, Point>([
      [code('gutLumen'), LOOP_PORTS.gut],
      [code('kidneyFiltrate'), LOOP_PORTS.kidneyIn],
      [code('boneSurface'), LOOP_PORTS.bone],
      [code('arteryWall'), LOOP_PORTS.artery],
    ]);
    const checked = new Map<number, number>();
    for (let step = 0; step < 60; step++) {
      motion.syncAll(world);
      const pool: Point[] = [];
      for (let slot = 0; slot < world.compartment.length; slot++) {
        if (motion.mode[slot] === MODE_BLOOD) pool.push({ x: motion.x[slot] as number, y: motion.y[slot] as number });
      }
      const serial = world.moveSerial;
      world.step();
      motion.update(world, 0);
      for (let k = serial; k < world.moveSerial; k++) {
        const i = k % world.moveSlot.length;
        if (world.moveFrom[i] !== BLOOD) continue;
        const to = world.moveTo[i] as number;
        const port = PORTS.get(to);
        expect(port, `blood → ${to}`).toBeDefined();
        if (!port) continue;
        const d2 = (p: Point) => (p.x - port.x) ** 2 + (p.y - port.y) ** 2;
        let best = 0;
        for (let j = 1; j < pool.length; j++) if (d2(pool[j] as Point) < d2(pool[best] as Point)) best = j;
        const nearest = pool.splice(best, 1)[0] as Point;
        if (to === code('arteryWall')) continue; // leaves as a ghost; covered by the exit tests
        const slot = world.moveSlot[i] as number;
        expect(motion.mode[slot]).toBe(MODE_TRAVEL);
        expect({ x: motion.x[slot], y: motion.y[slot] }).toEqual(nearest);
        checked.set(to, (checked.get(to) ?? 0) + 1);
      }
    }
    // Filtration and exchange with bone are frequent enough to be seen within an hour.
    expect(checked.get(code('kidneyFiltrate')) ?? 0).toBeGreaterThan(5);
    expect(checked.get(code('boneSurface')) ?? 0).toBeGreaterThan(5);
  });
});

describe('exits into reservoirs', () => {
  it('sends each exit to its reservoir as a ghost and counts every arrival by kind', () => {
    // Exaggerated artery hazard so the rare artery-wall exit is seen in two days.
    const world = makeWorld(3, 1e5);
    const motion = makeMotion(3);
    motion.syncAll(world);
    const logged = EXIT_KINDS.map(() => 0);
    const arrived = EXIT_KINDS.map(() => 0);
    const fadingChecked = EXIT_KINDS.map(() => 0);
    const frame = (ticks: number) => {
      const before = world.moveSerial;
      world.run(ticks);
      exitsLogged(world, before, world.moveSerial).forEach((n, i) => {
        logged[i] = (logged[i] as number) + n;
      });
      motion.update(world, 0.05);
      expectConsistent(motion, world);
      motion.takeArrivals().forEach((n, i) => {
        arrived[i] = (arrived[i] as number) + n;
      });
      // A ghost that has begun to fade has finished its journey: it must be at its exit.
      for (let g = 0; g < motion.ghostKind.length; g++) {
        const kind = motion.ghostKind[g] as number;
        if (kind === 0 || (motion.ghostAlpha[g] as number) >= 1) continue;
        const name = EXIT_KINDS[kind - 1] as ExitKind;
        expect(atExit(name, motion.ghostX[g] as number, motion.ghostY[g] as number), `${name} ghost`).toBe(true);
        fadingChecked[kind - 1] = (fadingChecked[kind - 1] as number) + 1;
      }
    };
    for (let f = 0; f < 288; f++) frame(10); // two simulated days
    for (let f = 0; f < 40; f++) frame(0); // two seconds with the world still: every exit arrives and fades
    expect(logged.every((n) => n > 0)).toBe(true);
    expect(arrived).toEqual(logged);
    expect(fadingChecked.every((n) => n > 0)).toBe(true);
    expect(Array.from(motion.ghostKind).every((k) => k === 0)).toBe(true);
    // takeArrivals resets its count.
    expect(Array.from(motion.takeArrivals())).toEqual([0, 0, 0, 0]);
  });

  it('does not count an exit as arrived before its journey ends', () => {
    const world = makeWorld(3, 1e5);
    const motion = makeMotion(3);
    motion.syncAll(world);
    world.run(720);
    const logged = exitsLogged(world, 0, world.moveSerial);
    expect(logged.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    motion.update(world, 0);
    expect(Array.from(motion.takeArrivals())).toEqual([0, 0, 0, 0]);
    motion.update(world, DEFAULT_MOTION.travelSeconds / 2);
    expect(Array.from(motion.takeArrivals())).toEqual([0, 0, 0, 0]);
    motion.update(world, DEFAULT_MOTION.travelSeconds / 2 + 0.01);
    expect(Array.from(motion.takeArrivals())).toEqual(logged);
  });
});

describe('a reader that falls behind the move log', () => {
  it('resynchronises from the compartments when the real world ran more than a log ahead', () => {
    const world = makeWorld(4);
    const motion = makeMotion(4);
    motion.syncAll(world);
    const start = world.moveSerial;
    while (world.moveSerial - start <= world.moveSlot.length) world.run(1440);
    expect(() => motion.update(world, 0.02)).not.toThrow();
    expectConsistent(motion, world);
    // A resync shows the world as it is: no journeys, no ghosts, no arrivals from moves it could not read.
    expect(Array.from(motion.mode).includes(MODE_TRAVEL)).toBe(false);
    expect(Array.from(motion.ghostKind).every((k) => k === 0)).toBe(true);
    expect(Array.from(motion.takeArrivals())).toEqual([0, 0, 0, 0]);
    // ...and reads on normally afterwards.
    play(world, motion, 30, 10, 0.05);
  });

  /** A fake world with a tiny move log: six filtrate packets that leave for urine one by one. */
  function fakeWorld(logSize: number) {
    const compartment = new Uint8Array(6).fill(code('kidneyFiltrate'));
    const view = {
      compartment,
      moveSlot: new Int32Array(logSize),
      moveFrom: new Uint8Array(logSize),
      moveTo: new Uint8Array(logSize),
      moveSerial: 0,
    };
    const excrete = (slot: number) => {
      const i = view.moveSerial % logSize;
      view.moveSlot[i] = slot;
      view.moveFrom[i] = code('kidneyFiltrate');
      view.moveTo[i] = code('urine');
      view.moveSerial++;
      compartment[slot] = FREE;
    };
    return { view: view as WorldView, excrete };
  }

  it('replays a log exactly one ring behind, and resyncs one move further behind', () => {
    const ghosts = (m: PacketMotion) => Array.from(m.ghostKind).filter((k) => k !== 0).length;
    const exactly = fakeWorld(4);
    const a = makeMotion();
    a.syncAll(exactly.view);
    for (let slot = 0; slot < 4; slot++) exactly.excrete(slot);
    a.update(exactly.view, 0);
    expect(ghosts(a)).toBe(4);
    expectConsistent(a, exactly.view);

    const over = fakeWorld(4);
    const b = makeMotion();
    b.syncAll(over.view);
    for (let slot = 0; slot < 5; slot++) over.excrete(slot);
    expect(() => b.update(over.view, 0)).not.toThrow();
    expect(ghosts(b)).toBe(0);
    expectConsistent(b, over.view);
  });
});

describe('motion settings', () => {
  it('keeps tissue packets still with jiggle 0 (reduced motion) while blood still flows', () => {
    const world = makeWorld(9);
    const motion = makeMotion(9);
    motion.settings = { ...REDUCED_MOTION };
    motion.syncAll(world);
    const tissue: number[] = [];
    const blood: number[] = [];
    for (let slot = 0; slot < world.compartment.length; slot++) {
      if (motion.mode[slot] === MODE_TISSUE) tissue.push(slot);
      if (motion.mode[slot] === MODE_BLOOD) blood.push(slot);
    }
    expect(tissue.length).toBeGreaterThan(0);
    const xs = tissue.map((s) => motion.x[s]);
    const ys = tissue.map((s) => motion.y[s]);
    const bloodAt = blood.map((s) => [motion.x[s], motion.y[s]]);
    const bloodOffset = blood.map((s) => distanceFromLoop(motion.x[s] as number, motion.y[s] as number));
    for (let f = 0; f < 30; f++) motion.update(world, 0.05);
    expect(tissue.map((s) => motion.x[s])).toEqual(xs);
    expect(tissue.map((s) => motion.y[s])).toEqual(ys);
    // Blood flows on at a steady offset across the vessel (no sideways jiggle either).
    expect(blood.map((s) => [motion.x[s], motion.y[s]])).not.toEqual(bloodAt);
    blood.forEach((s, i) => {
      expect(distanceFromLoop(motion.x[s] as number, motion.y[s] as number)).toBeCloseTo(bloodOffset[i] as number, 2);
    });
  });

  it('jiggles tissue packets with the default settings, within their compartment', () => {
    const world = makeWorld(9);
    const motion = makeMotion(9);
    motion.syncAll(world);
    const tissue = Array.from(motion.mode.keys()).filter((s) => motion.mode[s] === MODE_TISSUE);
    const xs = tissue.map((s) => motion.x[s]);
    for (let f = 0; f < 30; f++) {
      motion.update(world, 0.05);
      expectConsistent(motion, world);
    }
    const moved = tissue.filter((s, i) => motion.x[s] !== xs[i]).length;
    expect(moved).toBeGreaterThan(tissue.length / 2);
  });

  it('carries blood clockwise round the loop at flowSpeed', () => {
    const world = makeWorld(10);
    const motion = makeMotion(10);
    motion.settings = { flowSpeed: 100, jiggle: 0, travelSeconds: 1 };
    motion.syncAll(world);
    const { left, right, top, bottom, corner } = BLOOD_LOOP;
    const straight = (v: number, lo: number, hi: number) => v > lo + corner + 15 && v < hi - corner - 15;
    const before = new Map<number, Point>();
    for (let slot = 0; slot < world.compartment.length; slot++) {
      if (motion.mode[slot] === MODE_BLOOD)
        before.set(slot, { x: motion.x[slot] as number, y: motion.y[slot] as number });
    }
    motion.update(world, 0.1); // 10 px along the loop
    const seen = { top: 0, right: 0, bottom: 0, left: 0 };
    const expectStep = (dx: number, dy: number, ex: number, ey: number) => {
      expect(dx).toBeCloseTo(ex, 2);
      expect(dy).toBeCloseTo(ey, 2);
    };
    for (const [slot, p] of before) {
      const dx = (motion.x[slot] as number) - p.x;
      const dy = (motion.y[slot] as number) - p.y;
      if (Math.abs(p.y - top) < 20 && straight(p.x, left, right)) {
        expectStep(dx, dy, 10, 0);
        seen.top++;
      } else if (Math.abs(p.x - right) < 20 && straight(p.y, top, bottom)) {
        expectStep(dx, dy, 0, 10);
        seen.right++;
      } else if (Math.abs(p.y - bottom) < 20 && straight(p.x, left, right)) {
        expectStep(dx, dy, -10, 0);
        seen.bottom++;
      } else if (Math.abs(p.x - left) < 20 && straight(p.y, top, bottom)) {
        expectStep(dx, dy, 0, -10);
        seen.left++;
      }
    }
    expect(Object.values(seen).every((n) => n > 3)).toBe(true);
  });
});
