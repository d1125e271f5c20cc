import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../../helpers.js';

const SOLUTION = 'fixtures/flows/solution.json';

test('--max-depth refuses an export nested deeper than the limit', async () => {
  const run = await runCli(['check', SOLUTION, '--max-depth', '3']);
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(/UNGRADABLE — JSON nesting is deeper than the limit of 3 levels \[too-deep\]/);
  expect((await runCli(['check', SOLUTION, '--max-depth', '64', '-q'])).code).toBe(0);
});

test('--max-steps and --max-visits bound the simulated call', async () => {
  const steps = await runCli(['check', SOLUTION, '--max-steps', '4', '--format', 'json']);
  expect(steps.code).toBe(1);
  expect(JSON.parse(steps.stdout).scenarios[0].trace).toHaveLength(4);
  const visits = await runCli(['simulate', SOLUTION, '--dtmf', 'WantCallback=', '--format', 'json']);
  expect(JSON.parse(visits.stdout).status).toBe('stuck'); // the default limit
  // before-mission's menu refuses the caller's answer and loops: 25 visits by default, 2 with --max-visits 2.
  const menuVisits = async (...flags: string[]) => {
    const report = JSON.parse((await runCli(['check', 'fixtures/flows/before-mission.json', '--format', 'json', ...flags])).stdout);
    return report.scenarios[0].trace.filter((entry: { activity: string }) => entry.activity === 'WantCallback').length;
  };
  expect(await menuVisits()).toBe(25);
  expect(await menuVisits('--max-visits', '2')).toBe(2);
});

test('limit flags take positive integers only', async () => {
  for (const bad of [['--max-steps', '0'], ['--max-depth', 'x'], ['--max-visits', '-1']]) {
    expect((await runCli(['check', SOLUTION, ...bad])).code).toBe(2);
  }
});

test('--max-steps and --max-visits stop at 100,000: a call that long would fill the memory and crash, so more is a usage error', async () => {
  for (const [flag, unit] of [['--max-steps', 'activities'], ['--max-visits', 'runs of one activity']]) {
    for (const value of ['100001', '99999999999999999999999']) {
      const run = await runCli(['check', SOLUTION, flag, value]);
      expect([flag, value, run.code, run.stdout]).toEqual([flag, value, 2, '']);
      expect(run.stderr).toContain(`argument '${value}' is invalid. ${value} is more than 100000 ${unit}`);
    }
  }
  expect((await runCli(['check', SOLUTION, '--max-steps', '100000', '--max-visits', '100000', '-q'])).code).toBe(0);
});

test('simulate and inspect take the limits check takes: a flow check grades with them is run and shown alike, not refused or stopped', async () => {
  // As docs/cli.md says of check: --max-steps 5 stops the lab's solution at GET_CBID.
  const short = await runCli(['simulate', SOLUTION, '--dtmf', 'WantCallback=3', '--max-steps', '5', '--format', 'json']);
  expect([short.code, JSON.parse(short.stdout).status, JSON.parse(short.stdout).trace.length]).toEqual([0, 'stuck', 5]);
  // The menu that loops on an empty answer: 25 visits by default, 2 with --max-visits 2.
  const visits = await runCli(['simulate', SOLUTION, '--dtmf', 'WantCallback=', '--max-visits', '2', '--format', 'json']);
  expect(JSON.parse(visits.stdout).trace.filter((entry: { activity: string }) => entry.activity === 'WantCallback')).toHaveLength(2);
  // Nested 3 levels and more: refused under --max-depth 3, read under the default.
  const deep = await runCli(['inspect', SOLUTION, '--max-depth', '3']);
  expect([deep.code, deep.stdout, deep.stderr]).toEqual([2, '', `flowgrade: ${SOLUTION}: JSON nesting is deeper than the limit of 3 levels [too-deep]\n`]);
  const deepRun = await runCli(['simulate', SOLUTION, '--max-depth', '3']);
  expect([deepRun.code, deepRun.stderr]).toEqual([2, `flowgrade: ${SOLUTION}: JSON nesting is deeper than the limit of 3 levels [too-deep]\n`]);
  for (const command of ['inspect', 'simulate']) expect((await runCli([command, SOLUTION, '--max-depth', '64'])).code, command).toBe(0);
  // A limit of one level, in the singular.
  expect((await runCli(['inspect', SOLUTION, '--max-depth', '1'])).stderr).toBe(`flowgrade: ${SOLUTION}: JSON nesting is deeper than the limit of 1 level [too-deep]\n`);
  expect((await runCli(['simulate', SOLUTION, '--max-steps', '100001'])).stderr).toContain('100001 is more than 100000 activities');
});

test('inspect --max-depth stops at 1,000: inspect prints the model whole, and a value nested some 5,000 levels overflowed the stack (an internal error)', async () => {
  const deepFlow = (levels: number) => {
    const flow = JSON.parse(readFileSync(SOLUTION, 'utf8'));
    const nested = '['.repeat(levels) + ']'.repeat(levels);
    flow.variables.push({ name: 'blob', type: 'JSON', value: nested, defaultValue: nested, source: 'LOCAL' });
    const file = path.join(tempDir('inspect-depth'), `deep-${levels}.json`);
    writeFileSync(file, JSON.stringify(flow));
    return file;
  };
  const deep = deepFlow(5_000);
  for (const format of ['text', 'json']) {
    const run = await runCli(['inspect', deep, '--max-depth', '6000', '--format', format]);
    expect([format, run.code, run.stdout, run.stderr]).toEqual([format, 2, '', "flowgrade inspect: option '--max-depth <n>' argument '6000' is invalid. 6000 is more than 1000 levels; see flowgrade inspect --help\n"]);
    expect((await runCli(['inspect', deepFlow(990), '--max-depth', '1000', '--format', format])).code, format).toBe(0);
  }
});
