/** Protein markers follow the Gla-protein machine's moves and the model's carboxylated fractions. */
import { describe, expect, it } from 'vitest';
import { calciumTable } from '../../src/machines/calcium.table';
import { compileProteinTable, proteinTable } from '../../src/machines/gla.table';
import { NO_MOVE } from '../../src/model/compartments';
import { deriveHabit } from '../../src/model/physiology';
import { PROTEIN_EVENTS, PROTEIN_STATES, ProteinMarkers } from '../../src/model/proteins';
import { World } from '../../src/model/world';
import { scenario } from '../helpers';

const move = (from: string, event: string) => {
  const to =
    compileProteinTable()[
      PROTEIN_STATES.indexOf(from as never) * PROTEIN_EVENTS.length + PROTEIN_EVENTS.indexOf(event as never)
    ];
  return to === NO_MOVE ? null : PROTEIN_STATES[to as number];
};

describe('protein table compiled from the Gla-protein machine', () => {
  it('has exactly the moves the machine allows', () => {
    expect(move('glu', 'CARBOXYLATE')).toBe('gla');
    expect(move('gla', 'BIND_MINERAL')).toBe('bound');
    for (const s of ['glu', 'gla', 'bound']) expect(move(s, 'CLEAR')).toBe('cleared');
    expect(move('glu', 'BIND_MINERAL')).toBeNull();
    expect(move('bound', 'CARBOXYLATE')).toBeNull();
    expect(move('cleared', 'CARBOXYLATE')).toBeNull();
  });
});

describe('protein markers', () => {
  it.each([0.2, 0.45, 0.8])('settle at the model’s carboxylated fraction (%s)', (f) => {
    const markers = new ProteinMarkers(3000, proteinTable(), 1, 0.5);
    for (let t = 0; t < 3 * 1440; t++) markers.step(f);
    // 3,000 markers: binomial SD ≈ 0.009; a day of renewal leaves the start value well behind.
    expect(markers.carboxylatedShare()).toBeCloseTo(f, 1);
  });

  it('show less carboxylated MGP under warfarin, and none at all when MGP is absent', () => {
    const world = (over: Parameters<typeof scenario>[0]) =>
      new World({
        inputs: scenario(over),
        seed: 2,
        table: calciumTable(),
        proteins: { table: proteinTable(), count: 400 },
      });
    const typical = world({});
    const warfarin = world({ warfarin: true });
    typical.run(1440);
    warfarin.run(1440);
    expect(warfarin.mgp?.carboxylatedShare()).toBeLessThan((typical.mgp?.carboxylatedShare() ?? 0) - 0.1);
    expect(
      Math.abs((warfarin.mgp?.carboxylatedShare() ?? 0) - deriveHabit(scenario({ warfarin: true })).carboxylatedMgp),
    ).toBeLessThan(0.1);
    const knockout = world({ mgpAbsent: true });
    knockout.run(60);
    expect(Array.from(knockout.mgp?.state ?? []).every((s) => PROTEIN_STATES[s] === 'cleared')).toBe(true);
    expect(knockout.osteocalcin?.carboxylatedShare()).toBeGreaterThan(0);
  });

  it('never change what the calcium packets do', () => {
    const plain = new World({ inputs: scenario(), seed: 5, table: calciumTable() });
    const withMarkers = new World({
      inputs: scenario(),
      seed: 5,
      table: calciumTable(),
      proteins: { table: proteinTable(), count: 24 },
    });
    plain.run(800);
    withMarkers.run(800);
    expect(Array.from(withMarkers.compartment)).toEqual(Array.from(plain.compartment));
  });
});
