/**
 * `npm run fuzz`: the fuzz tests and the Pebble properties with FUZZ_RUNS=10000 (or the FUZZ_RUNS
 * already set), on two workers; arguments after `npm run fuzz --` go to `playwright test`. A
 * script rather than `FUZZ_RUNS=10000 playwright …` in package.json: npm runs scripts in cmd on
 * Windows, which has no such assignment (nor has PowerShell).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const FUZZ_TESTS = ['tests/unit/fuzz', 'tests/unit/pebble/properties.test.ts'];

/** The process `npm run fuzz` starts, for these arguments and this environment. */
export function fuzzRun(args, env) {
  const playwright = createRequire(import.meta.url).resolve('@playwright/test/cli');
  return {
    command: process.execPath,
    args: [playwright, 'test', ...FUZZ_TESTS, '--workers=2', ...args],
    env: { ...env, FUZZ_RUNS: env.FUZZ_RUNS || '10000' },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = fuzzRun(process.argv.slice(2), process.env);
  const result = spawnSync(run.command, run.args, { stdio: 'inherit', env: run.env });
  if (result.error) console.error(`fuzz: cannot start playwright: ${result.error.message}`);
  process.exit(result.status ?? 1);
}
