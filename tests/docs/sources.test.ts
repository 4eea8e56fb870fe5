/** Every number in the model cites a source that docs/sources.md lists, and the list has nothing extra. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { P } from '../../src/model/params';
import { SOURCE_KEYS } from '../../src/model/sources';

const doc = readFileSync(`${__dirname}/../../docs/sources.md`, 'utf8');
const documented = [...doc.matchAll(/^### `([A-Z0-9_]+)`/gm)].map((m) => m[1]);

describe('sources', () => {
  it('documents exactly the source keys the code knows', () => {
    expect([...documented].sort()).toEqual([...SOURCE_KEYS].sort());
  });

  it('gives every parameter a unit and at least one source', () => {
    for (const [name, p] of Object.entries(P)) {
      expect(p.sources.length, name).toBeGreaterThan(0);
      expect(p.unit.length, name).toBeGreaterThan(0);
      expect(Number.isFinite(p.value), name).toBe(true);
    }
  });

  it('cites every documented source somewhere in the model', () => {
    const used = new Set(Object.values(P).flatMap((p) => p.sources));
    const unusedInParams = SOURCE_KEYS.filter((k) => !used.has(k));
    // Keys cited only in code comments (not as parameters) must still appear in src/model.
    const code = ['physiology', 'vitaminD', 'vitaminK', 'artery', 'bone', 'meals', 'integrator']
      .map((f) => readFileSync(`${__dirname}/../../src/model/${f}.ts`, 'utf8'))
      .join('\n');
    for (const key of unusedInParams) expect(code, key).toContain(key);
  });
});
