/**
 * Grading one submission of a batch, the same way in a worker thread and in-process (`--jobs 1`):
 * grade it, write its JSON and HTML reports into the staging folder under its task index (the
 * batch renames them once every attendee's file name is known), and hand back a slim report and
 * its JUnit suite for the class-level outputs (rendered here, in parallel, not all at the end).
 * Never throws for a bad input: any failure becomes an `ungradable` row.
 */
import { writeFileSync, type PathLike } from 'node:fs';
import path from 'node:path';
import { attendeeIdOf, gradeFlow, gradingFailed, refusedReport, type GradeOptions } from '../../engine/grade.js';
import type { GradeReport } from '../../engine/report.js';
import type { Mission } from '../../engine/check.js';
import { boundReport, renderClassRow, renderHtmlReport, renderJson, type ClassColumns, type JunitOptions } from '../../reports/index.js';
import { withInputFileSync } from './read-sync.js';
import type { GradedRow, InputError, Submission } from './types.js';
import { messageOf } from '../../engine/error-message.js';

export type GradeTask = Submission & { index: number };

/** What a grading thread is asked: grade a submission, or only say whose it is (the --shard pass). */
export type WorkerJob = { grade: GradeTask } | { attendeeOf: Submission };

export interface TaskEnv {
  options: Omit<GradeOptions, 'fileName'>;
  /** Folder the per-attendee reports are staged in, as `<index>.json` and `<index>.html`. */
  stagingDir: string;
  /** The class files' columns (the mission's steps and checks), worked out once per thread. */
  columns: ClassColumns;
  /** How junit.xml writes a recommended check not met (`--junit-recommended`). */
  junit: JunitOptions;
}

export function taskEnv(options: Omit<GradeOptions, 'fileName'>, stagingDir: string, junit: JunitOptions = {}): TaskEnv {
  return { options, stagingDir, columns: classColumns(options.mission), junit };
}

/** The two parts of a task that can fail for want of a bug of ours; a test hands in failing ones. */
export interface TaskParts {
  grade: (task: GradeTask, options: Omit<GradeOptions, 'fileName'>) => Promise<GradeReport>;
  render: (report: GradeReport) => Pages;
}

/** Grades one submission and writes its reports; never throws for a bad input. */
export async function gradeTask(task: GradeTask, env: TaskEnv, parts: Partial<TaskParts> = {}): Promise<GradedRow> {
  const { grade: gradeIt = grade, render = renderPages } = parts;
  let report: GradeReport;
  try {
    // What every output shows, the class files included (reports/bounds.ts); bounded here once,
    // renderJson and renderHtmlReport do not walk it again.
    report = boundReport(await gradeIt(task, env.options));
  } catch (error) {
    report = ungradable(task.file, gradingFailed(error), env.options);
  }
  let pages: Pages;
  try {
    pages = render(report);
  } catch (error) {
    // A report that cannot be made (beyond the longest string V8 holds, say): this row says so, and
    // the batch goes on — also in-process, where a throw here would end it. (A write that fails,
    // a full disk, is not this: it reaches the batch, which names --out.)
    report = ungradable(task.file, { code: 'report-failed', message: `its report could not be made: ${messageOf(error)}` }, env.options);
    pages = renderPages(report);
  }
  stagePages(task.index, pages, env.stagingDir);
  return { ...rowOf(task), report: slim(report), classRow: renderClassRow(report, env.columns, env.junit) };
}

/** A row for a submission whose grading never finished (worker crash, timeout). */
export function failedTask(task: GradeTask, error: InputError, env: TaskEnv): GradedRow {
  const report = ungradable(task.file, error, env.options);
  stagePages(task.index, renderPages(report), env.stagingDir);
  return { ...rowOf(task), report, classRow: renderClassRow(report, env.columns, env.junit) };
}

