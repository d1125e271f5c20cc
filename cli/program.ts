/** The commander program: one module per command, added here. */
import { statSync } from 'node:fs';
import { Command, type OutputConfiguration } from 'commander';
import { printableLine } from '../reports/escape.js';
import type { CliContext } from './context.js';
import { checkCommand } from './commands/check.js';
import { checksCommand, explainCommand, labsCommand } from './commands/checks.js';
import { gradeCommand } from './commands/grade.js';
import { inspectCommand } from './commands/inspect.js';
import { mergeCommand } from './commands/merge.js';
import { serveCommand, webCommand } from './commands/web.js';
import { simulateCommand } from './commands/simulate.js';
import { addExamples } from './help-examples.js';

/** `argv`: the command line it will parse, for what its usage errors say of an argument (unknownOptionHint). */
export function createProgram(ctx: CliContext, argv: readonly string[] = []): Command {
  const program = new Command('flowgrade')
    .description('Grade Webex Contact Center Flow Designer lab exports offline: static checks plus a simulated run against mocked services.')
    .version(ctx.version, '-V, --version')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride();
  program.configureOutput(output(ctx, 'flowgrade', argv, [program]));
  for (const command of [checkCommand(ctx), gradeCommand(ctx), mergeCommand(ctx), inspectCommand(ctx), simulateCommand(ctx), labsCommand(ctx), checksCommand(ctx), explainCommand(ctx), webCommand(ctx), serveCommand(ctx)]) {
    program.addCommand(requiredAfterUnknown(addExamples(command)).exitOverride().configureOutput(output(ctx, `flowgrade ${command.name()}`, argv, [command, program])));
  }
  const help = helpCommand(program);
  program.addCommand(help.exitOverride().configureOutput(output(ctx, 'flowgrade help', argv, [help, program])));
  return addExamples(program, '');
}

/**
 * `help [command]`, as commander's own (listed last, in its words), but for a name that is no
 * command: `help chek` is the line `flowgrade chek` gives, `flowgrade: unknown command 'chek'
 * (did you mean check?); see flowgrade --help`, where commander's printed the whole help on stderr.
 */
function helpCommand(program: Command): Command {
  return new Command('help')
    .argument('[command]')
    .description('display help for command')
    // As commander's: anything after the name is let be (`help check x`, `help check --help`: check's
    // help), and so is an option in its place (`help --help`, `help -h`: flowgrade's own).
    .helpOption(false)
    .allowExcessArguments()
    .allowUnknownOption()
    .action((given: string | undefined) => {
      const name = given?.startsWith('-') ? undefined : given;
      if (name === undefined || name === 'help') program.help(); // (`help`, `help help`: flowgrade's own)
      const command = program.commands.find((candidate) => candidate.name() === name || candidate.aliases().includes(name));
      if (command === undefined) unknownCommand(program, name);
      command.help();
    });
}

/**
 * Commander's error for an unknown command `name`, with its suggestion of a command alike, as its
 * parser gives it for `flowgrade chek` (a method of commander's that its typings leave out).
 */
function unknownCommand(program: Command, name: string): never {
  // (It names the program's first argument.)
  program.args = [name];
  (program as Command & { unknownCommand(): never }).unknownCommand();
  throw new Error(`unknown command '${name}'`); // (never reached: commander's error ends the parse)
}

/**
 * Where commander writes: help and version as they are, a usage error as one line (usageLine).
 * No help after an error (showHelpAfterError stays off): the line says where it is.
 */
function output(ctx: CliContext, name: string, args: readonly string[], commands: readonly Command[]): OutputConfiguration {
  return { writeOut: ctx.stdout, writeErr: ctx.stderr, outputError: (text, write) => write(`${usageLine(name, text, unknownOptionHint(text, args, commands))}\n`) };
}

/**
 * What an "unknown option" was, when the parser's words alone mislead: an argument that is the
 * name of a file (`check -q.json`, read as -q then an unknown `-.json`), and how to give it as a
 * file; or a switch given a value (`--agents-available=false`), which takes none.
 */
function unknownOptionHint(text: string, args: readonly string[], commands: readonly Command[]): string | undefined {
  const unknown = /^error: unknown option '([^']*)'/.exec(text)?.[1];
  if (unknown === undefined) return undefined;
  // The argument it came from: itself, or one whose leading switches the parser took (-q.json: -q, then -.json); never one after `--`.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  const file = options.find((arg) => arg.startsWith('-') && arg.endsWith(unknown.slice(1)) && isFile(arg));
  if (file !== undefined) return `${file} is a file: give it as ./${file}`;
  const flag = /^(--[^=]+)=/.exec(unknown)?.[1];
  const option = commands.flatMap((command) => command.options).find((candidate) => candidate.long === flag);
  if (option !== undefined && !option.required && !option.optional) return `${flag} takes no value: give ${flag} alone, or leave it out`;
  return undefined;
}

function isFile(name: string): boolean {
  try {
    return statSync(name).isFile();
  } catch {
    return false;
  }
}

/**
 * Commander's usage error in flowgrade's form, one line:
 * `flowgrade check: unknown option '--frmat' (did you mean --format?); see flowgrade check --help`.
 * Commander's words are kept (they name the option and the value) without their `error: ` and
 * final full stop; its suggestion, on a line of its own after the closing quote, is put in the line,
 * or, when there is one, our `hint` instead (unknownOptionHint).
 * The value quoted was pasted from anywhere: escaped as any name is (a CR/LF in it never splits
 * the line, nor is it taken for the line break before a suggestion, which follows a quote).
 */
function usageLine(name: string, text: string, hint?: string): string {
  const message = text
    .replace(/\n$/, '')
    .replace(/^error: /, '')
    // A hint of ours says more than the parser's suggestion (the switch it names is the one given).
    .replace(/'\n\(Did you mean ([^\n]+)\?\)$/, hint === undefined ? "' (did you mean $1?)" : "'")
    .replace(/\.$/, '');
  return printableLine(`${name}: ${message}${hint === undefined ? '' : ` (${hint})`}; see ${name} --help`);
}

/**
 * Commander checks required options before unknown ones, so `grade x --ot out` was said to lack
 * --out, not to misspell it. The command's required options are checked here instead, once the
 * options and arguments are known good (a preAction hook), with commander's own message.
 */
function requiredAfterUnknown(command: Command): Command {
  const required = command.options.filter((option) => option.mandatory);
  if (required.length === 0) return command;
  for (const option of required) option.makeOptionMandatory(false);
  return command.hook('preAction', () => {
    const missing = required.find((option) => command.getOptionValue(option.attributeName()) === undefined);
    if (missing) command.error(`error: required option '${missing.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue' });
  });
}
