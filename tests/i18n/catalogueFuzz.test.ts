/**
 * Broken translations: random catalogues made from the real English one, with strings missing, empty, not text,
 * with a placeholder dropped, renamed or added, reordered (allowed), plus keys English does not have, including
 * names every object inherits. checkCatalogue never throws, and every English key ends up exactly once either
 * among the usable strings (with English's placeholders) or counted in a problem; every problem line is one line
 * naming the language. Seeded: a failure names the seed and the case.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalogue, placeholdersOf } from '../../src/i18n/checkCatalogue';
import { englishCatalogue } from '../../src/i18n/index';
import { createPrng, type Prng } from '../../src/model/prng';

const SEED = 20260304;
const CASES = 300;

const english = englishCatalogue();
const keys = Object.keys(english);

const pick = <T>(prng: Prng, list: readonly T[]): T => list[Math.floor(prng.next() * list.length)] as T;

type Fate = 'good' | 'missing' | 'notText' | 'placeholders';

/** A translation of `source` that keeps its placeholders (in another order, in other words). */
function goodTranslation(prng: Prng, source: string): string {
  const names = [...source.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1]}}`);
  if (prng.next() < 0.5) names.reverse();
  return `«${pick(prng, ['traducción', '翻译', 'перевод', 'x'])}» ${names.join(' … ')}`.trim();
}

/** A translation with other placeholders than English: one dropped, renamed, added, or mis-braced. */
function wrongPlaceholders(prng: Prng, source: string): string {
  const names = [...source.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const r = prng.next();
  if (names.length > 0 && r < 0.4)
    return `sin ${names
      .slice(1)
      .map((n) => `{${n}}`)
      .join(' ')}`;
  if (names.length > 0 && r < 0.7) return source.replace(`{${names[0]}}`, `{${names[0]}x}`);
  return `${source} {extra}`;
}

const NOT_TEXT: readonly unknown[] = ['', '   ', '\n\t', null, 0, 7, true, false, [], ['a'], {}, { en: 'x' }];
const EXTRA_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'zz.unknown', '', ' '];

interface Made {
  readonly translated: Record<string, unknown>;
  readonly fate: Map<string, Fate>;
  readonly extra: Set<string>;
}

function randomCatalogue(prng: Prng): Made {
  // Made with a null prototype and defineProperty, as JSON.parse would: "__proto__" is then an ordinary own key.
  const translated: Record<string, unknown> = Object.create(null);
  const put = (key: string, value: unknown): void => {
    Object.defineProperty(translated, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const fate = new Map<string, Fate>();
  // Some catalogues are nearly complete, some nearly empty (a file that failed to load).
  const missingRate = pick(prng, [0, 0.02, 0.2, 0.9, 1]);
  const brokenRate = pick(prng, [0, 0.05, 0.3]);
  for (const key of keys) {
    const source = english[key] as string;
    if (prng.next() < missingRate) {
      fate.set(key, 'missing');
      continue;
    }
    const r = prng.next();
    if (r < brokenRate / 2) {
      put(key, pick(prng, NOT_TEXT));
      fate.set(key, 'notText');
    } else if (r < brokenRate) {
      const value = wrongPlaceholders(prng, source);
      put(key, value);
      fate.set(key, placeholdersOf(value) === placeholdersOf(source) ? 'good' : 'placeholders');
    } else {
      put(key, goodTranslation(prng, source));
      fate.set(key, 'good');
    }
  }
  const extra = new Set<string>();
  const extras = Math.floor(prng.next() * 4);
  for (let i = 0; i < extras; i++) {
    const key = pick(prng, EXTRA_KEYS);
    put(key, pick(prng, ['x', 1, null]));
    extra.add(key);
  }
  // Shuffle the order keys were written in (a translator's file need not follow English's).
  const shuffled: Record<string, unknown> = Object.create(null);
  const entries = Object.entries(translated);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  for (const [key, value] of entries) {
    Object.defineProperty(shuffled, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { translated: shuffled, fate, extra };
}

/** "xx: 12 strings missing (a, b, …)" → 12 and the keys listed. */
function counted(problems: readonly string[], tag: string, kind: string): { n: number; listed: string[] } {
  const line = problems.find((p) => p.startsWith(`${tag}: `) && p.includes(` strings ${kind} (`));
  if (!line) return { n: 0, listed: [] };
  const match = /^[^:]+: (\d+) strings [^(]+\((.*)\)$/.exec(line);
  if (!match) throw new Error(`unreadable problem line: ${line}`);
  const listed = (match[2] ?? '').split(', ').filter((k) => k !== '…');
  return { n: Number(match[1]), listed };
}

describe('fuzzed catalogues', () => {
  it(`accounts for every English key in ${CASES} random catalogues, and never throws`, { timeout: 30_000 }, () => {
    const prng = createPrng(SEED);
    expect(keys.length).toBeGreaterThan(100);
    for (let c = 0; c < CASES; c++) {
      const where = `seed ${SEED}, case ${c}`;
      const { translated, fate, extra } = randomCatalogue(prng);
      let result: ReturnType<typeof checkCatalogue> | undefined;
      expect(() => {
        result = checkCatalogue(english, translated, 'xx');
      }, where).not.toThrow();
      if (!result) throw new Error(where);
      const { strings, problems } = result;

      // Usable strings: exactly the good ones, each with English's placeholders, and only English keys.
      const unusable = Object.entries(strings).filter(
        ([key, value]) =>
          !Object.hasOwn(english, key) || placeholdersOf(value) !== placeholdersOf(english[key] as string),
      );
      expect(unusable, where).toEqual([]);
      const good = [...fate].filter(([, f]) => f === 'good').map(([k]) => k);
      expect(Object.keys(strings).sort(), where).toEqual(good.sort());

      // Everything else is counted, by kind, and the keys listed are of that kind.
      const tally = (kind: string, f: Fate): number => {
        const { n, listed } = counted(problems, 'xx', kind);
        const expected = [...fate].filter(([, x]) => x === f).map(([k]) => k);
        expect(n, `${where}: ${kind}`).toBe(expected.length);
        expect(listed.length, `${where}: ${kind}`).toBe(Math.min(5, expected.length));
        expect(
          listed.filter((key) => !expected.includes(key)),
          `${where}: ${kind}`,
        ).toEqual([]);
        return n;
      };
      const missing = tally('missing', 'missing');
      const notText = tally('empty or not text', 'notText');
      const wrong = tally('with other placeholders than English', 'placeholders');
      expect(Object.keys(strings).length + missing + notText + wrong, where).toBe(keys.length);
      expect(counted(problems, 'xx', 'English does not have').n, where).toBe(extra.size);

      for (const line of problems) {
        expect(line.startsWith('xx: '), `${where}: ${line}`).toBe(true);
        expect(line, where).not.toMatch(/[\n\r]|\[object |undefined/);
      }
      expect(problems.length === 0, where).toBe(good.length === keys.length && extra.size === 0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats a complete, correct catalogue as clean, and an empty one as all missing', () => {
    const copy = Object.fromEntries(keys.map((k) => [k, english[k]]));
    expect(checkCatalogue(english, copy, 'xx')).toEqual({ strings: copy, problems: [] });
    const empty = checkCatalogue(english, {}, 'xx');
    expect(empty.strings).toEqual({});
    expect(empty.problems).toEqual([`xx: ${keys.length} strings missing (${keys.slice(0, 5).join(', ')}, …)`]);
  });
});
