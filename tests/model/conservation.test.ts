/** Calcium is conserved: exactly for packets, to rounding for the integrators. */
import { describe, expect, it } from 'vitest';
import { calciumTable } from '../../src/machines/calcium.table';
import { fastPoolsMg, referenceState, runTicks, settle, TICKS_PER_DAY } from '../../src/model/integrator';
import { deriveHabit } from '../../src/model/physiology';
import { World } from '../../src/model/world';
import { runYears } from '../../src/model/years';
import { scenario } from '../helpers';

const scenarios = [
  scenario(),
  scenario({ calciumMgPerDay: 0, d3IuPerDay: 0 }),
  scenario({ calciumMgPerDay: 3000, d3IuPerDay: 50000, warfarin: true, mgpAbsent: true, ageYears: 90 }),
];

describe('packets', () => {
  it.each(scenarios)('are conserved exactly, tick by tick, for %o', (inputs) => {
    const world = new World({ inputs, seed: 3, table: calciumTable(), packetMg: 2, arteryExaggeration: 1e5 });
    for (let tick = 0; tick < TICKS_PER_DAY * 2; tick++) {
      world.step();
      if (tick % 97 === 0 || tick === TICKS_PER_DAY * 2 - 1) {
        const { start, eaten, now } = world.conservationUnits();
        expect(now).toBe(start + eaten);
      }
    }
    // The counts kept for the renderer match the slots.
    const fromSlots = new Int32Array(world.counts.length);
    for (const c of world.compartment) if (c !== 255) fromSlots[c] = (fromSlots[c] as number) + 1;
    expect(Array.from(fromSlots)).toEqual(Array.from(world.counts));
  });

  it('are conserved when inputs change mid-run', () => {
    const world = new World({ inputs: scenario(), seed: 9, table: calciumTable() });
    world.run(600);
    world.setInputs(scenario({ calciumMgPerDay: 2500, d3IuPerDay: 0 }));
    world.run(900);
    const { start, eaten, now } = world.conservationUnits();
    expect(now).toBe(start + eaten);
  });
});

describe('the integrator', () => {
  it.each(scenarios)('balances intake against outputs and stores over three days for %o', (inputs) => {
    const habit = deriveHabit(inputs);
    const s = settle(referenceState(), habit);
    const before = { fast: fastPoolsMg(s), bone: s.boneMineral, artery: s.arteryWall };
    runTicks(s, habit, 3 * TICKS_PER_DAY);
    const t = s.totals;
    const stored = fastPoolsMg(s) - before.fast + (s.boneMineral - before.bone) + (s.arteryWall - before.artery);
    expect(t.eaten - t.faeces - t.urine - stored).toBeCloseTo(0, 6);
    expect(t.mineralised - t.resorbed).toBeCloseTo(s.boneMineral - before.bone, 6);
  });

  it('balances over 30 years of the years integrator', () => {
    const course = runYears(scenario({ ageYears: 45 }), 30);
    const s = course.state;
    const t = s.totals;
    const stored =
      fastPoolsMg(s) - course.startFastPoolsMg + (s.boneMineral - course.startBoneMineralMg) + s.arteryWall;
    expect(Math.abs(t.eaten - t.faeces - t.urine - stored) / t.eaten).toBeLessThan(1e-9);
  });
});
