/**
 * The command-line parser's usage errors (commander's): each is one line on stderr in flowgrade's
 * own form, `flowgrade <command>: <what is wrong>; see flowgrade <command> --help`, exit code 2,
 * nothing on stdout. Run in-process (cli/main.ts), as the binary runs it.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../../cli/main.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const SOLUTION = 'fixtures/flows/solution.json';

async function usage(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'flowgrade', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, color: false });
  return { code, stdout, stderr };
}

const CASES: [args: string[], line: string][] = [
  [['check', SOLUTION, '--frmat', 'json'], "flowgrade check: unknown option '--frmat' (did you mean --format?); see flowgrade check --help"],
  [['check', SOLUTION, '--zzz'], "flowgrade check: unknown option '--zzz'; see flowgrade check --help"],
  [['chek', SOLUTION], "flowgrade: unknown command 'chek' (did you mean check?); see flowgrade --help"],
  // The same after help (before: the whole help on stderr, nothing on what was wrong).
  [['help', 'chek'], "flowgrade: unknown command 'chek' (did you mean check?); see flowgrade --help"],
  [['help', 'zzz'], "flowgrade: unknown command 'zzz'; see flowgrade --help"],
  [['--frmat'], "flowgrade: unknown option '--frmat'; see flowgrade --help"],
  [['check'], "flowgrade check: missing required argument 'files'; see flowgrade check --help"],
  [['explain'], "flowgrade explain: missing required argument 'check-id'; see flowgrade explain --help"],
  [['check', SOLUTION, '--format'], "flowgrade check: option '--format <format>' argument missing; see flowgrade check --help"],
  [['check', SOLUTION, '--format', 'xml'], "flowgrade check: option '--format <format>' argument 'xml' is invalid. Allowed choices are console, json, html, junit, markdown; see flowgrade check --help"],
  [['grade', 'fixtures/class', '--out', 'unused', '--jobs', 'abc'], `flowgrade grade: option '--jobs <n>' argument 'abc' is invalid. "abc" is not a positive integer; see flowgrade grade --help`],
  [['inspect', SOLUTION, SOLUTION], "flowgrade inspect: too many arguments for 'inspect'. Expected 1 argument but got 2; see flowgrade inspect --help"],
  [['labs', 'x'], "flowgrade labs: too many arguments for 'labs'. Expected 0 arguments but got 1; see flowgrade labs --help"],
  [['grade', 'fixtures/class'], "flowgrade grade: required option '--out <dir>' not specified; see flowgrade grade --help"],
  [['web'], "flowgrade web: required option '--out <dir>' not specified; see flowgrade web --help"],
  // The option typed is a misspelt --out: that is the mistake to name, not the --out it left missing.
  [['grade', 'fixtures/class', '--ot', 'unused'], "flowgrade grade: unknown option '--ot' (did you mean --out?); see flowgrade grade --help"],
  [['web', '--ot', 'unused'], "flowgrade web: unknown option '--ot' (did you mean --out?); see flowgrade web --help"],
  // A switch given a value, as other tools take one: it is no unknown option, it takes no value.
  [['simulate', SOLUTION, '--agents-available=false'], "flowgrade simulate: unknown option '--agents-available=false' (--agents-available takes no value: give --agents-available alone, or leave it out); see flowgrade simulate --help"],
  [['check', SOLUTION, '--quiet=1'], "flowgrade check: unknown option '--quiet=1' (--quiet takes no value: give --quiet alone, or leave it out); see flowgrade check --help"],
  [['check', SOLUTION, '--zz=1'], "flowgrade check: unknown option '--zz=1'; see flowgrade check --help"],
];

test('every kind of command-line parser error is one line in flowgrade\'s form, exit 2', async () => {
  for (const [args, line] of CASES) {
    const result = await usage(...args);
    expect.soft(result, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  }
});

test('a value with a pasted CR/LF or control characters stays on the one line, escaped', async () => {
  const result = await usage('check', SOLUTION, '--format', 'a\r\nb\u001b[2J');
  expect(result).toEqual({
    code: 2,
    stdout: '',
    stderr: "flowgrade check: option '--format <format>' argument 'a\\u000d\\u000ab\\u001b[2J' is invalid. Allowed choices are console, json, html, junit, markdown; see flowgrade check --help\n",
  });
  // Text that merely looks like commander's suggestion, inside a value, is left as it was typed.
  const lookalike = await usage('chek\n(Did you mean check?)');
  expect(lookalike.stderr).toBe("flowgrade: unknown command 'chek\\u000a(Did you mean check?)'; see flowgrade --help\n");
});

test('--help and --version are not errors: printed on stdout as before, exit 0', async () => {
  const help = await usage('check', '--help');
  expect([help.code, help.stderr]).toEqual([0, '']);
  expect(help.stdout).toMatch(/^Usage: flowgrade check \[options\] <files\.\.\.>\n/);
  // help <command> is that command's help, help alone (or before an option, or of itself) flowgrade's.
  for (const [args, usageLine] of [[['help', 'check'], 'Usage: flowgrade check [options] <files...>'], [['help', 'grade', '--help'], 'Usage: flowgrade grade [options] <inputs...>'], [['help'], 'Usage: flowgrade [options] [command]'], [['help', '--help'], 'Usage: flowgrade [options] [command]'], [['help', 'help'], 'Usage: flowgrade [options] [command]']] as const) {
    const shown = await usage(...args);
    expect([shown.code, shown.stderr, shown.stdout.split('\n')[0]], args.join(' ')).toEqual([0, '', usageLine]);
  }
  const version = await usage('--version');
  expect([version.code, version.stderr]).toEqual([0, '']);
  expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
});

test('a file whose name starts with "-", taken for an unknown option, is named in the line with how to give it', async () => {
  const dir = tempDir('dashed-file');
  for (const name of ['-q.json', '-Main_Flow_140.json']) copyFileSync(fixturePath('flows/solution.json'), path.join(dir, name));
  // -q.json is read as -q (--quiet) then "-.json": the option named is not what was typed.
  const quiet = await runCli(['check', '-q.json'], { cwd: dir });
  expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([2, '', "flowgrade check: unknown option '-.json' (-q.json is a file: give it as ./-q.json); see flowgrade check --help\n"]);
  const inspect = await runCli(['inspect', '-Main_Flow_140.json'], { cwd: dir });
  expect(inspect.stderr).toBe("flowgrade inspect: unknown option '-Main_Flow_140.json' (-Main_Flow_140.json is a file: give it as ./-Main_Flow_140.json); see flowgrade inspect --help\n");
  expect((await runCli(['inspect', './-Main_Flow_140.json'], { cwd: dir })).code).toBe(0);
  // No file of that name, or the file is not what the parser refused: the parser's words alone.
  expect((await runCli(['check', '-zz.json'], { cwd: dir })).stderr).toBe("flowgrade check: unknown option '-zz.json'; see flowgrade check --help\n");
  expect((await runCli(['check', '--zz', '--', '-q.json'], { cwd: dir })).stderr).toBe("flowgrade check: unknown option '--zz'; see flowgrade check --help\n");
  // A file given after `--` is given as a file already: never the one the hint names. Before (a mutation sweep): '(-q.json is a file: give it as ./-q.json)'.
  expect((await runCli(['check', '-.json', '--', '-q.json'], { cwd: dir })).stderr).toBe("flowgrade check: unknown option '-.json'; see flowgrade check --help\n");
  // Nor one that does not start with "-" (the parser read it as a file). Before (a mutation sweep): '(x.json is a file: give it as ./x.json)'.
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'x.json'));
  expect((await runCli(['check', 'x.json', '-.json'], { cwd: dir })).stderr).toBe("flowgrade check: unknown option '-.json'; see flowgrade check --help\n");
});
