import { existsSync, readlinkSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import { Command, Option } from 'commander';
import type { GradeReport } from '../../engine/report.js';
import { orderReport, renderConsole, renderHtmlReport, renderJson, renderJunit, renderMarkdown } from '../../reports/index.js';
import { printableLine, terminalJson } from '../../reports/escape.js';
import { BASIC_MARKS, type Marks } from '../../reports/console.js';
import type { CliContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { gradeFile } from '../grade-file.js';
import { exportFiles } from '../file-patterns.js';
import { refuseUnusableSettings, resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import { addGradingOptions } from './grading-flags.js';
import { inputErrorLine, IS_A_DIRECTORY, NOT_A_REGULAR_FILE, reasonOf } from '../io.js';
import { writeWhole } from '../write-whole.js';
import { ATTENDEE_HELP, junitRecommendedOption, nonBlankPath, parseAttendee, refuseFileArguments } from '../options.js';
import type { RecommendedAs } from '../../reports/junit.js';

type Format = 'console' | 'json' | 'html' | 'junit' | 'markdown';
interface CheckFlags extends GradingFlags {
  format: Format;
  out?: string;
  attendee?: string;
  quiet?: boolean;
  junitRecommended: RecommendedAs;
}

export function checkCommand(ctx: CliContext): Command {
  const command = new Command('check')
    .description('grade exported flows against a lab mission and print what is right, what is wrong and how to fix it')
    .argument('<files...>', 'Flow Designer exports (.json)')
    .addOption(new Option('--format <format>', 'report format').choices(['console', 'json', 'html', 'junit', 'markdown']).default('console'))
    .option('--out <file>', 'write the report to a file instead of stdout', nonBlankPath('the file to write the report into'))
    .option('--attendee <id>', ATTENDEE_HELP, parseAttendee)
    .option('-q, --quiet', 'console format: only Fix first, the failures, the required checks not judged and the summary line')
    .addOption(junitRecommendedOption());
  return addGradingOptions(command).action(async (given: string[], flags: CheckFlags) => {
    refuseFileArguments(given);
    const files = await exportFiles(given, (line) => ctx.stderr(printableLine(line) + '\n'));
    if (flags.attendee && files.length > 1) throw new UsageError('--attendee applies to one file; give one file or drop --attendee');
    if (flags.format === 'html' && files.length > 1) throw new UsageError('--format html writes one report; use `flowgrade grade` for several files');
    if (flags.out !== undefined && (await isOneOf(flags.out, files))) throw new UsageError(`--out ${flags.out} is one of the exports given: the report would overwrite it; choose another file`, 'bad-out');
    // The dataset is the grader's own input too: read before the report is written, then lost to it.
    if (flags.out !== undefined && flags.dynvars !== undefined && (await isOneOf(flags.out, [flags.dynvars]))) {
      throw new UsageError(`--out ${flags.out} is the --dynvars dataset: the report would overwrite it; choose another file`, 'bad-out');
    }
    // One clock for the run, as `grade` has: the reports of its files agree on when they were made.
    const options = await resolveGradingOptions({ ...flags, now: flags.now ?? new Date().toISOString() });
    refuseUnusableSettings(options, flags);
    const reports: GradeReport[] = [];
    for (const file of files) {
      const report = folderAdvice(await gradeFile(file, { ...options, attendee: flags.attendee }));
      // Console output on stdout says it itself; other formats, and a report written to --out, keep it off stdout.
      if (report.error && (flags.format !== 'console' || flags.out !== undefined)) ctx.stderr(inputErrorLine(file, report.error) + '\n');
      ctx.exit(report.verdict === 'passed' ? EXIT.passed : report.verdict === 'failed' ? EXIT.failed : EXIT.unusable);
      reports.push(report);
    }
    // A file is not a terminal: a report written to --out is never coloured.
    // Nor wrapped: console output wraps only to a terminal's width.
    // Nor drawn with the basic marks Windows' own console needs (cli/terminal.ts).
    const toTerminal = flags.out === undefined;
    const output = render(flags.format, reports, {
      color: toTerminal && ctx.color,
      quiet: flags.quiet ?? false,
      width: toTerminal ? ctx.columns?.() : undefined,
      marks: toTerminal && !ctx.unicode ? BASIC_MARKS : undefined,
      recommended: flags.junitRecommended,
    });
    if (flags.out !== undefined) await writeWhole(flags.out, output).catch((error: NodeJS.ErrnoException & { partRemoved?: boolean; notRegular?: boolean }) => {
      // The file is created: what is missing is the folder it would go in.
      // A name ending in a separator is a folder's, whether or not that folder exists (EISDIR either way).
      const reason = error.notRegular
        ? `${NOT_A_REGULAR_FILE}; give a file to write the report into, or leave out --out to print the report`
        : error.code === 'ENOENT'
          ? missingFolder(flags.out!)
          : error.code === 'EISDIR' && /[\\/]$/.test(flags.out!) && !existsSync(flags.out!)
            ? `it ends in "${flags.out!.slice(-1)}", so it names a folder, not a file; give the file to write the report into`
            : reasonOf(error);
      throw new UsageError(`cannot write --out ${flags.out}: ${reason}${error.partRemoved ? '; the part written is removed' : ''}`, 'bad-out');
    });
    else ctx.stdout(flags.format === 'json' ? terminalJson(output) : output);
  });
}

/**
 * A folder given to `check` (a class's folder, or the one an LMS download unpacked into) is
 * ungradable as any unreadable input (exit 2, unreadable-file), and told what grades a folder.
 */
function folderAdvice(report: GradeReport): GradeReport {
  if (report.error?.code !== 'unreadable-file' || report.error.message !== IS_A_DIRECTORY) return report;
  return { ...report, error: { ...report.error, message: 'is a directory: `check` takes export files (.json); `flowgrade grade <folder> --out <dir>` grades a folder' } };
}

/**
 * Which folder is missing when the report's file cannot be made (ENOENT): its own; or, for a
 * symbolic link whose target is gone (a report published on a share not mounted), the one the
 * link leads into, the folder holding the link being there.
 */
function missingFolder(out: string): string {
  let target: string;
  try {
    target = readlinkSync(out);
  } catch {
    return `the folder ${path.dirname(out)} does not exist`;
  }
  return `it is a symbolic link to ${target}, which leads into a folder that does not exist`;
}

/** What isOneOf asks of a file (fs.promises.stat; a test stands in for another system's). */
export type StatFile = (file: string, options?: { bigint?: boolean }) => Promise<{ dev: number | bigint; ino: number | bigint; isFile(): boolean }>;

/**
 * Whether `out` is the same regular file as one of `files`, whatever the path (`./`, a symlink, a
 * hard link). Ids as bigints: on Windows (NTFS) a file id is 64 bits and often beyond 2^53, where
 * a number would round it and take two files of one folder for one.
 */
export async function isOneOf(out: string, files: string[], statFile: StatFile = stat): Promise<boolean> {
  const identity = (file: string) => statFile(file, { bigint: true }).then((info) => (info.isFile() ? `${info.dev}:${info.ino}` : undefined), () => undefined);
  const target = await identity(out);
  if (target === undefined) return false; // not there yet: it cannot be an input
  for (const file of files) if ((await identity(file)) === target) return true;
  return false;
}

interface RenderSettings {
  color: boolean;
  quiet: boolean;
  width: number | undefined;
  marks: Marks | undefined;
  /** JUnit: how a recommended check not met is written. */
  recommended: RecommendedAs;
}

function render(format: Format, reports: GradeReport[], { color, quiet, width, marks, recommended }: RenderSettings): string {
  switch (format) {
    case 'json':
      return reports.length === 1 ? renderJson(reports[0]) : JSON.stringify(reports.map(orderReport), null, 2) + '\n';
    case 'html':
      return renderHtmlReport(reports[0]);
    case 'junit':
      return renderJunit(reports, { recommended });
    case 'markdown':
      // No dashboard beside it: what the summary leaves out is in each file's own report.
      return renderMarkdown(reports, { fullListing: "each file's own report: flowgrade check FILE" });
    case 'console': {
      const chalk = new Chalk({ level: color ? 1 : 0 });
      return reports.map((report) => renderConsole(report, { color: chalk, quiet, width, marks })).join('\n');
    }
  }
}
