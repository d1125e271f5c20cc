/**
 * `check Main_Flow_*.json` in cmd or PowerShell: Windows shells pass a pattern on unexpanded (as
 * bash does one that matches nothing), and `check` answered "no such file". A pattern that names
 * no file is expanded as `grade` expands a quoted one. (execFile runs no shell: as on Windows.)
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

test('check with a pattern the shell left as it is grades the files it matches', async () => {
  const dir = tempDir('check-patterns');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_101.json'));
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_102.json'));
  writeFileSync(path.join(dir, 'notes.txt'), 'x');
  const run = await runCli(['check', path.join(dir, 'Main_Flow_*.json'), '--format', 'json', '--now', '2025-08-01T09:00:00Z']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as { input: { file: string } }[]).map((report) => report.input.file)).toEqual([path.join(dir, 'Main_Flow_101.json'), path.join(dir, 'Main_Flow_102.json')]);
});

test('check with a pattern matching nothing is a usage error naming it (exit 2)', async () => {
  const dir = tempDir('check-patterns-none');
  const run = await runCli(['check', path.join(dir, '*.json')]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: ${path.join(dir, '*.json')}: no file matches this pattern [no-input]\n`]);
});

test('check with braces holding one alternative ("*.{json}") says braces need two or more, and how to write it plainly', async () => {
  const dir = tempDir('check-patterns-brace');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_1.json'));
  const run = await runCli(['check', path.join(dir, '*.{json}')]);
  expect([run.code, run.stderr]).toEqual([2, `flowgrade: ${path.join(dir, '*.{json}')}: no file matches this pattern ({json} holds one alternative, no comma: braces need two or more separated by commas, as {a,b}, and are not special in flowgrade's patterns anyway, only *, ? and **: write ${path.join(dir, '*.json')}) [no-input]\n`]);
});

test('check with a pattern using a class ([12]) says such classes are not special here', async () => {
  const dir = tempDir('check-patterns-class');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_1.json'));
  const run = await runCli(['check', path.join(dir, 'Main_Flow_[12]*.json')]);
  expect([run.code, run.stderr]).toEqual([2, `flowgrade: ${path.join(dir, 'Main_Flow_[12]*.json')}: no file matches this pattern ([…] and {a,b} are not special in flowgrade's patterns, only *, ? and **: leave the pattern unquoted for your shell to expand, or use * and ?) [no-input]\n`]);
});
