import { Command, Option } from 'commander';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { inputErrorLine, loadFlowFile } from '../io.js';
import { oneExportFile } from '../file-patterns.js';
import { ATTENDEE_HELP, parseAttendee, parseSize, refuseFileArguments } from '../options.js';
import { describeModel } from '../describe-model.js';
import { maxDepthOption } from './grading-flags.js';
import { printableLine, terminalJson } from '../../reports/escape.js';

/**
 * inspect prints the values of the flow model whole (a JSON variable's default, with --format json
 * every activity's properties) through JSON.stringify, which recurses: past about 4,000 levels it
 * overflows the stack ("Maximum call stack size exceeded"). check walks no value that way.
 */
const INSPECT_MAX_DEPTH = 1_000;

export function inspectCommand(ctx: CliContext): Command {
  return new Command('inspect')
    .description('print a readable summary of an exported flow (or the flow model as JSON)')
    .argument('<file>', 'a Flow Designer export (.json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--attendee <id>', ATTENDEE_HELP, parseAttendee)
    .option('--max-size <size>', 'largest file accepted (default 20MB)', parseSize)
    .addOption(maxDepthOption(INSPECT_MAX_DEPTH))
    .action(async (file: string, options: { format: 'text' | 'json'; attendee?: string; maxSize?: number; maxDepth?: number }) => {
      refuseFileArguments([file]);
      file = await oneExportFile(file, 'inspect', (line) => ctx.stderr(printableLine(line) + '\n'));
      const loaded = await loadFlowFile(file, { attendee: options.attendee, maxBytes: options.maxSize, maxDepth: options.maxDepth });
      if (!loaded.ok) {
        ctx.stderr(inputErrorLine(file, loaded.error) + '\n');
        ctx.exit(EXIT.unusable);
        return;
      }
      ctx.stdout(options.format === 'json' ? terminalJson(JSON.stringify(loaded.model, null, 2)) + '\n' : describeModel(loaded.model));
    });
}
