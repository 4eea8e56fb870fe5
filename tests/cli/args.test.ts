/** The headless runner's flags: every problem is one clear line and exit code 2. */
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { main } from '../../src/cli/simulate';
import { DEFAULT_INPUTS } from '../../src/model/inputs';

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => ({ write: (text: string) => into.push(text) > 0 }) as never;
  const code = main(argv, sink(out), sink(err));
  return { code, out: out.join(''), err: err.join('') };
}

describe('parseArgs', () => {
  it('reads every flag of the contract', () => {
    const { options, json } = parseArgs([
      '--calcium',
      '800',
      '--d3',
      '0',
      '--k2',
      '180',
      '--k2-form',
      'mk4',
      '--k1',
      '90',
      '--warfarin',
      '--age',
      '67',
      '--sex',
      'male',
      '--days',
      '3',
      '--seed',
      '12',
      '--mode',
      'ode',
      '--json',
    ]);
    expect(options.inputs).toEqual({
      ...DEFAULT_INPUTS,
      calciumMgPerDay: 800,
      d3IuPerDay: 0,
      k2UgPerDay: 180,
      k2Form: 'mk4',
      k1UgPerDay: 90,
      warfarin: true,
      ageYears: 67,
      sex: 'male',
    });
    expect(options).toMatchObject({ days: 3, seed: 12, mode: 'ode' });
    expect(json).toBe(true);
  });

  it('accepts --flag=value', () => {
    expect(parseArgs(['--calcium=750']).options.inputs.calciumMgPerDay).toBe(750);
  });

  it.each([
    [['--bogus'], /unknown flag "--bogus"/],
    [['--calcium'], /--calcium needs a value/],
    [['--calcium', '--json'], /--calcium needs a value/],
    [['--calcium', 'lots'], /--calcium needs a number/],
    [['--calcium', '5000'], /--calcium must be between 0 and 3000 mg\/day/],
    [['--d3', '-1'], /--d3 must be between 0 and 50000/],
    [['--age', '12'], /--age must be between 18 and 90/],
    [['--k2-form', 'mk9'], /--k2-form must be one of mk7, mk4/],
    [['--sex', 'x'], /--sex must be one of female, male/],
    [['--days', '1.5'], /--days needs a whole number/],
    [['--seed', '-2'], /--seed must be from 0/],
    [['--warfarin=yes'], /--warfarin takes no value/],
    [['--days', '2', '--days', '3'], /--days given more than once/],
    [['--calcium', ''], /--calcium needs a number/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrowError(UsageError);
    expect(() => parseArgs(argv)).toThrowError(message);
  });
});

describe('main', () => {
  it('prints one JSON object with the contract fields', () => {
    const { code, out } = capture(['--json', '--mode', 'ode']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result.totalsMg).sort()).toEqual([
      'absorbed',
      'artery',
      'boneIn',
      'boneOut',
      'eaten',
      'faeces',
      'secretedIntoGut',
      'urine',
    ]);
    for (const key of [
      'fractionalAbsorption',
      'serumCalciumMmolL',
      'pthRelative',
      'calcitriolRelative',
      'carboxylatedFraction',
      'inputs',
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('prints a year series for --years', () => {
    const { code, out } = capture(['--years', '3', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.mode).toBe('ode');
    expect(result.yearsSeries).toHaveLength(3);
    expect(result.yearsSeries[2]).toHaveProperty('bonePercentOfStart');
    expect(result.yearsSeries[2]).toHaveProperty('arteryMg');
  });

  it('prints a readable table without --json', () => {
    const { code, out } = capture(['--days', '1']);
    expect(code).toBe(0);
    expect(out).toMatch(/Faeces\s+\d[\d,]* mg/);
    expect(out).toMatch(/not medical or dietary advice/);
  });

  it.each([
    [['--nope']],
    [['--calcium', '-5']],
    [['--years', '2', '--mode', 'particles']],
    [['--years', '2', '--days', '2']],
    [['--days', '400']],
    [['--years', '81']],
  ])('exits 2 with one line for %j', (argv) => {
    const { code, out, err } = capture(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^simulate: /);
  });

  it('answers sensibly across the whole input range', () => {
    for (const argv of [
      ['--calcium', '0', '--d3', '0', '--k2', '0', '--k1', '0', '--age', '18'],
      ['--calcium', '3000', '--d3', '50000', '--k2', '1000', '--k1', '1500', '--age', '90', '--warfarin'],
      ['--mgp-absent', '--sex', 'male'],
    ]) {
      const { code, out } = capture([...argv, '--json', '--mode', 'ode']);
      expect(code).toBe(0);
      const r = JSON.parse(out);
      expect(r.fractionalAbsorption).toBeGreaterThanOrEqual(0);
      expect(r.fractionalAbsorption).toBeLessThan(1);
      expect(r.serumCalciumMmolL.mean).toBeGreaterThan(1.8);
      expect(r.serumCalciumMmolL.mean).toBeLessThan(4.5);
      for (const v of Object.values(r.totalsMg) as number[]) expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
  });
});