/** What a row carries of its task: where it was found. */
function rowOf(task: GradeTask): Omit<GradedRow, 'report' | 'classRow'> {
  return { index: task.index, file: task.file, ...(task.entry === undefined ? {} : { entry: task.entry }), folder: task.folder, mtimeMs: task.mtimeMs };
}

/** The attendee id `task`'s report will carry, found by loading it (not grading it). */
export async function attendeeOfTask(task: Submission, options: Omit<GradeOptions, 'fileName'>): Promise<string> {
  const withFile = { ...options, fileName: task.file };
  switch (task.kind) {
    case 'path':
      return withInputFileSync(openedBy(task), options.limits?.maxBytes, async (read) => attendeeIdOf(read.ok ? read.bytes : undefined, withFile));
    case 'bytes':
      return attendeeIdOf(task.bytes, withFile);
    case 'refused':
      return attendeeIdOf(undefined, withFile);
  }
}

/** The columns a class graded on `mission` has: its Build steps and its checks. */
export function classColumns(mission: Mission): ClassColumns {
  return { steps: [...new Set(mission.checks.map((check) => check.step))].sort((a, b) => a - b), checkIds: mission.checks.map((check) => check.id) };
}

export function stagedPath(stagingDir: string, index: number, extension: 'json' | 'html'): string {
  return path.join(stagingDir, `${index}.${extension}`);
}

function grade(task: GradeTask, options: Omit<GradeOptions, 'fileName'>): Promise<GradeReport> {
  switch (task.kind) {
    case 'path': {
      // Synchronous I/O: a grading thread has nothing else to do meanwhile, and it is much faster.
      return withInputFileSync(openedBy(task), options.limits?.maxBytes, (read) =>
        read.ok ? gradeFlow(read.bytes, { ...options, fileName: task.file }) : Promise.resolve(ungradable(task.file, read.error, options)),
      );
    }
    case 'bytes':
      return gradeFlow(task.bytes, { ...options, fileName: task.file });
    case 'refused':
      return Promise.resolve(ungradable(task.file, task.error, options));
  }
}

/** What a file on disk is opened by: its path's bytes when they are not UTF-8 (a Buffer again: a thread is sent a Uint8Array), else its path. */
function openedBy(task: Submission & { kind: 'path' }): PathLike {
  return task.at ? Buffer.from(task.at.buffer, task.at.byteOffset, task.at.byteLength) : task.file;
}

/** An `ungradable` report carrying `error`, for a submission whose bytes were not graded. */
function ungradable(file: string, error: InputError, options: Omit<GradeOptions, 'fileName'>): GradeReport {
  return refusedReport(error, { ...options, fileName: file });
}

interface Pages {
  json: string;
  html: string;
}

function renderPages(report: GradeReport): Pages {
  return { json: renderJson(report), html: renderHtmlReport(report) };
}

/**
 * Writes both reports. Synchronous writes: a grading thread has nothing else to do meanwhile, and
 * they cost a third of what fs/promises' file handles, promises and thread-pool round trips do
 * (measured: 8.0 s instead of 8.4–9.2 s of CPU for 1,000 submissions).
 */
function stagePages(index: number, pages: Pages, stagingDir: string): void {
  writeFileSync(stagedPath(stagingDir, index, 'json'), pages.json);
  writeFileSync(stagedPath(stagingDir, index, 'html'), pages.html);
}

/**
 * What the class-level outputs (dashboard, CSV, JUnit, Markdown) use: everything but the traces
 * (scenarios' and checks' excerpts) and the flow drawing, which only the per-attendee reports show.
 * Smaller to send back from a worker and to keep for a whole class.
 */
export function slim(report: GradeReport): GradeReport {
  const { flow: _flow, ...rest } = report;
  return {
    ...rest,
    checks: report.checks.map(({ traceExcerpt: _excerpt, ...check }) => check),
    scenarios: report.scenarios.map((scenario) => ({ ...scenario, trace: [] })),
  };
}
