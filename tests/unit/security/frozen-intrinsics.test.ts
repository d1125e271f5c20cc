/**
 * Under `node --frozen-intrinsics` (the built-in objects made read-only, as a hardened host runs
 * code it does not trust), flowgrade grades exactly as it does without: it once set
 * `Error.stackTraceLimit` around building MSW's handlers, which threw there, and every submission
 * became an internal-error row while the batch exited 0.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, removeTempDirs, runCli, tempDir } from '../../helpers.js';

test.afterAll(removeTempDirs);

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const frozen = (args: string[]) => runCli(args, { env: { NODE_OPTIONS: '--frozen-intrinsics --no-warnings' } });
const plain = (args: string[]) => runCli(args, { env: { NODE_OPTIONS: '' } });

test('the flag is in force in a worker thread too (so a run under it proves something)', async () => {
  const { execFileSync } = await import('node:child_process');
  const probe = "new (require('node:worker_threads').Worker)(\"'use strict'; try { Error.stackTraceLimit = 1; console.log('writable') } catch (e) { console.log(e.name) }\", { eval: true })";
  const run = (options: string) => execFileSync(process.execPath, ['-e', probe], { env: { ...process.env, NODE_OPTIONS: options }, encoding: 'utf8' }).trim();
  expect(run('')).toBe('writable');
  expect(run('--frozen-intrinsics --no-warnings')).toBe('TypeError');
});

test('check prints the same report with frozen intrinsics', async () => {
  const args = ['check', fixturePath('flows/solution.json'), fixturePath('flows/defect-getcbid-host-typo.json'), '--format', 'json', ...NOW];
  const run = await frozen(args);
  expect(run.stderr).toBe('');
  expect(run).toEqual(await plain(args));
});

test('grade writes the same class, byte for byte, with frozen intrinsics, in worker threads and in one', async () => {
  for (const jobs of ['1', '2']) {
    const outFrozen = tempDir('frozen-');
    const outPlain = tempDir('frozen-plain-');
    const args = (out: string) => ['grade', fixturePath('class'), '--out', out, '--quiet', '--jobs', jobs, ...NOW];
    const run = await frozen(args(outFrozen));
    const reference = await plain(args(outPlain));
    expect(run.stderr, jobs).not.toContain('internal-error');
    expect({ ...run, stdout: run.stdout.replaceAll(outFrozen, '<out>') }, jobs).toEqual({ ...reference, stdout: reference.stdout.replaceAll(outPlain, '<out>') });
    const names = readdirSync(outPlain).sort();
    expect(readdirSync(outFrozen).sort(), jobs).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(outFrozen, name)).equals(readFileSync(path.join(outPlain, name))), name).toBe(true);
  }
});
