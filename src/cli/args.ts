/**
 * Command-line flags for the headless runner (DESIGN.md §4), parsed without side effects so tests can feed it
 * anything. Every problem becomes one clear line; the caller prints it and exits 2.
 */
import { DEFAULT_INPUTS, type Inputs, validateInputPatch } from '../model/inputs';
import type { Mode, SimulateOptions } from '../model/simulate';

export interface ParsedArgs {
  readonly options: SimulateOptions & { readonly inputs: Inputs };
  readonly json: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {}

type Kind = 'number' | 'integer' | 'flag' | 'choice';
interface FlagSpec {
  readonly kind: Kind;
  readonly field?: keyof Inputs;
  readonly choices?: readonly string[];
}

const FLAGS: Readonly<Record<string, FlagSpec>> = {
  '--calcium': { kind: 'number', field: 'calciumMgPerDay' },
  '--d3': { kind: 'number', field: 'd3IuPerDay' },
  '--k2': { kind: 'number', field: 'k2UgPerDay' },
  '--k2-form': { kind: 'choice', field: 'k2Form', choices: ['mk7', 'mk4'] },
  '--k1': { kind: 'number', field: 'k1UgPerDay' },
  '--warfarin': { kind: 'flag', field: 'warfarin' },
  '--mgp-absent': { kind: 'flag', field: 'mgpAbsent' },
  '--age': { kind: 'number', field: 'ageYears' },
  '--sex': { kind: 'choice', field: 'sex', choices: ['female', 'male'] },
  '--days': { kind: 'integer' },
  '--years': { kind: 'integer' },
  '--seed': { kind: 'integer' },
  '--mode': { kind: 'choice', choices: ['particles', 'ode'] },
  '--packet-mg': { kind: 'number' },
  '--json': { kind: 'flag' },
  '--help': { kind: 'flag' },
};

export const USAGE = `Usage: npm run -s simulate -- [flags]
  --calcium <mg/day>      dietary calcium (0-3000, default ${DEFAULT_INPUTS.calciumMgPerDay})
  --d3 <IU/day>           vitamin D3 from food, supplements and sun (0-50000, default ${DEFAULT_INPUTS.d3IuPerDay})
  --k2 <µg/day>           vitamin K2 (0-1000, default ${DEFAULT_INPUTS.k2UgPerDay})
  --k2-form mk7|mk4       form of K2 (default ${DEFAULT_INPUTS.k2Form})
  --k1 <µg/day>           vitamin K1 from food (0-1500, default ${DEFAULT_INPUTS.k1UgPerDay})
  --warfarin              a warfarin-type anticoagulant is taken
  --mgp-absent            teaching case: no matrix Gla protein (knockout / Keutel syndrome)
  --age <years>           18-90 (default ${DEFAULT_INPUTS.ageYears})
  --sex female|male       (default ${DEFAULT_INPUTS.sex})
  --days <n> | --years <n>  span (default 1 day; years run on the integrator)
  --seed <n>              seed for the particle world (default 1)
  --mode particles|ode    particles (default for days) or the integrator (default for years)
  --packet-mg <mg>        calcium per packet in particle mode (default 5)
  --json                  print one JSON object instead of a table`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const raw: Record<string, unknown> = {};
  const seen = new Set<string>();
  const span: { days?: number; years?: number; seed?: number; mode?: Mode; packetMg?: number } = {};
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    // Own keys only: "toString" or "__proto__" are not flags, whatever a plain object inherits.
    const spec = Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined;
    if (!spec) throw new UsageError(`unknown flag ${JSON.stringify(arg)} (see --help)`);
    if (seen.has(name)) throw new UsageError(`${name} given more than once`);
    seen.add(name);
    if (spec.kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
      if (name === '--json') json = true;
      else if (name === '--help') help = true;
      else if (spec.field) raw[spec.field] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${name} needs a value`);
    }
    if (spec.kind === 'choice') {
      if (!spec.choices?.includes(value))
        throw new UsageError(`${name} must be one of ${spec.choices?.join(', ')}; got ${JSON.stringify(value)}`);
      if (spec.field) raw[spec.field] = value;
      else span.mode = value as Mode;
      continue;
    }
    const number = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(number)) throw new UsageError(`${name} needs a number; got ${JSON.stringify(value)}`);
    if (spec.kind === 'integer' && !Number.isInteger(number))
      throw new UsageError(`${name} needs a whole number; got ${JSON.stringify(value)}`);
    if (spec.field) raw[spec.field] = number;
    else if (name === '--days') span.days = number;
    else if (name === '--years') span.years = number;
    else if (name === '--seed') {
      if (number < 0 || number > 0xffffffff) throw new UsageError('--seed must be from 0 to 4294967295');
      span.seed = number;
    } else if (name === '--packet-mg') {
      if (number < 0.1 || number > 100) throw new UsageError('--packet-mg must be from 0.1 to 100');
      span.packetMg = number;
    }
  }
  const { patch, problems } = validateInputPatch(raw);
  const first = problems[0];
  if (first) throw new UsageError(flagMessage(first.field, first.message));
  return { options: { ...span, inputs: { ...DEFAULT_INPUTS, ...patch } }, json, help };
}

/** Restates an input problem in terms of the flag the user typed. */
function flagMessage(field: string, message: string): string {
  const flag = Object.entries(FLAGS).find(([, spec]) => spec.field === field)?.[0] ?? field;
  return message.replace(field, flag);
}
