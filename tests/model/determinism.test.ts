/** Results depend only on (seed, inputs by tick, tick count). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calciumTable } from '../../src/machines/calcium.table';
import { createPrng, poisson } from '../../src/model/prng';
import { simulate } from '../../src/model/simulate';
import { World } from '../../src/model/world';
import { scenario } from '../helpers';

describe('seeded randomness', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c.next())).not.toEqual(xs);
  });

  it('is uniform on [0, 1) and Poisson counts have the right mean', () => {
    const prng = createPrng(5);
    const bins = new Array(10).fill(0);
    let low = 1;
    let high = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = prng.next();
      low = Math.min(low, u);
      high = Math.max(high, u);
      bins[Math.floor(u * 10)]++;
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(500); // ~5 SD
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += poisson(prng, 2.5);
    expect(sum / 20_000).toBeCloseTo(2.5, 1);
  });
});

describe('the world', () => {
  it('gives identical runs for the same seed, packet for packet', () => {
    const make = () => new World({ inputs: scenario(), seed: 11, table: calciumTable() });
    const a = make();
    const b = make();
    a.run(1500);
    b.run(1500);
    expect(Array.from(a.compartment)).toEqual(Array.from(b.compartment));
    expect(a.conservationUnits()).toEqual(b.conservationUnits());
    expect(a.model).toEqual(b.model);
  });

  it('gives the same result however the ticks are batched into frames', () => {
    const batched = new World({ inputs: scenario(), seed: 4, table: calciumTable() });
    const single = new World({ inputs: scenario(), seed: 4, table: calciumTable() });
    for (const n of [1, 7, 60, 3, 16, 500, 853]) batched.run(n);
    for (let i = 0; i < 1440; i++) single.step();
    expect(Array.from(batched.compartment)).toEqual(Array.from(single.compartment));
  });

  it('differs between seeds while telling the same story', () => {
    const a = simulate({ days: 1, seed: 1 });
    const b = simulate({ days: 1, seed: 2 });
    expect(a.totalsMg).not.toEqual(b.totalsMg);
    expect(Math.abs(a.fractionalAbsorption - b.fractionalAbsorption)).toBeLessThan(0.1);
  });
});

describe('src/model stays deterministic', () => {
  it('uses no Math.random, Date.now, performance.now or new Date', () => {
    const dir = join(__dirname, '../../src/model');
    for (const file of readdirSync(dir)) {
      const code = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/Math\.random|Date\.now|performance\.now|new Date\(/);
    }
  });
});
