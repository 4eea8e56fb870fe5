/** Every number in the model cites a source that docs/sources.md lists, and the list has nothing extra. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { P } from '../../src/model/params';
import { SOURCE_KEYS } from '../../src/model/sources';

const doc = readFileSync(`${__dirname}/../../docs/sources.md`, 'utf8');
const documented = [...doc.matchAll(/^### `([A-Z0-9_]+)`/gm)].map((m) => m[1]);

/** The text of one key's section in docs/sources.md. */
function section(key: string): string {
  const start = doc.indexOf(`### \`${key}\``);
  const next = doc.indexOf('\n### ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

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

  it('cites every documented source somewhere in the model or the teaching content', () => {
    const used = new Set(Object.values(P).flatMap((p) => p.sources));
    const unusedInParams = SOURCE_KEYS.filter((k) => !used.has(k));
    // Keys cited only in code comments (not as parameters) must still appear in src/model, or in the teaching
    // content (src/ui/content: food equivalents, evidence badges, notices), which cites sources of its own.
    const modelFiles = ['physiology', 'vitaminD', 'vitaminK', 'artery', 'bone', 'meals', 'integrator', 'inputs'].map(
      (f) => `${__dirname}/../../src/model/${f}.ts`,
    );
    const contentDir = `${__dirname}/../../src/ui/content`;
    const contentFiles = readdirSync(contentDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${contentDir}/${f}`);
    const code = [...modelFiles, ...contentFiles].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const key of unusedInParams) expect(code, key).toContain(key);
  });

  it('names every parameter in the section of each source it cites', () => {
    for (const [name, p] of Object.entries(P)) {
      for (const key of p.sources) expect(section(key), `${name} under ${key}`).toContain(`\`${name}\``);
    }
  });

  it('quotes each parameter with its current value', () => {
    // Wherever docs/sources.md writes "`name` (number …" or "`name` (a/b …", the number must be the parameter's
    // value (or, for fractions quoted as percentages, its value × 100).
    for (const match of doc.matchAll(/`([a-zA-Z0-9]+)` \((-?[\d.,]+(?:\/[\d.]+)?)/g)) {
      const [, name, quoted] = match as unknown as [string, string, string];
      const p = (P as Record<string, { value: number }>)[name];
      if (!p) continue;
      const [top, bottom = '1'] = quoted.replace(/,/g, '').replace(/\.$/, '').split('/');
      const n = Number(top) / Number(bottom);
      const matches = [p.value, p.value * 100].some((v) => Math.abs(v - n) <= 1e-9 + 0.005 * Math.abs(v));
      expect(matches, `${name}: docs say ${quoted}, params.ts has ${p.value}`).toBe(true);
    }
  });
});
