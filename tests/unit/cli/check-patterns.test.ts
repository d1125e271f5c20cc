/**
 * `check Main_Flow_*.json` in cmd or PowerShell: Windows shells pass a pattern on unexpanded (as
 * bash does one that matches nothing), and `check` answered "no such file". A pattern that names
 * no file is expanded as `grade` expands a quoted one. (execFile runs no shell: as on Windows.)
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

test('check counts a file once however often it is reached (by name twice, by ./, through a symlink, by name and by a pattern)', async () => {
  const dir = tempDir('check-patterns-twice');
  const file = path.join(dir, 'Main_Flow_101.json');
  copyFileSync(fixturePath('flows/solution.json'), file);
  symlinkSync(file, path.join(dir, 'latest.json'));
  const run = await runCli(['check', file, path.join(dir, '.', 'Main_Flow_101.json'), path.join(dir, 'latest.json'), path.join(dir, 'Main_*.json'), '--format', 'json']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect((JSON.parse(run.stdout) as { input: { file: string } }).input.file).toBe(file);
});

test('check gives the reports of one run one clock, as grade does', async () => {
  const dir = tempDir('check-patterns-clock');
  for (const name of ['a', 'b', 'c']) copyFileSync(fixturePath('flows/solution.json'), path.join(dir, `${name}.json`));
  const run = await runCli(['check', path.join(dir, '*.json'), '--format', 'json']);
  const times = (JSON.parse(run.stdout) as { generatedAt: string }[]).map((report) => report.generatedAt);
  expect(times).toHaveLength(3);
  expect(new Set(times).size).toBe(1);
});

for (const command of ['inspect', 'simulate']) {
  test(`${command} with a pattern the shell left as it is reads the one file it matches`, async () => {
    const dir = tempDir(`${command}-pattern-one`);
    copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_101.json'));
    const byName = await runCli([command, path.join(dir, 'Main_Flow_101.json')]);
    const byPattern = await runCli([command, path.join(dir, 'Main_Flow_*.json')]);
    expect([byPattern.code, byPattern.stderr]).toEqual([0, '']);
    expect(byPattern.stdout).toBe(byName.stdout);
  });

  test(`${command} with a pattern matching several files is a usage error naming them (exit 2)`, async () => {
    const dir = tempDir(`${command}-pattern-several`);
    for (const n of [101, 102, 103, 104]) copyFileSync(fixturePath('flows/solution.json'), path.join(dir, `Main_Flow_${n}.json`));
    const pattern = path.join(dir, 'Main_Flow_*.json');
    const run = await runCli([command, pattern]);
    const named = [101, 102, 103].map((n) => path.join(dir, `Main_Flow_${n}.json`)).join(', ');
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: ${pattern}: this pattern matches 4 files (${named} and 1 more); \`${command}\` reads one: name it, or use \`flowgrade check\`, which takes several [no-input]\n`]);
  });

  test(`${command} with a pattern matching nothing is a usage error naming it (exit 2)`, async () => {
    const dir = tempDir(`${command}-pattern-none`);
    const run = await runCli([command, path.join(dir, '*.json')]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: ${path.join(dir, '*.json')}: no file matches this pattern [no-input]\n`]);
  });
}
