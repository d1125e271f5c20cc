/** `flowgrade grade <dir|zip|file|glob>… --out <dir>`: grade a whole class (docs/grade.md). */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { runBatch } from '../grade/batch.js';
import type { Duplicate } from '../grade/duplicates.js';
import { moodleFeedbackLine } from '../grade/moodle-feedback.js';
import { gradedCount } from '../grade/moodle-grades.js';
import { canvasColumnOf, canvasGradesLine } from '../grade/canvas-grades.js';
import { parseShard, type Shard } from '../grade/shard.js';
import type { GradedRow } from '../grade/types.js';
import type { Gradebooks } from '../grade/write-outputs.js';
import { DEFAULT_ZIP_LIMITS } from '../grade/zip.js';
import { refuseUnusableSettings, resolveGradingOptions, type GradingFlags } from '../grading-options.js';
import { addGradingOptions } from './grading-flags.js';
import { inputErrorLine } from '../io.js';
import { shownAttendeeId } from '../../reports/attendee-id.js';
import { verdictCounts } from '../../reports/class-totals.js';
import { setAsideCount } from '../../reports/dashboard.js';
import { printableLine } from '../../reports/escape.js';
import { plural } from '../../reports/summary.js';
import { junitRecommendedOption, nonBlankPath, parsePositiveInt, parseSize, positiveIntUpTo } from '../options.js';
import type { RecommendedAs } from '../../reports/junit.js';
import { DEFAULT_LIMITS } from '../../engine/json-text.js';

export type FailOn = 'none' | 'failed' | 'ungradable';

interface GradeFlags extends GradingFlags {
  out: string;
  jobs?: number;
  shard?: Shard;
  failOn: FailOn;
  quiet?: boolean;
  maxArchiveSize?: number;
  maxEntries?: number;
  timeout: number;
  moodleMaxGrade: number;
  canvasAssignment?: string;
  junitRecommended: RecommendedAs;
}

/** Each grading thread is a JavaScript runtime of its own (tens of MB); beyond the cores it adds memory, not speed. */
const MAX_JOBS = 64;
/** The highest Maximum grade a Moodle assignment may have (the site's gradepointmax can be raised to 10,000). */
const MAX_MOODLE_GRADE = 10_000;
/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one fires at once. */
const MAX_TIMEOUT_SECONDS = 86_400;

function defaultJobs(): number {
  return Math.min(availableParallelism(), MAX_JOBS);
}

