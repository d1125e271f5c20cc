/** The commander program: one module per command, added here. */
import { Command, type OutputConfiguration } from 'commander';
import { printableLine } from '../reports/escape.js';
import type { CliContext } from './context.js';
import { checkCommand } from './commands/check.js';
import { checksCommand, explainCommand, labsCommand } from './commands/checks.js';
import { gradeCommand } from './commands/grade.js';
import { inspectCommand } from './commands/inspect.js';
import { serveCommand, webCommand } from './commands/web.js';
import { simulateCommand } from './commands/simulate.js';
import { addExamples } from './help-examples.js';

export function createProgram(ctx: CliContext): Command {
  const program = new Command('flowgrade')
    .description('Grade Webex Contact Center Flow Designer lab exports offline: static checks plus a simulated run against mocked services.')
    .version(ctx.version, '-V, --version')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run flowgrade --help for usage)')
    .configureOutput(output(ctx))
    .exitOverride();
  for (const command of [checkCommand(ctx), gradeCommand(ctx), inspectCommand(ctx), simulateCommand(ctx), labsCommand(ctx), checksCommand(ctx), explainCommand(ctx), webCommand(ctx), serveCommand(ctx)]) {
    program.addCommand(addExamples(command).exitOverride().configureOutput(output(ctx)).showHelpAfterError('(add --help for usage)'));
  }
  return addExamples(program, '');
}

/**
 * Where commander writes. Its usage errors quote the value given (`argument '…' is invalid`),
 * pasted from anywhere: escaped as any name is, so that it is one line without control characters.
 */
function output(ctx: CliContext): OutputConfiguration {
  // Commander's own line break is the one before its suggestion, `(Did you mean --format?)`.
  const escape = (text: string) => text.replace(/\n$/, '').split(/\n(?=\(Did you mean )/).map(printableLine).join('\n');
  return { writeOut: ctx.stdout, writeErr: ctx.stderr, outputError: (text, write) => write(`${escape(text)}\n`) };
}
