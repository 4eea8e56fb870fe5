/** The headless runner: parse flags, run, print. Usage problems return exit code 2 with one line. */
import { SimulationOptionError, simulate } from '../model/simulate';
import { parseArgs, USAGE, UsageError } from './args';
import { formatResult } from './format';

export function main(argv: readonly string[], out = process.stdout, err = process.stderr): number {
  try {
    const { options, json, help } = parseArgs(argv);
    if (help) {
      out.write(`${USAGE}\n`);
      return 0;
    }
    const result = simulate(options);
    out.write(json ? `${JSON.stringify(result)}\n` : `${formatResult(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof SimulationOptionError) {
      err.write(`simulate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