export function gradeCommand(ctx: CliContext): Command {
  const command = new Command('grade')
    .description('grade a whole class (folders, zip archives, files, quoted globs) and write per-attendee and class reports into --out')
    .argument('<inputs...>', 'folders (searched recursively for *.json and *.zip), zip archives, export files, or quoted globs such as "subs/**/*.json"')
    .requiredOption('--out <dir>', 'folder to write the reports into (required; created if needed)', nonBlankPath('the folder to write the reports into'))
    .option('--jobs <n>', `grading threads, at most ${MAX_JOBS} (default: available parallelism, here ${defaultJobs()}); 1 grades in-process`, positiveIntUpTo(MAX_JOBS, 'threads'))
    .option('--shard <i/n>', 'grade only block i of n of the submissions, one attendee\'s submissions in one folder never split (a class across CI machines)', parseShard)
    .addOption(new Option('--fail-on <what>', 'what makes the exit code non-zero: failed submissions (1), also ungradable ones (2), or nothing').choices(['none', 'failed', 'ungradable']).default('failed'))
    .option('-q, --quiet', 'no progress display on stderr')
    .option('--max-archive-size <size>', 'largest total expansion of a zip archive (default 200MB)', parseSize)
    .option('--max-entries <n>', 'most exports in a zip archive, nested ones included, and most archives inside it (default 10000)', parsePositiveInt)
    .option('--timeout <seconds>', `longest time one submission may take in a worker thread, at most ${MAX_TIMEOUT_SECONDS} (a day)`, positiveIntUpTo(MAX_TIMEOUT_SECONDS, 'seconds'), 120)
    .option('--moodle-max-grade <n>', 'the Maximum grade of the Moodle assignment: moodle-grades.csv gives each grade out of it', positiveIntUpTo(MAX_MOODLE_GRADE, 'points'), 100)
    .option('--canvas-assignment <column>', 'the Canvas assignment canvas-grades.csv gives the grades of: its column header in Canvas\'s Gradebook export, "Lab 3 (4567)", or its id (default: a column Canvas\'s import asks about)', parseCanvasColumn)
    .addOption(junitRecommendedOption());
  return addGradingOptions(command).action(async (inputs: string[], flags: GradeFlags) => {
    // The shared grading flags go to every worker as they are; one clock for the whole batch:
    // every report says the same time, whichever thread made it.
    const { out: _out, jobs: _jobs, shard: _shard, failOn: _failOn, quiet: _quiet, maxArchiveSize: _mas, maxEntries: _me, timeout: _timeout, moodleMaxGrade: _mmg, canvasAssignment: _ca, junitRecommended: _jr, ...shared } = flags;
    const gradingFlags = { ...shared, now: shared.now ?? new Date().toISOString() };
    const options = await resolveGradingOptions(gradingFlags);
    refuseUnusableSettings(options, gradingFlags);
    const outcome = await runBatch({
      inputs,
      outDir: flags.out,
      flags: gradingFlags,
      options,
      jobs: flags.jobs ?? defaultJobs(),
      shard: flags.shard,
      zipLimits: {
        maxEntryBytes: flags.maxSize ?? DEFAULT_LIMITS.maxBytes,
        maxTotalBytes: flags.maxArchiveSize ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
        maxEntries: flags.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
      },
      taskTimeoutMs: flags.timeout * 1000,
      moodleMaxGrade: flags.moodleMaxGrade,
      ...(flags.canvasAssignment !== undefined ? { canvasColumn: flags.canvasAssignment } : {}),
      junit: { recommended: flags.junitRecommended },
      progress: flags.quiet ? undefined : { isTTY: ctx.isTTY, write: ctx.stderr, columns: () => process.stderr.columns },
      // Warnings and usage errors name archive entries and folders: names a stranger chose.
      warn: (line) => ctx.stderr(printableLine(line) + '\n'),
    });
    if (!outcome.ok) {
      outcome.problems.forEach((line) => ctx.stderr(printableLine(line) + '\n'));
      ctx.exit(EXIT.unusable);
      return;
    }
    for (const row of outcome.rows) if (row.report.error) ctx.stderr(inputErrorLine(row.file, row.report.error) + '\n');
    ctx.stdout(printableLine(summary(outcome.rows, outcome.found, outcome.duplicates, flags)) + '\n');
    printClassLines(ctx, outcome);
    if (process.env.FLOWGRADE_REPORT_RSS) ctx.stderr(`flowgrade: peak RSS ${process.resourceUsage().maxRSS} KB\n`);
    ctx.exit(exitCode(outcome.rows, flags.failOn));
  });
}

/** `--canvas-assignment`'s value: the header canvas-grades.csv gives the assignment's column (canvas-grades.ts canvasColumnOf). */
function parseCanvasColumn(value: string): string {
  const column = canvasColumnOf(value);
  if (typeof column !== 'string') throw new InvalidArgumentError(`${JSON.stringify(value)} ${column.why}`);
  return column;
}

/**
 * Codes of a submission left ungradable by flowgrade itself (a bug of ours, or its thread dying),
 * not by its file: the class's results are incomplete whatever the attendees did.
 */
const GRADER_FAILURES = new Set(['internal-error', 'report-failed', 'grading-crashed']);

const graderFailures = (rows: GradedRow[]) => rows.filter((row) => GRADER_FAILURES.has(row.report.error?.code ?? ''));

