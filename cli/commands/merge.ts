/** `flowgrade merge <shard-out-dir>… --out <dir>`: one class's outputs from its shards' (docs/grade.md, Sharding). */
import { Command, Option } from 'commander';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { runMerge, REPORT_UNREADABLE } from '../merge/merge.js';
import { shardsWords } from '../grade/shard.js';
import { nonBlankPath } from '../options.js';
import { printableLine } from '../../reports/escape.js';
import { plural } from '../../reports/summary.js';
import { exitCode, printClassLines, setAsideText, verdictText, type FailOn } from './grade.js';

interface MergeFlags {
  out: string;
  failOn: FailOn;
  partial?: boolean;
  quiet?: boolean;
}

export function mergeCommand(ctx: CliContext): Command {
  return new Command('merge')
    .description('one class\'s outputs (dashboard, gradebook, junit.xml, summary.md, reports) from the --out folders of its shards (grade --shard i/n), as one grade of the whole class writes them')
    .argument('<folders...>', 'the --out folders of the shards (grade --shard i/n), each once, in any order')
    .requiredOption('--out <dir>', 'folder to write the class\'s outputs into (required; created if needed; not one of the folders merged)', nonBlankPath('the folder to write the merged outputs into'))
    .addOption(new Option('--fail-on <what>', 'what makes the exit code non-zero: failed submissions (1), also ungradable ones (2), or nothing').choices(['none', 'failed', 'ungradable']).default('failed'))
    .option('--partial', 'merge the shards given when some of the class\'s are missing (the titles say which); without it, a missing shard is a usage error')
    .option('-q, --quiet', 'no progress display on stderr')
    .action(async (dirs: string[], flags: MergeFlags) => {
      const outcome = await runMerge({
        dirs,
        outDir: flags.out,
        partial: flags.partial === true,
        version: ctx.version,
        warn: (line) => ctx.stderr(printableLine(line) + '\n'),
        // As grade shows it (grade.ts), counting the rows merged: on stderr, stdout and the files being a whole grade's.
        progress: flags.quiet ? undefined : { isTTY: ctx.isTTY, write: ctx.stderr, columns: () => process.stderr.columns },
      });
      if (!outcome.ok) {
        outcome.problems.forEach((line) => ctx.stderr(printableLine(line) + '\n'));
        ctx.exit(EXIT.unusable);
        return;
      }
      const from = outcome.missing.length === 0 ? plural(outcome.shards.length, 'shard') : `${shardsWords(outcome.shards, outcome.count)} (${plural(outcome.missing.length, 'shard')} missing)`;
      // Ended as grade ends its own (the duplicates the shards set aside, counted), the lines after it naming them.
      ctx.stdout(printableLine(`merged ${plural(outcome.rows.length, 'attendee')} from ${from} into ${flags.out}: ${verdictText(outcome.rows)}${setAsideText(outcome.duplicates)}`) + '\n');
      printClassLines(ctx, outcome);
      const unusable = outcome.rows.filter((row) => row.report.error?.code === REPORT_UNREADABLE).length;
      if (unusable > 0) ctx.stderr(`flowgrade: ${plural(unusable, 'report')} of the shards could not be used: ${unusable === 1 ? 'its row says' : 'their rows say'} ungradable (${REPORT_UNREADABLE}); grade ${unusable === 1 ? 'its shard' : 'their shards'} again, then merge again\n`);
      // The shards' ungradable rows are not named again (their grade jobs did), but an exit 2 they make is said, not left to guess.
      const ungradable = outcome.rows.filter((row) => row.report.verdict === 'ungradable').length;
      if (flags.failOn === 'ungradable' && ungradable > 0) ctx.stderr(`${ungradableLine(ungradable)}\n`);
      // A report the merge could not use is a row the class has no result for: never a green run (but with --fail-on none).
      ctx.exit(unusable > 0 && flags.failOn !== 'none' ? EXIT.unusable : exitCode(outcome.rows, flags.failOn));
    });
}

/** Why `--fail-on ungradable` made the exit code 2 (docs/grade.md, Merging the shards). */
function ungradableLine(count: number): string {
  return count === 1
    ? "flowgrade: 1 ungradable submission, which --fail-on ungradable makes exit 2: its row in the dashboard and its report say why, as its shard's grade named it"
    : `flowgrade: ${count} ungradable submissions, which --fail-on ungradable makes exit 2: their rows in the dashboard and their reports say why, as their shards' grade named them`;
}
