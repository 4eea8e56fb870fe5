/** Executable entry of `npm run -s simulate`; all logic is in ./simulate.ts so tests can import it safely. */
import { main } from './simulate';

process.exitCode = main(process.argv.slice(2));