/**
 * `--fail-on failed` (default): 1 when a kept submission failed, else 0. `--fail-on ungradable`:
 * also 2 when a kept submission was ungradable (as `check` exits 2 on an unreadable input).
 * Either: 2 when flowgrade failed to grade a submission (`GRADER_FAILURES`), as `check` exits 2
 * on an internal error, so that a CI job is not green on a batch its grader broke.
 * `--fail-on none`: 0.
 */
export function exitCode(rows: GradedRow[], failOn: FailOn): number {
  if (failOn === 'none') return EXIT.passed;
  if (graderFailures(rows).length > 0) return EXIT.unusable;
  if (failOn === 'ungradable' && rows.some((row) => row.report.verdict === 'ungradable')) return EXIT.unusable;
  return rows.some((row) => row.report.verdict === 'failed') ? EXIT.failed : EXIT.passed;
}

/**
 * What grade and merge print after their summary line: the duplicates set aside, the lines of the
 * files to hand back (Moodle's, Canvas's), and, on stderr, the submissions flowgrade failed to grade.
 */
export function printClassLines(ctx: CliContext, outcome: { rows: GradedRow[]; duplicates: readonly Duplicate[] } & Gradebooks): void {
  for (const duplicate of outcome.duplicates) {
    ctx.stdout(printableLine(`duplicate submissions for ${shownAttendeeId(duplicate.attendee)}: kept ${duplicate.kept}; set aside ${duplicate.dropped.join(', ')}`) + '\n');
  }
  const feedback = moodleFeedbackLine(outcome.moodleFeedback, gradedCount(outcome.moodleStudents));
  if (feedback !== undefined) ctx.stdout(printableLine(feedback) + '\n');
  const canvas = canvasGradesLine(outcome.canvasGrades);
  if (canvas !== undefined) ctx.stdout(printableLine(canvas) + '\n');
  const graderFailed = graderFailureLine(outcome.rows);
  if (graderFailed !== undefined) ctx.stderr(printableLine(graderFailed) + '\n');
}

/** The closing line when flowgrade failed to grade some submissions, else nothing. */
export function graderFailureLine(rows: GradedRow[]): string | undefined {
  const failed = graderFailures(rows);
  if (failed.length === 0) return undefined;
  const codes = [...new Set(failed.map((row) => row.report.error?.code))].join(', ');
  return `flowgrade: ${plural(failed.length, 'submission')} not graded because flowgrade failed on ${failed.length === 1 ? 'it' : 'them'} (${codes}): their rows say ungradable through no fault of theirs; please report it with the file`;
}

/**
 * `graded 12 attendees into graded: 5 passed, 6 failed, 1 ungradable; 1 submission set aside as a duplicate`:
 * the progress line before it counted submissions (13), the duplicates set aside included; the lines after
 * it name them.
 */
function summary(rows: GradedRow[], found: number, duplicates: readonly Duplicate[], flags: GradeFlags): string {
  const shard = flags.shard ? ` (shard ${flags.shard.index}/${flags.shard.count} of ${plural(found, 'submission')} found)` : '';
  return `graded ${plural(rows.length, 'attendee')} into ${flags.out}${shard}: ${verdictText(rows)}${setAsideText(duplicates)}`;
}

/** `; 1 submission set aside as a duplicate` (nothing when none is): the end of grade's and merge's summary line. */
export function setAsideText(duplicates: readonly Duplicate[]): string {
  const setAside = setAsideCount(duplicates);
  return setAside > 0 ? `; ${plural(setAside, 'submission')} set aside as ${setAside === 1 ? 'a duplicate' : 'duplicates'}` : '';
}

/** `3 passed, 1 failed, 0 ungradable`: the end of grade's and merge's summary line. */
export function verdictText(rows: readonly GradedRow[]): string {
  const count = verdictCounts(rows.map((row) => row.report));
  return `${count.passed} passed, ${count.failed} failed, ${count.ungradable} ungradable`;
}

