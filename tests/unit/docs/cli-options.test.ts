/**
 * docs/cli.md names every option of every command, where that command is described, and no
 * option a command does not have: each command's options are read from the commander program
 * itself (what `--help` prints). `grade`'s full table is docs/grade.md's Options. README's table
 * of commands names every command.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createProgram } from '../../../cli/program.js';
import type { CliContext } from '../../../cli/context.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI_MD = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
const GRADE_MD = readFileSync(path.join(ROOT, 'docs/grade.md'), 'utf8');

const ctx: CliContext = { stdout: () => {}, stderr: () => {}, isTTY: false, color: false, unicode: true, debug: false, version: '0', exit: () => {} };
const program = createProgram(ctx);

/** The long flags of a command (`--format`), without commander's own `--help`. */
function flagsOf(command: Command): string[] {
  return command.options.map((option) => option.long!).filter((flag) => flag !== '--help');
}

/** The text of docs/cli.md's `## ` section whose heading holds `heading`. */
function section(markdown: string, heading: string): string {
  const start = markdown.search(new RegExp(`^## .*${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  expect(start, `a section for ${heading}`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

/** `--flag`s written in a text (in code spans and tables). */
function flagsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((match) => match[0]));
}

const GRADING = section(CLI_MD, 'Grading options');
const WHERE: Record<string, string> = {
  check: section(CLI_MD, '`flowgrade check') + GRADING,
  grade: section(CLI_MD, '`flowgrade grade') + section(GRADE_MD, 'Options'),
  merge: section(CLI_MD, '`flowgrade merge'),
  simulate: section(CLI_MD, '`flowgrade simulate'),
  inspect: section(CLI_MD, '`flowgrade inspect'),
  labs: section(CLI_MD, '`flowgrade labs'),
  checks: section(CLI_MD, '`flowgrade labs'),
  explain: section(CLI_MD, '`flowgrade labs'),
  web: section(CLI_MD, '`flowgrade web'),
  serve: section(CLI_MD, '`flowgrade web'),
  // (Said with the global options: `flowgrade help <command>` is that command's --help.)
  help: CLI_MD.slice(0, CLI_MD.indexOf('\n## ')),
};

test('every command has a place in docs/cli.md', () => {
  expect(program.commands.map((command) => command.name()).sort()).toEqual(Object.keys(WHERE).sort());
});

for (const command of program.commands) {
  test(`docs/cli.md names every option of ${command.name()}`, () => {
    const documented = flagsIn(WHERE[command.name()]!);
    expect(flagsOf(command).filter((flag) => !documented.has(flag))).toEqual([]);
  });
}

/** An option's default: commander's, or one its help gives as a value (`(default 20MB)`, `(default 500, at most 100000)`). */
function defaultOf(option: Command['options'][number]): string | undefined {
  if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean') return String(option.defaultValue);
  return /\(default:? ([0-9+][\w.+]*)/.exec(option.description)?.[1];
}

for (const command of program.commands) {
  test(`docs/cli.md gives the defaults of ${command.name()}'s options as --help does`, () => {
    // grade's and simulate's own sections send the reader to the grading options for the rest.
    const text = WHERE[command.name()]! + (['grade', 'simulate'].includes(command.name()) ? GRADING : '');
    const missing = command.options.flatMap((option) => {
      const value = defaultOf(option);
      return value === undefined || text.includes(value) ? [] : [`${option.long} ${value}`];
    });
    expect(missing).toEqual([]);
  });
}

test('the global options are in docs/cli.md', () => {
  const documented = flagsIn(CLI_MD.slice(0, CLI_MD.indexOf('\n## ')));
  expect([...flagsOf(program), '--help'].filter((flag) => !documented.has(flag))).toEqual([]);
});

test('every option docs/cli.md names is one flowgrade has', () => {
  const known = new Set([...flagsOf(program), '--help', ...program.commands.flatMap(flagsOf)]);
  expect([...flagsIn(CLI_MD)].filter((flag) => !known.has(flag))).toEqual([]);
});

test("an option named in a command's section of docs/cli.md is one of the commands it describes", () => {
  const wrong: string[] = [];
  for (const names of [['check'], ['simulate'], ['inspect'], ['labs', 'checks', 'explain'], ['web', 'serve']]) {
    const own = new Set(program.commands.filter((command) => names.includes(command.name())).flatMap(flagsOf));
    const text = section(CLI_MD, `\`flowgrade ${names[0]}`);
    // Another command's option, named as such (`grade`'s `--out`), is said with that command.
    const other = (flag: string) => new RegExp(`flowgrade (?!${names.join('|')})\\w+[^\\n|]*${flag}`).test(text);
    for (const flag of flagsIn(text)) if (!own.has(flag) && !other(flag)) wrong.push(`${names[0]}: ${flag}`);
  }
  expect(wrong).toEqual([]);
});

test("README's table of commands names every command, and no command flowgrade lacks", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = section(readme, 'Commands');
  const named = new Set([...table.matchAll(/^\|([^|]+)\|/gm)].flatMap(([, cell]) => [...cell!.matchAll(/`([a-z][a-z-]*)(?: [^`]*)?`/g)].map((match) => match[1]!)));
  named.delete('command');
  const commands = program.commands.map((command) => command.name());
  expect(commands.filter((name) => !named.has(name))).toEqual([]);
  expect([...named].filter((name) => !commands.includes(name))).toEqual([]);
});

// What `--help` says --quiet keeps is what docs/cli.md's table says: the Fix first line first.
test("check's --quiet help names what quiet output keeps, the Fix first line among it, as docs/cli.md does", () => {
  const check = program.commands.find((command) => command.name() === 'check')!;
  const quiet = check.options.find((option) => option.long === '--quiet')!;
  expect(quiet.description).toBe('console format: only Fix first, the failures, the required checks not judged and the summary line');
  expect(CLI_MD).toContain('| `-q, --quiet` | console: only the **Fix first** line, the failures, the required checks not judged and the summary line.');
});
