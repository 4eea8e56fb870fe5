/**
 * Hostile command lines for the headless runner: thousands of random argument lists built from real flags, near
 * misses and odd values. parseArgs either returns options the model accepts or throws a UsageError (never anything
 * else) whose message is one clear line naming the flag; main() turns every bad input into exit code 2 with one
 * "simulate: …" line on stderr and nothing on stdout. Seeded: a failure names the seed and the arguments.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { main } from '../../src/cli/simulate';
import { validateInputPatch } from '../../src/model/inputs';
import { createPrng, type Prng } from '../../src/model/prng';

const SEED = 20260303;
const CASES = 4000;
/** main() runs the model for the command lines it accepts, so fewer of those. */
const MAIN_CASES = 500;

const FLAGS = [
  '--calcium',
  '--d3',
  '--k2',
  '--k2-form',
  '--k1',
  '--warfarin',
  '--mgp-absent',
  '--age',
  '--sex',
  '--days',
  '--years',
  '--seed',
  '--mode',
  '--packet-mg',
  '--json',
  '--help',
];
const NEAR_MISSES = [
  '--Calcium',
  '--calcium ',
  '-calcium',
  '—calcium',
  '--',
  '-',
  '--=',
  '--calcium==5',
  '--json=1',
  '--warfarin=',
  '--k2_form',
  '--d3=',
  '--__proto__',
  '--constructor',
  '--toString',
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  '-h',
  '--h',
  '--colour',
  '--calcium\n',
  '',
  ' ',
];
const VALUES = [
  '0',
  '1',
  '2',
  '5',
  '18',
  '90',
  '800',
  '3000',
  '3001',
  '-1',
  '-0',
  '1.5',
  '1e3',
  '1e999',
  '-1e999',
  'NaN',
  'Infinity',
  '0x10',
  '0b11',
  ' 5 ',
  '5mg',
  '',
  '\n',
  '١٢',
  '4294967295',
  '4294967296',
  'mk4',
  'mk7',
  'MK7',
  'female',
  'male',
  'x',
  'ode',
  'particles',
  '__proto__',
  'x'.repeat(2000),
  '\u001b[31m',
];

const pick = <T>(prng: Prng, list: readonly T[]): T => list[Math.floor(prng.next() * list.length)] as T;

/** A random command line: flags with values (some inline), near misses, stray values. */
function randomArgv(prng: Prng): string[] {
  const argv: string[] = [];
  const length = Math.floor(prng.next() * 7);
  for (let i = 0; i < length; i++) {
    const r = prng.next();
    if (r < 0.55) {
      const flag = pick(prng, FLAGS);
      const value = pick(prng, VALUES);
      if (prng.next() < 0.25) argv.push(`${flag}=${value}`);
      else argv.push(flag, ...(prng.next() < 0.85 ? [value] : []));
    } else if (r < 0.8) {
      argv.push(pick(prng, NEAR_MISSES));
    } else {
      argv.push(pick(prng, VALUES));
    }
  }
  return argv;
}

/** Quiet sinks for main(): what it writes, joined. */
function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => ({ write: (text: string) => into.push(text) > 0 }) as never;
  const code = main(argv, sink(out), sink(err));
  return { code, out: out.join(''), err: err.join('') };
}

/** A problem message: one line, not empty, nothing that moves a terminal's cursor, no internals. */
function expectOneClearLine(message: string, where: string): void {
  expect(message.trim().length, where).toBeGreaterThan(0);
  expect(message, where).not.toMatch(/[\n\r]/);
  expect(
    [...message].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f'),
    where,
  ).toBe(false);
  expect(message, where).not.toMatch(/\[object |undefined|at Object\.|TypeError|RangeError/);
}

describe('fuzzed command lines', () => {
  it(`parseArgs returns valid options or throws one clear UsageError line, over ${CASES} random argument lists`, () => {
    const prng = createPrng(SEED);
    let accepted = 0;
    let rejected = 0;
    for (let c = 0; c < CASES; c++) {
      const argv = randomArgv(prng);
      const where = `seed ${SEED}, case ${c}: ${JSON.stringify(argv).slice(0, 300)}`;
      let parsed: ReturnType<typeof parseArgs> | undefined;
      try {
        parsed = parseArgs(argv);
      } catch (error) {
        expect(error, where).toBeInstanceOf(UsageError);
        const message = (error as Error).message;
        expectOneClearLine(message, where);
        // It names a flag (or the stray argument) the user typed.
        expect(message, where).toMatch(/^(unknown flag |--[a-z0-9-]+ )/);
        rejected++;
        continue;
      }
      accepted++;
      const { options, json, help } = parsed;
      expect(typeof json, where).toBe('boolean');
      expect(typeof help, where).toBe('boolean');
      // Whatever was accepted is what the model accepts.
      expect(validateInputPatch({ ...options.inputs }).problems, where).toEqual([]);
      for (const key of ['days', 'years', 'seed', 'packetMg'] as const) {
        const value = options[key];
        if (value !== undefined) expect(Number.isFinite(value), `${where}: ${key}`).toBe(true);
      }
      if (options.seed !== undefined) {
        expect(Number.isInteger(options.seed) && options.seed >= 0 && options.seed <= 0xffffffff, where).toBe(true);
      }
      expect(Object.getPrototypeOf(options.inputs), where).toBe(Object.prototype);
    }
    // Both paths are exercised.
    expect(accepted).toBeGreaterThan(CASES / 20);
    expect(rejected).toBeGreaterThan(CASES / 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);

  it('main exits 2 with one "simulate:" line and no output for every bad command line, and runs the good ones', () => {
    const prng = createPrng(SEED + 1);
    let bad = 0;
    let ran = 0;
    for (let c = 0; c < MAIN_CASES; c++) {
      const argv = randomArgv(prng);
      const where = `seed ${SEED + 1}, case ${c}: ${JSON.stringify(argv).slice(0, 300)}`;
      let parsed: ReturnType<typeof parseArgs> | null = null;
      try {
        parsed = parseArgs(argv);
      } catch {
        // main must say the same thing, its own way.
      }
      // Keep the good runs short: long spans are the model's business (tests/model), not the flags'.
      const { days, years, packetMg } = parsed?.options ?? {};
      if (parsed && !parsed.help && ((days ?? 1) > 2 || (years ?? 0) > 2 || (packetMg ?? 5) < 2)) continue;
      let result: ReturnType<typeof capture> | undefined;
      expect(() => {
        result = capture(argv);
      }, where).not.toThrow();
      if (!result) throw new Error(where);
      if (result.code === 2) {
        bad++;
        expect(result.out, where).toBe('');
        expect(result.err.endsWith('\n'), where).toBe(true);
        const line = result.err.slice(0, -1);
        expect(line.startsWith('simulate: '), where).toBe(true);
        expectOneClearLine(line, where);
      } else {
        ran++;
        expect(result.code, where).toBe(0);
        expect(result.err, where).toBe('');
        if (parsed?.json && !parsed.help) expect(() => JSON.parse(result?.out ?? ''), where).not.toThrow();
        else expect(result.out.length, where).toBeGreaterThan(0);
      }
    }
    expect(bad).toBeGreaterThan(100);
    expect(ran).toBeGreaterThan(10);
  }, 120_000);

  it('treats names every object inherits as unknown flags, not as flags that take a value', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(() => parseArgs([name, '5']), name).toThrowError(`unknown flag "${name}"`);
    }
  });
});
