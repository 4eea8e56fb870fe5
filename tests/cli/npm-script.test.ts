/** The documented command itself: `npm run -s simulate -- … --json` prints one JSON object; bad flags exit 2. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync('npm', ['run', '-s', 'simulate', '--', ...args], { encoding: 'utf8', cwd: `${__dirname}/../..` });

describe('npm run -s simulate', () => {
  it('prints JSON for the default scenario', () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).inputs.calciumMgPerDay).toBe(1000);
  }, 30_000);

  it('exits 2 on an unknown flag', () => {
    const r = run('--colour', 'blue');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown flag');
  }, 30_000);
});
