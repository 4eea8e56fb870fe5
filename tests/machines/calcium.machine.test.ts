/**
 * Model-based tests of the calcium lifecycle: every simple path of the machine (xstate/graph) is replayed on the
 * real world with forced outcomes, and the packet must be where the machine says after every step. This proves
 * the world follows the spec, not just that the table was copied.
 */

import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { calciumMachine } from '../../src/machines/calcium.machine';
import { calciumTable, compileCalciumTable } from '../../src/machines/calcium.table';
import { COMPARTMENTS, type Compartment, FLUX_EVENTS, type FluxEvent, NO_MOVE } from '../../src/model/compartments';
import { referenceState } from '../../src/model/integrator';
import { World } from '../../src/model/world';
import { scenario } from '../helpers';

const events = FLUX_EVENTS.map((type) => ({ type }));
const RESERVOIRS: Compartment[] = ['boneMineral', 'arteryWall', 'urine', 'faeces'];

/** A world holding no packets at all, so one packet can be followed alone. */
function emptyWorld(): World {
  const start = { ...referenceState(), gut: 0, enterocyte: 0, ecf: 0, filtrate: 0, boneSurface: 0 };
  return new World({ inputs: scenario(), seed: 1, table: calciumTable(), start });
}

function reservoirUnits(world: World, where: Compartment): number {
  if (where === 'boneMineral') return world.boneMineralUnits;
  if (where === 'arteryWall') return world.arteryUnits;
  if (where === 'urine') return world.urineUnits;
  return world.faecesUnits;
}

describe('calcium lifecycle machine', () => {
  const simplePaths = getSimplePaths(calciumMachine, { events });

  it('reaches every compartment from the gut lumen', () => {
    const reached = new Set(getShortestPaths(calciumMachine, { events }).map((p) => p.state.value as string));
    expect([...reached].sort()).toEqual([...COMPARTMENTS].sort());
  });

  it('compiles to a table that agrees with xstate on every (state, event) pair', () => {
    const table = compileCalciumTable();
    let legal = 0;
    for (const [c, from] of COMPARTMENTS.entries()) {
      for (const [e, type] of FLUX_EVENTS.entries()) {
        const snapshot = calciumMachine.resolveState({ value: from });
        const can = snapshot.can({ type });
        expect(table[c * FLUX_EVENTS.length + e] !== NO_MOVE, `${from} ${type}`).toBe(can);
        if (can) legal++;
      }
    }
    expect(legal).toBe(13);
  });

  it.each(simplePaths.map((path) => [path.steps.map((s) => s.event.type).join(' → '), path] as const))(
    'the world follows the path %s',
    (_, path) => {
      const world = emptyWorld();
      let slot = world.eat(1);
      for (const step of path.steps.slice(1)) {
        const type = step.event.type as FluxEvent;
        const expected = step.state.value as Compartment;
        if (type === 'RESORB') {
          // The skeleton is a reservoir: resorption releases a new packet from it into blood.
          slot = world.resorbOne();
          expect(slot).toBeGreaterThanOrEqual(0);
        } else {
          const before = RESERVOIRS.includes(expected) ? reservoirUnits(world, expected) : 0;
          expect(world.applyEvent(slot, type), `${type} applies`).toBe(true);
          if (RESERVOIRS.includes(expected)) {
            expect(reservoirUnits(world, expected)).toBe(before + 1);
            expect(world.liveCount).toBe(0);
            continue;
          }
        }
        expect(COMPARTMENTS[world.compartment[slot] as number]).toBe(expected);
        const { start, eaten, now } = world.conservationUnits();
        expect(now).toBe(start + eaten);
      }
    },
  );

  it('refuses moves the machine does not allow', () => {
    const world = emptyWorld();
    const slot = world.eat(1);
    expect(world.applyEvent(slot, 'FILTER')).toBe(false);
    expect(world.applyEvent(slot, 'MINERALISE')).toBe(false);
    expect(COMPARTMENTS[world.compartment[slot] as number]).toBe('gutLumen');
  });
});
