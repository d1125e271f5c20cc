/**
 * Bad option values, as a new user of `--help` types them: each refused with exit 2, in a line that
 * names the value and what the option takes, in the option's own words.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, ROOT, runCli, tempDir } from '../../helpers.js';

/** The one line of stderr, without its line break (a usage error is one line: usage-errors.test.ts). */
const errorLine = (stderr: string) => stderr.replace(/\n$/, '');

test('--dtmf and --connector without "=" say what they take: LABEL=DIGITS, NAME=URL (not "NAME=VALUE")', async () => {
  const dtmf = await runCli(['simulate', fixturePath('flows/solution.json'), '--dtmf', 'WantCallback3']);
  expect([dtmf.code, errorLine(dtmf.stderr)]).toEqual([2, `flowgrade simulate: option '--dtmf <LABEL=DIGITS>' argument 'WantCallback3' is invalid. "WantCallback3" is not LABEL=DIGITS (e.g. WantCallback=3); see flowgrade simulate --help`]);
  for (const command of ['check', 'simulate']) {
    const connector = await runCli([command, fixturePath('flows/solution.json'), '--connector', 'https://example.com']);
    expect([connector.code, errorLine(connector.stderr)], command).toEqual([2, `flowgrade ${command}: option '--connector <NAME=URL>' argument 'https://example.com' is invalid. "https://example.com" is not NAME=URL (e.g. WxCC_API=https://api.wxcc-eu1.cisco.com); see flowgrade ${command} --help`]);
  }
});

test('serve --dir "" and --host "" are blank: said so, not "--dir : no index.html there" nor "--host : serve listens on this machine only"', async () => {
  const dir = await runCli(['serve', '--dir', '', '--port', '0']);
  expect([dir.code, errorLine(dir.stderr)]).toEqual([2, `flowgrade serve: option '--dir <dir>' argument '' is invalid. "" is blank: give the folder to serve (one flowgrade web --out wrote); see flowgrade serve --help`]);
  const host = await runCli(['serve', '--host', ' ', '--port', '0']);
  expect([host.code, errorLine(host.stderr)]).toEqual([2, `flowgrade serve: option '--host <address>' argument ' ' is invalid. " " is blank: give a loopback address (127.0.0.1 or another 127.x.y.z, ::1 or localhost); see flowgrade serve --help`]);
});

test('web --out naming the folder the page is built in is a [bad-out] refusal, as every other --out that cannot be used', async () => {
  const run = await runCli(['web', '--out', path.join(ROOT, 'dist', 'web')]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: --out ${path.join(ROOT, 'dist', 'web')} is where the page is built; choose another folder [bad-out]\n`]);
});

test('a blank file argument (a script\'s unset variable: check "$FLOW") is refused as blank, naming nothing else, as grade does', async () => {
  for (const args of [['check', ''], ['check', fixturePath('flows/solution.json'), ' '], ['inspect', ''], ['simulate', '']]) {
    const run = await runCli(args);
    const blank = args.at(-1)!;
    expect([run.code, run.stdout, run.stderr], args.join(' ')).toEqual([2, '', `flowgrade: "${blank}" is blank: give a Flow Designer export (.json) [no-input]\n`]);
  }
});

test('"-" (standard input, as many tools read it) is refused in one line saying to give a file; ./- is a file named -', async () => {
  const one = 'flowgrade: "-": standard input is not read: save the export to a file and give its name (./- for a file named -) [no-input]\n';
  for (const args of [['check', '-'], ['check', fixturePath('flows/solution.json'), '-'], ['inspect', '-'], ['simulate', '-']]) {
    const run = await runCli(args);
    expect([run.code, run.stdout, run.stderr], args.join(' ')).toEqual([2, '', one]);
  }
  const grade = await runCli(['grade', '-', '--out', path.join(tempDir('stdin-out'), 'out')]);
  expect([grade.code, grade.stdout, grade.stderr]).toEqual([2, '', 'flowgrade: "-": standard input is not read: save the exports into a folder or a zip archive and give that (./- for a file named -) [no-input]\n']);
  const dir = tempDir('file-named-dash');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, '-'));
  const file = await runCli(['check', './-', '--quiet'], { cwd: dir });
  expect([file.code, file.stdout.trim().split('\n').at(-1)]).toEqual([0, './-: PASSED 110/110']);
});

test('every number option of check, grade and simulate takes its value with spaces around it, as a script\'s quoting leaves them', async () => {
  const solution = fixturePath('flows/solution.json');
  const limits = ['--max-size', ' 20MB ', '--max-depth', ' 64', '--max-steps', ' 500', '--max-visits', ' 25 '];
  // Before: --max-size and --shard took " 20MB" and " 1/1", the others refused " 64" as not a positive integer.
  const check = await runCli(['check', solution, ...limits, '--quiet']);
  expect([check.code, check.stderr]).toEqual([0, '']);
  const dir = tempDir('spaced-options');
  copyFileSync(solution, path.join(dir, 'Main_Flow_140.json'));
  const grade = await runCli(['grade', dir, '--out', path.join(tempDir('spaced-options-out'), 'out'), ...limits, '--jobs', ' 1', '--shard', ' 1/1', '--timeout', ' 5', '--moodle-max-grade', ' 100', '--max-entries', ' 10', '--max-archive-size', ' 1MB', '--quiet']);
  expect([grade.code, grade.stderr]).toEqual([0, '']);
  const simulate = await runCli(['simulate', solution, ...limits, '--tasks-status', ' 429', '--dtmf', 'WantCallback=3', '--format', 'json']);
  expect([simulate.code, simulate.stderr]).toEqual([0, '']);
});
